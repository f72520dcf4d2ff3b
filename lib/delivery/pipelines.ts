/**
 * CI tools report pipelines, not deployments. This turns pipelines (with their commits and tasks)
 * into deployment rows, following the rules of Apache DevLake's deployment generator so that a
 * pipeline means the same thing here as there:
 * - a pipeline is a deployment when its result is SUCCESS or FAILURE and it is of type DEPLOYMENT
 *   or has a task of type DEPLOYMENT whose result is SUCCESS or FAILURE (skipped or running
 *   pipelines and tasks are not deployments);
 * - one row per pipeline × repository it built (`id = pipeline id + ":" + repo url`);
 * - an empty environment is inferred from the pipeline's tasks: any PRODUCTION task → PRODUCTION,
 *   else any STAGING → STAGING, else any TESTING → TESTING, else it stays empty;
 * - a missing start is finish − duration (still missing when the finish is).
 * Values are compared case-insensitively and returned upper-case, as CI tools send them.
 */
import type { DeploymentEvent } from "./types";

export interface CiPipeline {
  id: string;
  scopeId: string;
  result: string;
  type: string | null;
  environment: string | null;
  durationSec: number | null;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface CiPipelineCommit {
  pipelineId: string;
  commitSha: string;
  repoUrl: string;
}

export interface CiTask {
  pipelineId: string;
  result: string;
  type: string | null;
  environment: string | null;
}

export interface PipelineDeployment {
  id: string;
  pipelineId: string;
  scopeId: string;
  repoUrl: string;
  commitSha: string;
  result: "SUCCESS" | "FAILURE";
  /** PRODUCTION, STAGING, TESTING, another value the tool sent, or "" when unknown. */
  environment: string;
  startedAt: Date | null;
  finishedAt: Date | null;
}

const DEPLOYMENT = "DEPLOYMENT";
const INFERRED_ENVIRONMENTS = ["PRODUCTION", "STAGING", "TESTING"] as const;

function upper(value: string | null): string {
  return (value ?? "").trim().toUpperCase();
}

function finalResult(result: string): "SUCCESS" | "FAILURE" | null {
  const r = upper(result);
  return r === "SUCCESS" || r === "FAILURE" ? r : null;
}

export function deploymentsFromPipelines(
  pipelines: readonly CiPipeline[],
  commits: readonly CiPipelineCommit[],
  tasks: readonly CiTask[],
): PipelineDeployment[] {
  const tasksByPipeline = new Map<string, CiTask[]>();
  for (const t of tasks) {
    const list = tasksByPipeline.get(t.pipelineId);
    if (list) list.push(t);
    else tasksByPipeline.set(t.pipelineId, [t]);
  }
  const commitsByPipeline = new Map<string, CiPipelineCommit[]>();
  for (const c of commits) {
    const list = commitsByPipeline.get(c.pipelineId);
    if (list) list.push(c);
    else commitsByPipeline.set(c.pipelineId, [c]);
  }

  const out: PipelineDeployment[] = [];
  for (const p of pipelines) {
    const result = finalResult(p.result);
    if (!result) continue;
    const pipelineTasks = tasksByPipeline.get(p.id) ?? [];
    const deploys =
      upper(p.type) === DEPLOYMENT ||
      pipelineTasks.some((t) => upper(t.type) === DEPLOYMENT && finalResult(t.result) !== null);
    if (!deploys) continue;

    const taskEnvironments = new Set(pipelineTasks.map((t) => upper(t.environment)));
    const environment = upper(p.environment) || (INFERRED_ENVIRONMENTS.find((e) => taskEnvironments.has(e)) ?? "");
    const startedAt =
      p.startedAt ??
      (p.finishedAt && p.durationSec !== null ? new Date(p.finishedAt.getTime() - p.durationSec * 1000) : null);

    for (const c of commitsByPipeline.get(p.id) ?? []) {
      out.push({
        id: `${p.id}:${c.repoUrl}`,
        pipelineId: p.id,
        scopeId: p.scopeId,
        repoUrl: c.repoUrl,
        commitSha: c.commitSha,
        result,
        environment,
        startedAt,
        finishedAt: p.finishedAt,
      });
    }
  }
  return out;
}

/**
 * Deployment events for the delivery metrics. A row that never finished cannot be placed in time
 * and is left out; `serviceOf` maps a row to the service it deployed (null = not ours, left out).
 * Pipelines carry no hotfix/rollback marker, so every row is a regular deployment.
 */
export function toDeploymentEvents(
  rows: readonly PipelineDeployment[],
  serviceOf: (row: PipelineDeployment) => string | null,
): DeploymentEvent[] {
  const out: DeploymentEvent[] = [];
  for (const row of rows) {
    const serviceId = serviceOf(row);
    if (row.finishedAt === null || serviceId === null) continue;
    out.push({
      id: row.id,
      serviceId,
      environment: row.environment.toLowerCase(),
      status: row.result === "SUCCESS" ? "success" : "failure",
      kind: "regular",
      startedAt: row.startedAt,
      finishedAt: row.finishedAt,
      commitSha: row.commitSha,
      commits: null,
    });
  }
  return out;
}
