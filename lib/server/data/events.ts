import "server-only";
import { perService, SERVICES } from "@/lib/server/data/delivery/per-service";
import { epochMs as ms } from "@/lib/server/data/ingest/sql";
import { hasCommitList } from "@/lib/delivery/changes";
import { isSuccessfulProduction } from "@/lib/delivery/deployments";
import type { DeploymentEvent, DeploymentKind, IncidentEvent, PullRequestEvent } from "@/lib/delivery/types";
import type { FlowType, StatusTransition, WorkItem } from "@/lib/flow/types";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { EARLIER_LISTED, shippedEarlier } from "@/lib/server/data/delivery/shipped-earlier";

/**
 * Reads delivery and flow events into the shapes the pure computations take (lib/delivery, lib/flow).
 * Raw SQL: recomputes and summaries read tens of thousands of rows, and timestamps are read as epoch
 * milliseconds so they are UTC whatever the session time zone.
 *
 * Pull requests come with their denormalised first commit and first review (the only ones lead time
 * needs) rather than the child rows: the first review stands in as a review by someone other than the
 * author, which is what it is.
 */
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
  /** Whether any pull request of the services, over all history, carries the AI-assisted label. */
  aiLabelled: boolean;
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

/** Column lists of the event tables read through the alias `t`; instants as epoch milliseconds. */
const DEPLOYMENT_COLUMNS = (t: string) => `${t}."id", ${t}."serviceId", ${t}."externalId", ${t}."environment", ${t}."status", ${t}."kind",
  ${ms(`${t}."startedAt"`)} AS "startedAt", ${ms(`${t}."finishedAt"`)} AS "finishedAt", ${t}."commitSha", ${t}."commits"`;
const PR_COLUMNS = (t: string) => `${t}."id", ${t}."serviceId", ${t}."externalId", ${t}."title", ${t}."author", ${ms(`${t}."createdAt"`)} AS "createdAt",
  ${ms(`${t}."mergedAt"`)} AS "mergedAt", ${t}."mergeCommitSha", ${ms(`${t}."firstCommitAt"`)} AS "firstCommitAt",
  ${ms(`${t}."firstReviewAt"`)} AS "firstReviewAt", ${t}."aiAssisted"`;
const INCIDENT_COLUMNS = (t: string) => `${t}."id", ${t}."serviceId", ${t}."externalId", ${t}."title", ${t}."severity", ${ms(`${t}."openedAt"`)} AS "openedAt",
  ${ms(`${t}."resolvedAt"`)} AS "resolvedAt", ${t}."causedByDeployment"`;

/** One team's services and the instant its events matter from (null: all history). */
export interface TeamLoad {
  teamId: string;
  serviceIds: readonly string[];
  from: Date | null;
  /**
   * The instant from which the caller keeps what it computes (its first week's start or earlier; `from` when
   * absent). A pull request that a deployment finished before it shipped is marked `shippedEarlier` (see
   * data/delivery/shipped-earlier.ts).
   */
  keptFrom?: Date | null;
}

const sinceOk = (column: string) => `(s."since" IS NULL OR ${column} >= (s."since" AT TIME ZONE 'UTC'))`;

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * For each team, the events of its services that can matter from its `from` on (all history when null):
 * deployments that finished from then, pull requests merged from then (plus older ones of its services a loaded
 * deployment lists by SHA; those a deployment before its `keptFrom` shipped are marked `shippedEarlier`), and incidents opened or resolved from then or naming a loaded deployment. Pass as `from`
 * the finish of the last successful production deployment before the period, so the first one in it knows
 * what it ships. Four queries whatever the number of teams.
 */
export async function loadDeliveryRowsByTeam(runner: SqlRunner, loads: readonly TeamLoad[]): Promise<Map<string, DeliveryRows>> {
  const out = new Map<string, DeliveryRows>(loads.map((l) => [l.teamId, { deployments: [], prs: [], incidents: [], aiLabelled: false }]));
  const params = perService(loads.map((l) => ({ teamId: l.teamId, serviceIds: l.serviceIds, at: l.from })));
  if (params[0].length === 0) return out;
  const [rawDeployments, rawPrs, labelled] = await Promise.all([
    runner.query<RawDeployment & { teamId: string }>(
      `SELECT s."teamId", ${DEPLOYMENT_COLUMNS("d")} FROM ${SERVICES} JOIN "Deployment" d ON d."serviceId" = s."serviceId"
       WHERE ${sinceOk(`d."finishedAt"`)}`,
      [...params],
    ),
    runner.query<RawPullRequest & { teamId: string }>(
      `SELECT s."teamId", ${PR_COLUMNS("p")} FROM ${SERVICES} JOIN "PullRequest" p ON p."serviceId" = s."serviceId"
       WHERE p."mergedAt" IS NOT NULL AND ${sinceOk(`p."mergedAt"`)}`,
      [...params],
    ),
    runner.query<{ teamId: string }>(
      `SELECT DISTINCT s."teamId" FROM ${SERVICES} WHERE EXISTS (SELECT 1 FROM "PullRequest" p WHERE p."serviceId" = s."serviceId" AND p."aiAssisted")`,
      [...params],
    ),
  ]);
  for (const r of rawDeployments) out.get(r.teamId)?.deployments.push(toDeployment(r));
  for (const r of labelled) (out.get(r.teamId) as DeliveryRows).aiLabelled = true;

  // Older pull requests of the team's services a loaded deployment ships by SHA: only a successful production
  // deployment that lists commits ships by SHA (one that lists none ships what merged after the one before it,
  // and nothing loaded is before `from`).
  const listedTeams: string[] = [];
  const listedShas: string[] = [];
  const listedSince: string[] = [];
  for (const l of loads) {
    if (!l.from) continue;
    const rows = out.get(l.teamId) as DeliveryRows;
    const listing = rows.deployments.filter(hasCommitList).filter(isSuccessfulProduction);
    for (const sha of new Set(listing.flatMap((d) => [...d.commits, d.commitSha]))) {
      listedTeams.push(l.teamId);
      listedShas.push(sha);
      listedSince.push(l.from.toISOString());
    }
  }
  const older = listedShas.length === 0 ? [] : await runner.query<RawPullRequest & { teamId: string }>(
    `SELECT x."teamId", ${PR_COLUMNS("p")}
     FROM unnest($1::text[], $2::text[], $3::timestamptz[]) AS x("teamId", "sha", "since")
     JOIN "PullRequest" p ON p."mergeCommitSha" = x."sha" AND p."mergedAt" < (x."since" AT TIME ZONE 'UTC')
     JOIN unnest($4::text[], $5::text[]) AS own("teamId", "serviceId") ON own."teamId" = x."teamId" AND own."serviceId" = p."serviceId"`,
    [listedTeams, listedShas, listedSince, params[0], params[1]],
  );
  const loadedPrs = [...rawPrs, ...older];
  const earlier = await shippedEarlierIds(runner, loads, loadedPrs);
  const prsByTeam = new Map<string, RawPullRequest[]>();
  for (const r of loadedPrs) pushTo(prsByTeam, r.teamId, r);
  for (const [teamId, prs] of prsByTeam) {
    (out.get(teamId) as DeliveryRows).prs = prs.map((r) => ({ ...toPullRequest(r), shippedEarlier: earlier.has(`${teamId}\u0000${r.id}`) }));
  }

  const externalIds = new Map<string, Set<string>>(loads.map((l) => [l.teamId, new Set((out.get(l.teamId) as DeliveryRows).deployments.map((d) => d.externalId))]));
  const rawIncidents = await runner.query<RawIncident & { teamId: string; inRange: boolean }>(
    `SELECT s."teamId", ${INCIDENT_COLUMNS("i")}, (${sinceOk(`i."openedAt"`)} OR ${sinceOk(`i."resolvedAt"`)}) AS "inRange"
     FROM ${SERVICES} JOIN "Incident" i ON i."serviceId" = s."serviceId"
     WHERE ${sinceOk(`i."openedAt"`)} OR ${sinceOk(`i."resolvedAt"`)} OR i."causedByDeployment" = ANY($4::text[])`,
    [...params, [...new Set([...externalIds.values()].flatMap((set) => [...set]))]],
  );
  for (const l of loads) {
    const rows = out.get(l.teamId) as DeliveryRows;
    const deploymentId = new Map(rows.deployments.map((d) => [`${d.serviceId}\u0000${d.externalId}`, d.id]));
    const own = externalIds.get(l.teamId) as Set<string>;
    rows.incidents = rawIncidents
      .filter((r) => r.teamId === l.teamId && (r.inRange || (r.causedByDeployment !== null && own.has(r.causedByDeployment))))
      .map((r): IncidentRow => {
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
          causedByDeploymentId: named ? (deploymentId.get(`${r.serviceId}\u0000${named}`) ?? `unloaded:${r.serviceId}:${named}`) : null,
        };
      });
  }
  return out;
}

/**
 * `teamId\u0000prId` of the loaded pull requests that a deployment before their team's `keptFrom` (its `from`
 * when absent) shipped: see data/delivery/shipped-earlier.ts. None when reading all history.
 */
async function shippedEarlierIds(runner: SqlRunner, loads: readonly TeamLoad[], prs: readonly { teamId: string; id: string }[]): Promise<Set<string>> {
  const kept = loads.flatMap((l) => (l.from ? [{ ...l, at: l.keptFrom ?? l.from }] : []));
  const keptTeams = new Set(kept.map((l) => l.teamId));
  const candidates = prs.filter((p) => keptTeams.has(p.teamId));
  if (candidates.length === 0) return new Set();
  const rows = await runner.query<{ teamId: string; id: string }>(
    `WITH team AS (
       SELECT s."teamId", array_agg(s."serviceId") AS "serviceIds", min(s."since" AT TIME ZONE 'UTC') AS "keptFrom" FROM ${SERVICES} GROUP BY 1
     ), earlier_listed AS MATERIALIZED (${EARLIER_LISTED})
     SELECT p."teamId", p."id"
     FROM (SELECT x."teamId", q."id", q."serviceId", q."mergedAt", q."mergeCommitSha"
           FROM unnest($4::text[], $5::text[]) AS x("teamId", "prId") JOIN "PullRequest" q ON q."id" = x."prId") p
     JOIN team ON team."teamId" = p."teamId"
     WHERE ${shippedEarlier("p", "earlier_listed")}`,
    [...perService(kept), candidates.map((p) => p.teamId), candidates.map((p) => p.id)],
  );
  return new Set(rows.map((r) => `${r.teamId}\u0000${r.id}`));
}

/** The events of `serviceIds` that can matter from `from` on, for values kept from `keptFrom` (see loadDeliveryRowsByTeam). */
export async function loadDeliveryRows(runner: SqlRunner, serviceIds: readonly string[], from: Date | null, keptFrom?: Date): Promise<DeliveryRows> {
  const rows = await loadDeliveryRowsByTeam(runner, [{ teamId: "", serviceIds, from, keptFrom }]);
  return rows.get("") as DeliveryRows;
}

export interface WorkItemRow extends WorkItem {
  externalId: string;
  title: string | null;
}

/** Per team, its work items that were unfinished at its `from` or finished from then (all when null). One query. */
export async function loadWorkItemRowsByTeam(runner: SqlRunner, loads: readonly { teamId: string; from: Date | null }[]): Promise<Map<string, WorkItemRow[]>> {
  const out = new Map<string, WorkItemRow[]>(loads.map((l) => [l.teamId, []]));
  if (loads.length === 0) return out;
  const rows = await runner.query<{ id: string; teamId: string; externalId: string; title: string | null; type: string; createdAt: number; transitions: unknown }>(
    `SELECT w."id", w."teamId", w."externalId", w."title", w."type", ${ms(`w."createdAt"`)} AS "createdAt", w."transitions"
     FROM unnest($1::text[], $2::timestamptz[]) AS s("teamId", "since") JOIN "WorkItem" w ON w."teamId" = s."teamId"
     WHERE s."since" IS NULL OR w."finishedAt" IS NULL OR w."finishedAt" >= (s."since" AT TIME ZONE 'UTC')`,
    [loads.map((l) => l.teamId), loads.map((l) => (l.from ? l.from.toISOString() : null))],
  );
  for (const r of rows) {
    out.get(r.teamId)?.push({
      id: r.id,
      teamId: r.teamId,
      externalId: r.externalId,
      title: r.title,
      type: r.type.toLowerCase() as FlowType,
      createdAt: new Date(r.createdAt),
      transitions: parseTransitions(r.transitions),
    });
  }
  return out;
}

/** Work items of the teams that were unfinished at `from` or finished from then (all when null). */
export async function loadWorkItemRows(runner: SqlRunner, teamIds: readonly string[], from: Date | null): Promise<WorkItemRow[]> {
  const rows = await loadWorkItemRowsByTeam(runner, [...new Set(teamIds)].map((teamId) => ({ teamId, from })));
  return [...rows.values()].flat();
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
