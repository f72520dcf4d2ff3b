/**
 * Change failure and failed deployment recovery, per production deployment.
 *
 * A production deployment caused a failure when any of these holds:
 * - `failed`: its own status is `failure`;
 * - `incident`: at least one incident is linked to it (see incidents.ts);
 * - `remediated`: the next successful production deployment of the same service and environment
 *   after it is a hotfix or a rollback — that deployment exists to undo or repair this one.
 *   A hotfix that is itself followed by another hotfix therefore counts as failed too.
 *
 * Recovery time, per failed deployment, runs from its finish to:
 * - the latest resolution among its linked incidents, when it has linked incidents and all are
 *   resolved (while one is open, the service has not recovered: the value is missing);
 * - otherwise, when no incident is linked, the finish of the next successful deployment of the
 *   same service and environment (the fix, rollback or redeploy that put it right).
 * Whole minutes rounded up; a missing or negative span leaves the deployment out of the median.
 */
import { SuccessChains, compareByFinish, isProduction } from "./deployments";
import { spanMinutes } from "./spans";
import type { DeploymentEvent, IncidentEvent } from "./types";

export type FailureReason = "failed" | "incident" | "remediated";

export interface DeploymentOutcome {
  deployment: DeploymentEvent;
  /** Empty when the deployment did not cause a failure. */
  reasons: FailureReason[];
  causedFailure: boolean;
  /** Hotfix or rollback: unplanned work to fix production (deployment rework). */
  isRework: boolean;
  recoveredAt: Date | null;
  recoveryMinutes: number | null;
}

function isRemediation(d: DeploymentEvent): boolean {
  return d.kind === "hotfix" || d.kind === "rollback";
}

/**
 * One outcome per production deployment (any status), in finish order.
 * `links` is the result of `linkIncidents` over the same deployments.
 */
export function assessProductionDeployments(
  deployments: readonly DeploymentEvent[],
  incidents: readonly IncidentEvent[],
  links: ReadonlyMap<string, string | null>,
): DeploymentOutcome[] {
  const chains = new SuccessChains(deployments);
  const incidentsByDeployment = new Map<string, IncidentEvent[]>();
  for (const incident of incidents) {
    const deploymentId = links.get(incident.id);
    if (!deploymentId) continue;
    const list = incidentsByDeployment.get(deploymentId);
    if (list) list.push(incident);
    else incidentsByDeployment.set(deploymentId, [incident]);
  }

  return deployments
    .filter(isProduction)
    .sort(compareByFinish)
    .map((deployment) => {
      const linked = incidentsByDeployment.get(deployment.id) ?? [];
      const next = chains.next(deployment);
      const reasons: FailureReason[] = [];
      if (deployment.status === "failure") reasons.push("failed");
      if (linked.length > 0) reasons.push("incident");
      if (next && isRemediation(next)) reasons.push("remediated");
      const causedFailure = reasons.length > 0;
      const recoveredAt = causedFailure ? recoveryEnd(linked, next) : null;
      return {
        deployment,
        reasons,
        causedFailure,
        isRework: isRemediation(deployment),
        recoveredAt,
        recoveryMinutes: spanMinutes(deployment.finishedAt, recoveredAt),
      };
    });
}

function recoveryEnd(linked: readonly IncidentEvent[], next: DeploymentEvent | null): Date | null {
  if (linked.length === 0) return next?.finishedAt ?? null;
  let latest: Date | null = null;
  for (const incident of linked) {
    if (!incident.resolvedAt) return null;
    if (!latest || incident.resolvedAt.getTime() > latest.getTime()) latest = incident.resolvedAt;
  }
  return latest;
}

/** The production deployments that caused a failure (the change failure rate numerator). */
export function failedDeployments(outcomes: readonly DeploymentOutcome[]): DeploymentOutcome[] {
  return outcomes.filter((o) => o.causedFailure);
}
