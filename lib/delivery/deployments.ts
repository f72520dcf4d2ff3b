/**
 * Ordering of deployments and the chain of successful deployments per service and environment,
 * which decides what each deployment ships and what remediates a failure.
 */
import type { DeploymentEvent } from "./types";

export const PRODUCTION = "production";

/** Environments are free text from clients; compare them trimmed and lower-cased. */
export function normaliseEnvironment(environment: string): string {
  return environment.trim().toLowerCase();
}

export function isProduction(deployment: DeploymentEvent): boolean {
  return normaliseEnvironment(deployment.environment) === PRODUCTION;
}

export function isSuccessfulProduction(deployment: DeploymentEvent): boolean {
  return deployment.status === "success" && isProduction(deployment);
}

/** Finish time, then start time (unknown last), then id: a total order so ties never depend on input order. */
export function compareByFinish(a: DeploymentEvent, b: DeploymentEvent): number {
  const byFinish = a.finishedAt.getTime() - b.finishedAt.getTime();
  if (byFinish !== 0) return byFinish;
  const aStart = a.startedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const bStart = b.startedAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (aStart !== bStart) return aStart < bStart ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function chainKey(serviceId: string, environment: string): string {
  return `${serviceId}\u0000${normaliseEnvironment(environment)}`;
}

/**
 * Successful deployments grouped by service and environment, each group in finish order.
 * Deployments without an environment belong to no chain (DevLake leaves them out too).
 */
export class SuccessChains {
  private readonly chains = new Map<string, DeploymentEvent[]>();

  constructor(deployments: readonly DeploymentEvent[]) {
    for (const d of deployments) {
      if (d.status !== "success" || normaliseEnvironment(d.environment) === "") continue;
      const key = chainKey(d.serviceId, d.environment);
      const chain = this.chains.get(key);
      if (chain) chain.push(d);
      else this.chains.set(key, [d]);
    }
    for (const chain of this.chains.values()) chain.sort(compareByFinish);
  }

  /** The successful deployment of the same service and environment just before `d` in finish order. */
  previous(d: DeploymentEvent): DeploymentEvent | null {
    const chain = this.chains.get(chainKey(d.serviceId, d.environment));
    if (!chain) return null;
    const i = firstAfterOrAt(chain, d);
    return i > 0 ? chain[i - 1] : null;
  }

  /** The successful deployment of the same service and environment just after `d` in finish order. */
  next(d: DeploymentEvent): DeploymentEvent | null {
    const chain = this.chains.get(chainKey(d.serviceId, d.environment));
    if (!chain) return null;
    let i = firstAfterOrAt(chain, d);
    if (i < chain.length && compareByFinish(chain[i], d) === 0) i += 1;
    return i < chain.length ? chain[i] : null;
  }
}

/** Index of the first chain member not ordered before `d` (binary search). */
function firstAfterOrAt(chain: readonly DeploymentEvent[], d: DeploymentEvent): number {
  let lo = 0;
  let hi = chain.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareByFinish(chain[mid], d) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * For every successful deployment with an environment, the previous successful deployment of
 * the same service and environment (null for the first of its chain). Failed deployments and
 * deployments without an environment are absent from the map.
 */
export function previousSuccessfulDeployments(
  deployments: readonly DeploymentEvent[],
): Map<string, DeploymentEvent | null> {
  const chains = new SuccessChains(deployments);
  const out = new Map<string, DeploymentEvent | null>();
  for (const d of deployments) {
    if (d.status !== "success" || normaliseEnvironment(d.environment) === "") continue;
    out.set(d.id, chains.previous(d));
  }
  return out;
}
