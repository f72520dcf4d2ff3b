import "server-only";
import type { DeploymentEvent, DeploymentKind, IncidentEvent, PullRequestEvent } from "@/lib/delivery/types";
import type { FlowType, StatusTransition, WorkItem } from "@/lib/flow/types";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * Reads delivery and flow events into the shapes the pure computations take (lib/delivery, lib/flow).
 * Raw SQL: recomputes and summaries read tens of thousands of rows, and timestamps are read as epoch
 * milliseconds so they are UTC whatever the session time zone.
 *
 * Pull requests come with their denormalised first commit and first review (the only ones lead time
 * needs) rather than the child rows: the first review stands in as a review by someone other than the
 * author, which is what it is.
 */
const ms = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;
const PRODUCTION = `lower(btrim("environment")) = 'production'`;
/** Author of the stand-in first review: empty, so it never equals a real author (authors are non-empty). */
const OTHER_REVIEWER = "";

export interface DeploymentRow extends DeploymentEvent {
  externalId: string;
}
export interface PullRequestRow extends PullRequestEvent {
  externalId: string;
  title: string | null;
  aiAssisted: boolean;
}
export interface IncidentRow extends IncidentEvent {
  externalId: string;
  title: string | null;
  /** The deployment externalId the client named, as sent. */
  causedByExternalId: string | null;
}

export interface DeliveryRows {
  deployments: DeploymentRow[];
  prs: PullRequestRow[];
  incidents: IncidentRow[];
}

interface RawDeployment {
  id: string;
  serviceId: string;
  externalId: string;
  environment: string;
  status: string;
  kind: string;
  startedAt: number | null;
  finishedAt: number;
  commitSha: string;
  commits: string[] | null;
}

interface RawPullRequest {
  id: string;
  serviceId: string;
  externalId: string;
  title: string | null;
  author: string;
  createdAt: number;
  mergedAt: number | null;
  mergeCommitSha: string | null;
  firstCommitAt: number | null;
  firstReviewAt: number | null;
  aiAssisted: boolean;
}

interface RawIncident {
  id: string;
  serviceId: string;
  externalId: string;
  title: string | null;
  severity: string | null;
  openedAt: number;
  resolvedAt: number | null;
  causedByDeployment: string | null;
}

const date = (v: number | null) => (v === null ? null : new Date(v));

function toDeployment(r: RawDeployment): DeploymentRow {
  return {
    id: r.id,
    serviceId: r.serviceId,
    externalId: r.externalId,
    environment: r.environment,
    status: r.status === "failure" ? "failure" : "success",
    kind: (["hotfix", "rollback"].includes(r.kind) ? r.kind : "regular") as DeploymentKind,
    startedAt: date(r.startedAt),
    finishedAt: new Date(r.finishedAt),
    commitSha: r.commitSha,
    commits: r.commits && r.commits.length > 0 ? r.commits : null,
  };
}

function toPullRequest(r: RawPullRequest): PullRequestRow {
  return {
    id: r.id,
    serviceId: r.serviceId,
    externalId: r.externalId,
    title: r.title,
    author: r.author,
    createdAt: new Date(r.createdAt),
    mergedAt: date(r.mergedAt),
    mergeCommitSha: r.mergeCommitSha,
    commits: r.firstCommitAt === null ? [] : [{ sha: "", authoredAt: new Date(r.firstCommitAt) }],
    reviews: r.firstReviewAt === null ? [] : [{ author: OTHER_REVIEWER, submittedAt: new Date(r.firstReviewAt) }],
    aiAssisted: r.aiAssisted,
  };
}

const DEPLOYMENT_COLUMNS = `"id", "serviceId", "externalId", "environment", "status", "kind", ${ms(`"startedAt"`)} AS "startedAt",
  ${ms(`"finishedAt"`)} AS "finishedAt", "commitSha", "commits"`;
const PR_COLUMNS = `"id", "serviceId", "externalId", "title", "author", ${ms(`"createdAt"`)} AS "createdAt", ${ms(`"mergedAt"`)} AS "mergedAt",
  "mergeCommitSha", ${ms(`"firstCommitAt"`)} AS "firstCommitAt", ${ms(`"firstReviewAt"`)} AS "firstReviewAt", "aiAssisted"`;
const INCIDENT_COLUMNS = `"id", "serviceId", "externalId", "title", "severity", ${ms(`"openedAt"`)} AS "openedAt",
  ${ms(`"resolvedAt"`)} AS "resolvedAt", "causedByDeployment"`;

/**
 * The events of `serviceIds` that can matter from `from` on (all history when null): deployments that
 * finished from then, pull requests merged from then (plus older ones a loaded deployment lists by SHA),
 * and incidents opened or resolved from then or naming a loaded deployment. Pass as `from` the finish of
 * the last successful production deployment before the period, so the first one in it knows what it ships.
 */
export async function loadDeliveryRows(runner: SqlRunner, serviceIds: readonly string[], from: Date | null): Promise<DeliveryRows> {
  if (serviceIds.length === 0) return { deployments: [], prs: [], incidents: [] };
  const since = from ? from.toISOString() : null;
  const at = (column: string) => `($2::timestamptz IS NULL OR ${column} >= ($2::timestamptz AT TIME ZONE 'UTC'))`;
  const rawDeployments = await runner.query<RawDeployment>(
    `SELECT ${DEPLOYMENT_COLUMNS} FROM "Deployment" WHERE "serviceId" = ANY($1::text[]) AND ${at(`"finishedAt"`)}`,
    [serviceIds, since],
  );
  const deployments = rawDeployments.map(toDeployment);

  const rawPrs = await runner.query<RawPullRequest>(
    `SELECT ${PR_COLUMNS} FROM "PullRequest" WHERE "serviceId" = ANY($1::text[]) AND "mergedAt" IS NOT NULL AND ${at(`"mergedAt"`)}`,
    [serviceIds, since],
  );
  if (since) {
    const listed = [...new Set(deployments.flatMap((d) => [...(d.commits ?? []), d.commitSha]))];
    if (listed.length > 0) {
      const older = await runner.query<RawPullRequest>(
        `SELECT ${PR_COLUMNS} FROM "PullRequest" WHERE "mergeCommitSha" = ANY($1::text[]) AND "mergedAt" < ($2::timestamptz AT TIME ZONE 'UTC')`,
        [listed, since],
      );
      rawPrs.push(...older);
    }
  }

  const externalIds = deployments.map((d) => d.externalId);
  const rawIncidents = await runner.query<RawIncident>(
    `SELECT ${INCIDENT_COLUMNS} FROM "Incident" WHERE "serviceId" = ANY($1::text[])
       AND (${at(`"openedAt"`)} OR ${at(`"resolvedAt"`)} OR "causedByDeployment" = ANY($3::text[]))`,
    [serviceIds, since, externalIds],
  );
  const deploymentId = new Map(deployments.map((d) => [`${d.serviceId}\u0000${d.externalId}`, d.id]));
  const incidents = rawIncidents.map((r): IncidentRow => {
    const named = r.causedByDeployment;
    return {
      id: r.id,
      serviceId: r.serviceId,
      externalId: r.externalId,
      title: r.title,
      severity: r.severity,
      openedAt: new Date(r.openedAt),
      resolvedAt: date(r.resolvedAt),
      causedByExternalId: named,
      // A named deployment outside the loaded window keeps a key that matches nothing loaded: the
      // client's word still wins over the time-based link, as lib/delivery/incidents.ts requires.
      causedByDeploymentId: named ? (deploymentId.get(`${r.serviceId}\u0000${named}`) ?? `unloaded:${r.serviceId}:${named}`) : null,
    };
  });
  return { deployments, prs: rawPrs.map(toPullRequest), incidents };
}

/** Finish of the latest successful production deployment before `before`, the earliest over the services (null when one has none). */
export async function previousSuccessBefore(runner: SqlRunner, serviceIds: readonly string[], before: Date): Promise<Date | null> {
  if (serviceIds.length === 0) return null;
  const rows = await runner.query<{ serviceId: string; at: number }>(
    `SELECT "serviceId", ${ms(`max("finishedAt")`)} AS "at" FROM "Deployment"
     WHERE "serviceId" = ANY($1::text[]) AND "status" = 'success' AND ${PRODUCTION} AND "finishedAt" < ($2::timestamptz AT TIME ZONE 'UTC')
     GROUP BY "serviceId"`,
    [serviceIds, before.toISOString()],
  );
  if (rows.length < serviceIds.length) return null;
  return new Date(Math.min(...rows.map((r) => r.at)));
}

/** Finish of the first successful production deployment after `after`, the latest over the services (null when none has one). */
export async function nextSuccessAfter(runner: SqlRunner, serviceIds: readonly string[], after: Date): Promise<Date | null> {
  if (serviceIds.length === 0) return null;
  const rows = await runner.query<{ at: number | null }>(
    `SELECT ${ms(`max(first_after)`)} AS "at" FROM (
       SELECT min("finishedAt") AS first_after FROM "Deployment"
       WHERE "serviceId" = ANY($1::text[]) AND "status" = 'success' AND ${PRODUCTION} AND "finishedAt" > ($2::timestamptz AT TIME ZONE 'UTC')
       GROUP BY "serviceId") s`,
    [serviceIds, after.toISOString()],
  );
  return date(rows[0]?.at ?? null);
}

export interface WorkItemRow extends WorkItem {
  externalId: string;
  title: string | null;
}

/** Work items of the teams that were unfinished at `from` or finished from then (all when null). */
export async function loadWorkItemRows(runner: SqlRunner, teamIds: readonly string[], from: Date | null): Promise<WorkItemRow[]> {
  if (teamIds.length === 0) return [];
  const rows = await runner.query<{ id: string; teamId: string; externalId: string; title: string | null; type: string; createdAt: number; transitions: unknown }>(
    `SELECT "id", "teamId", "externalId", "title", "type", ${ms(`"createdAt"`)} AS "createdAt", "transitions" FROM "WorkItem"
     WHERE "teamId" = ANY($1::text[])
       AND ($2::timestamptz IS NULL OR "finishedAt" IS NULL OR "finishedAt" >= ($2::timestamptz AT TIME ZONE 'UTC'))`,
    [teamIds, from ? from.toISOString() : null],
  );
  return rows.map((r) => ({
    id: r.id,
    teamId: r.teamId,
    externalId: r.externalId,
    title: r.title,
    type: r.type.toLowerCase() as FlowType,
    createdAt: new Date(r.createdAt),
    transitions: parseTransitions(r.transitions),
  }));
}

function parseTransitions(raw: unknown): StatusTransition[] {
  const list = typeof raw === "string" ? (JSON.parse(raw) as unknown) : raw;
  if (!Array.isArray(list)) return [];
  return list.flatMap((t: unknown) => {
    const { status, at } = (t ?? {}) as { status?: unknown; at?: unknown };
    return typeof status === "string" && typeof at === "string" ? [{ status, at: new Date(at) }] : [];
  });
}

/** Service ids per team (teams without services are absent). */
export async function servicesByTeam(runner: SqlRunner, teamIds: readonly string[] | null): Promise<Map<string, string[]>> {
  const rows = await runner.query<{ id: string; teamId: string }>(
    `SELECT "id", "teamId" FROM "Service" WHERE "teamId" IS NOT NULL AND ($1::text[] IS NULL OR "teamId" = ANY($1::text[]))`,
    [teamIds],
  );
  const out = new Map<string, string[]>();
  for (const r of rows) {
    const list = out.get(r.teamId);
    if (list) list.push(r.id);
    else out.set(r.teamId, [r.id]);
  }
  return out;
}
