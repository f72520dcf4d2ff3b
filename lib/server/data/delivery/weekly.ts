import "server-only";
import { withPlannerSettings } from "@/lib/server/data/planner-settings";
import type { SqlRunner } from "@/lib/server/data/runner";
import { perService } from "./per-service";
import { listsCommits } from "./predicates";
import { EARLIER_LISTED, shippedEarlier } from "./shipped-earlier";

/**
 * The weekly delivery metric values of teams, computed in the database (one statement per call): the
 * same numbers lib/delivery/weekly.ts and lib/delivery/weekly-values.ts compute in memory from the rows
 * lib/server/data/events.ts `loadDeliveryRowsByTeam` loads, rule for rule (lib/delivery/deployments.ts,
 * changes.ts, failures.ts, incidents.ts, aggregate.ts):
 * - production = environment trimmed and lower-cased; deployments ordered by finish, then start (unknown
 *   last), then id (bytewise); the chain of a deployment is its service's successful production ones;
 * - a successful production deployment with a predecessor in its chain ships the PRs whose merge commit it
 *   lists (or is), else its service's PRs merged after the predecessor finished and at or before it did;
 *   the earliest shipping deployment wins;
 * - an incident links to the deployment of its service it names (by external id), else to the latest
 *   successful production deployment of its service that finished strictly before it opened;
 * - a production deployment failed when its status is failure, an incident links to it, or the next in
 *   its chain is a hotfix or rollback; it recovered at the last resolution of its incidents (all resolved)
 *   or, without incidents, when the next in its chain finished;
 * - spans are whole minutes rounded up, negative ones empty; medians are `percentile_cont(0.5)`, which on
 *   whole minutes is exactly the mean of the two middle values lib/domain/stats.ts `median` takes.
 * Weeks are ISO weeks of the local date in `timeZone`.
 *
 * `since` (per team, null = all history) limits the events read exactly as the in-memory loader does:
 * deployments that finished from then, the team's pull requests merged from then plus older ones a loaded
 * successful production deployment that lists commits names by SHA (no other loaded deployment can ship one), incidents opened or resolved from then or naming a loaded deployment — so both
 * computations see the same events. Neither ships a pull request that a deployment before `keptFrom`
 * shipped (shipped-earlier.ts).
 */
export interface DeliveryWeeksRequest {
  teamId: string;
  serviceIds: readonly string[];
  since: Date | null;
  /** The instant the computed weeks start from or later (`since` when absent). */
  keptFrom?: Date | null;
  /** Monday of the first and of the last week to compute, inclusive. */
  fromWeek: string;
  toWeek: string;
}

export interface WeeklyValueRow {
  teamId: string;
  key: string;
  week: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** perService's (team, service, since) arrays, with each row's `keptFrom` beside them ($4). */
function perServiceKept(requests: readonly DeliveryWeeksRequest[]) {
  const kept = requests.flatMap((r) => {
    const from = r.keptFrom ?? r.since;
    return r.serviceIds.map(() => (from ? from.toISOString() : null));
  });
  return [...perService(requests.map((r) => ({ teamId: r.teamId, serviceIds: r.serviceIds, at: r.since }))), kept] as const;
}

/** The local Monday of a timestamp column (stored as UTC) in the zone `$tz`. */
const weekOf = (column: string, tz: string) => `date_trunc('week', (${column} AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date`;
/** Whole minutes from `a` to `b` rounded up; null when either is missing or the span is negative. */
const span = (a: string, b: string) =>
  `(CASE WHEN ${b} >= ${a} THEN ceil((extract(epoch from ${b}) - extract(epoch from ${a})) / 60) END)`;
/** Finish order of deployments (lib/delivery/deployments.ts compareByFinish). */
const FINISH_ORDER = `"finishedAt", "startedAt" NULLS LAST, "id" COLLATE "C"`;

const SERVICES = `unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) AS x("teamId", "serviceId", "since", "keptFrom")`;

/**
 * The values of `lib/delivery/weekly-values.ts` (`deliveryWeekValues` and `aiShareValues`) for each team's
 * weeks `fromWeek`..`toWeek`, from its services' events (see above). Counts come for every week; ratios
 * only where their denominator is positive; medians only where there is a sample.
 */
export async function deliveryWeeklyValues(runner: SqlRunner, requests: readonly DeliveryWeeksRequest[], timeZone: string): Promise<WeeklyValueRow[]> {
  const wanted = requests.filter((r) => r.serviceIds.length > 0 && r.fromWeek <= r.toWeek);
  if (wanted.length === 0) return [];
  const tz = "$8::text";
  return withHashJoins(runner, wanted.some((r) => r.since === null), (tx) => tx.query<WeeklyValueRow>(
    `WITH s AS MATERIALIZED (
       SELECT x."teamId", x."serviceId", (x."since" AT TIME ZONE 'UTC') AS "since", (x."keptFrom" AT TIME ZONE 'UTC') AS "keptFrom" FROM ${SERVICES}
     ), team AS MATERIALIZED (
       SELECT "teamId", "keptFrom", array_agg("serviceId") AS "serviceIds" FROM s GROUP BY 1, 2
     ), wanted AS (
       SELECT * FROM unnest($5::text[], $6::date[], $7::date[]) AS r("teamId", "fromWeek", "toWeek")
     ), loaded AS MATERIALIZED (
       SELECT s."teamId", s."since", d."id", d."serviceId", d."externalId", d."status" = 'success' AS ok,
              d."kind" IN ('hotfix', 'rollback') AS rework, lower(btrim(d."environment")) = 'production' AS production,
              d."startedAt", d."finishedAt", d."commitSha", d."commits"
       FROM s JOIN "Deployment" d ON d."serviceId" = s."serviceId"
       WHERE d."finishedAt" >= coalesce(s."since", '-infinity')
     ), ord AS MATERIALIZED (
       -- Production deployments with the number of successful ones up to each: its place in its chain.
       SELECT l.*, count(*) FILTER (WHERE l.ok) OVER (PARTITION BY l."teamId", l."serviceId" ORDER BY ${FINISH_ORDER} ROWS UNBOUNDED PRECEDING) AS "upTo"
       FROM loaded l WHERE l.production
     ), chain AS MATERIALIZED (
       SELECT "teamId", "serviceId", "upTo" AS n, "id", "startedAt", "finishedAt", rework, "commitSha", "commits",
              coalesce(cardinality("commits"), 0) > 0 AS listed
       FROM ord WHERE ok
     ), prs AS MATERIALIZED (
       SELECT s."teamId", p."id", p."serviceId", p."createdAt", p."mergedAt", p."mergeCommitSha", p."firstCommitAt", p."aiAssisted"
       FROM s JOIN "PullRequest" p ON p."serviceId" = s."serviceId"
       WHERE p."mergedAt" >= coalesce(s."since", '-infinity')
       UNION ALL
       SELECT o."teamId", p."id", p."serviceId", p."createdAt", p."mergedAt", p."mergeCommitSha", p."firstCommitAt", p."aiAssisted"
       FROM (SELECT DISTINCT l."teamId", l."since", u.sha
             FROM loaded l CROSS JOIN LATERAL unnest(array_append(l."commits", l."commitSha")) AS u(sha)
             WHERE l."since" IS NOT NULL AND l.ok AND l.production AND ${listsCommits("l")}) o
       -- One index probe per SHA (OFFSET 0 keeps the look-up as written): over many teams the planner would
       -- otherwise read every pull request of their services, to join them by hash.
       CROSS JOIN LATERAL (SELECT * FROM "PullRequest" pr WHERE pr."mergeCommitSha" = o.sha AND pr."mergedAt" < o."since" OFFSET 0) p
       JOIN s own ON own."teamId" = o."teamId" AND own."serviceId" = p."serviceId"
     ), earlier_listed AS MATERIALIZED (${EARLIER_LISTED}
     ), shippable AS MATERIALIZED (
       -- The pull requests no deployment before the kept weeks shipped (see shipped-earlier.ts).
       SELECT p.* FROM prs p JOIN team ON team."teamId" = p."teamId"
       WHERE team."keptFrom" IS NULL OR NOT ${shippedEarlier("p", "earlier_listed")}
     ), placed AS (
       -- Per pull request: how many of its service's chain finished strictly before it merged.
       SELECT e.*, count(*) FILTER (WHERE NOT e.pr) OVER (PARTITION BY e."teamId", e."serviceId" ORDER BY e.t, e.pr DESC ROWS UNBOUNDED PRECEDING) AS n
       FROM (SELECT "teamId", "serviceId", "id", "finishedAt" AS t, false AS pr, NULL::timestamp AS "createdAt", NULL::timestamp AS "firstCommitAt" FROM chain
             UNION ALL
             SELECT "teamId", "serviceId", "id", "mergedAt", true, "createdAt", "firstCommitAt" FROM shippable) e
     ), offers AS (
       -- A deployment listing commits ships the pull requests merged as one of them (or as its own commit).
       SELECT d."teamId", p."id" AS "prId", p."createdAt", p."mergedAt", p."firstCommitAt", d."id" AS "deploymentId", d."finishedAt", d."startedAt"
       FROM chain d
       CROSS JOIN LATERAL (SELECT DISTINCT u.sha FROM unnest(array_append(d."commits", d."commitSha")) AS u(sha)) c
       JOIN shippable p ON p."teamId" = d."teamId" AND p."mergeCommitSha" = c.sha
       WHERE d.listed AND d.n > 1 AND c.sha <> ''
       UNION ALL
       -- One listing none ships its service's pull requests merged after the previous one finished, up to its own finish.
       SELECT d."teamId", p."id", p."createdAt", p.t, p."firstCommitAt", d."id", d."finishedAt", d."startedAt"
       FROM placed p JOIN chain d ON d."teamId" = p."teamId" AND d."serviceId" = p."serviceId" AND d.n = p.n + 1
       WHERE p.pr AND p.n > 0 AND NOT d.listed
     ), shipped AS (
       SELECT DISTINCT ON ("teamId", "prId") "teamId", "finishedAt",
              ${span(`"firstCommitAt"`, `"createdAt"`)} AS coding, ${span(`"createdAt"`, `"mergedAt"`)} AS review,
              ${span(`"mergedAt"`, `"finishedAt"`)} AS deploy
       FROM offers ORDER BY "teamId", "prId", "finishedAt", "startedAt" NULLS LAST, "deploymentId" COLLATE "C"
     ), lead_weeks AS (
       SELECT "teamId", ${weekOf(`"finishedAt"`, tz)} AS week,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (coalesce(coding, 0) + coalesce(review, 0) + coalesce(deploy, 0))::float8) AS median
       FROM shipped WHERE coding IS NOT NULL OR review IS NOT NULL OR deploy IS NOT NULL
       GROUP BY 1, 2
     ), incidents AS MATERIALIZED (
       SELECT s."teamId", i."id", i."serviceId", i."openedAt", i."resolvedAt", nullif(i."causedByDeployment", '') AS named
       FROM s JOIN "Incident" i ON i."serviceId" = s."serviceId"
       WHERE s."since" IS NULL OR i."openedAt" >= s."since" OR i."resolvedAt" >= s."since"
          OR EXISTS (SELECT 1 FROM ord d WHERE d."teamId" = s."teamId" AND d."serviceId" = i."serviceId" AND d."externalId" = i."causedByDeployment")
     ), timed AS (
       -- Per incident naming no deployment: how many of its service's chain finished strictly before it opened.
       SELECT e.*, count(*) FILTER (WHERE NOT e.incident) OVER (PARTITION BY e."teamId", e."serviceId" ORDER BY e.t, e.incident DESC ROWS UNBOUNDED PRECEDING) AS n
       FROM (SELECT "teamId", "serviceId", "finishedAt" AS t, false AS incident, NULL::timestamp AS "resolvedAt" FROM chain
             UNION ALL
             SELECT "teamId", "serviceId", "openedAt", true, "resolvedAt" FROM incidents WHERE named IS NULL) e
     ), links AS (
       SELECT t."teamId", c."id" AS "deploymentId", t."resolvedAt"
       FROM timed t JOIN chain c ON c."teamId" = t."teamId" AND c."serviceId" = t."serviceId" AND c.n = t.n
       WHERE t.incident AND t.n > 0
       UNION ALL
       SELECT i."teamId", d."id", i."resolvedAt"
       FROM incidents i JOIN ord d ON d."teamId" = i."teamId" AND d."serviceId" = i."serviceId" AND d."externalId" = i.named
     ), linked AS (
       SELECT "teamId", "deploymentId", bool_and("resolvedAt" IS NOT NULL) AS resolved, max("resolvedAt") AS "lastResolved"
       FROM links GROUP BY 1, 2
     ), outcomes AS (
       SELECT d."teamId", d.ok, d.rework, d."finishedAt",
              (NOT d.ok OR k."deploymentId" IS NOT NULL OR coalesce(nx.rework, false)) AS failed,
              CASE WHEN k."deploymentId" IS NOT NULL THEN CASE WHEN k.resolved THEN k."lastResolved" END ELSE nx."finishedAt" END AS "recoveredAt"
       FROM ord d
       LEFT JOIN chain nx ON nx."teamId" = d."teamId" AND nx."serviceId" = d."serviceId" AND nx.n = d."upTo" + 1
       LEFT JOIN linked k ON k."teamId" = d."teamId" AND k."deploymentId" = d."id"
     ), deployment_weeks AS (
       SELECT "teamId", ${weekOf(`"finishedAt"`, tz)} AS week,
              count(*) FILTER (WHERE ok)::float8 AS successful,
              count(DISTINCT ((("finishedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tz})::date)) FILTER (WHERE ok)::float8 AS days,
              count(*)::float8 AS production,
              count(*) FILTER (WHERE failed)::float8 AS failed,
              count(*) FILTER (WHERE rework)::float8 AS rework,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY (CASE WHEN failed THEN ${span(`"finishedAt"`, `"recoveredAt"`)} END)::float8) AS recovery
       FROM outcomes GROUP BY 1, 2
     ), opened AS (
       SELECT "teamId", ${weekOf(`"openedAt"`, tz)} AS week, count(*)::float8 AS n FROM incidents GROUP BY 1, 2
     ), restored AS (
       SELECT "teamId", ${weekOf(`"resolvedAt"`, tz)} AS week,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY ${span(`"openedAt"`, `"resolvedAt"`)}::float8) AS median
       FROM incidents WHERE "resolvedAt" >= "openedAt" GROUP BY 1, 2
     ), ai AS (
       -- Only for teams whose pull requests carry the label at all, in any week.
       SELECT "teamId", ${weekOf(`"mergedAt"`, tz)} AS week, count(*) FILTER (WHERE "aiAssisted")::float8 AS ai, count(*)::float8 AS n
       FROM prs
       WHERE "teamId" IN (SELECT s."teamId" FROM s WHERE EXISTS (SELECT 1 FROM "PullRequest" p WHERE p."serviceId" = s."serviceId" AND p."aiAssisted"))
       GROUP BY 1, 2
     ), weeks AS (
       SELECT r."teamId", w::date AS week FROM wanted r CROSS JOIN LATERAL generate_series(r."fromWeek", r."toWeek", interval '7 days') AS w
     ), cells AS (
       SELECT w."teamId", w.week, dw.successful, dw.days, dw.production, dw.failed, dw.rework, dw.recovery,
              l.median AS lead, o.n AS opened, rs.median AS restore, ai.ai, ai.n AS merged
       FROM weeks w
       LEFT JOIN deployment_weeks dw ON dw."teamId" = w."teamId" AND dw.week = w.week
       LEFT JOIN lead_weeks l ON l."teamId" = w."teamId" AND l.week = w.week
       LEFT JOIN opened o ON o."teamId" = w."teamId" AND o.week = w.week
       LEFT JOIN restored rs ON rs."teamId" = w."teamId" AND rs.week = w.week
       LEFT JOIN ai ON ai."teamId" = w."teamId" AND ai.week = w.week
     )
     SELECT c."teamId", v.key, to_char(c.week, 'YYYY-MM-DD') AS week, v.value, v.numerator, v.denominator
     FROM cells c CROSS JOIN LATERAL (VALUES
       ('deployments', coalesce(c.successful, 0), NULL::float8, NULL::float8),
       ('deploy_days', coalesce(c.days, 0), NULL, NULL),
       ('incidents', coalesce(c.opened, 0), NULL, NULL),
       ('change_failure_rate', CASE WHEN c.production > 0 THEN (c.failed / c.production) * 100 END, c.failed, c.production),
       ('rework_rate', CASE WHEN c.production > 0 THEN (c.rework / c.production) * 100 END, c.rework, c.production),
       ('lead_time', c.lead, NULL, NULL),
       ('recovery_time', c.recovery, NULL, NULL),
       ('time_to_restore', c.restore, NULL, NULL),
       ('ai_pr_share', CASE WHEN c.merged > 0 THEN (c.ai / c.merged) * 100 END, c.ai, c.merged)
     ) AS v(key, value, numerator, denominator)
     WHERE v.value IS NOT NULL`,
    [...perServiceKept(wanted), wanted.map((r) => r.teamId), wanted.map((r) => r.fromWeek), wanted.map((r) => r.toWeek), timeZone],
  ));
}

/**
 * Runs `work` with merge joins and JIT compilation off, and over whole histories nested loops too. The planner
 * has no statistics for the statement's intermediate results and guesses them a thousand times too small: a
 * merge join on part of a key (team and service) with the rest as a filter, or a nested loop over an
 * intermediate result, is then quadratic in a service's deployments, while every join of the statement is an
 * equality a hash join answers in one pass. Over a few recent weeks the intermediate results are small, and
 * the base tables are read through their indexes (by service, from `since`) rather than whole. JIT compiling
 * the statement costs seconds and saves less than it costs.
 */
async function withHashJoins<T>(runner: SqlRunner, wholeHistory: boolean, work: (tx: SqlRunner) => Promise<T>): Promise<T> {
  const settings = { enable_mergejoin: "off", jit: "off", [wholeHistory ? "enable_nestloop" : "enable_seqscan"]: "off" };
  return runner.transaction((tx) => withPlannerSettings(tx, settings, () => work(tx)));
}

/**
 * Per team, the Mondays of the first and the last week with a deployment (any environment), a merged pull
 * request or an opened incident of its services (teams without any are absent).
 */
export async function deliveryEventWeeks(
  runner: SqlRunner,
  teams: readonly { teamId: string; serviceIds: readonly string[] }[],
  timeZone: string,
): Promise<Map<string, { first: string; last: string }>> {
  const [teamIds, serviceIds] = perService(teams.map((t) => ({ ...t, at: null })));
  if (teamIds.length === 0) return new Map();
  const rows = await runner.query<{ teamId: string; first: string; last: string }>(
    `WITH s AS (SELECT * FROM unnest($1::text[], $2::text[]) AS s("teamId", "serviceId")),
     bounds AS (
       SELECT s."teamId", e.lo, e.hi FROM s CROSS JOIN LATERAL (
         SELECT min("finishedAt") AS lo, max("finishedAt") AS hi FROM "Deployment" WHERE "serviceId" = s."serviceId"
         UNION ALL SELECT min("mergedAt"), max("mergedAt") FROM "PullRequest" WHERE "serviceId" = s."serviceId" AND "mergedAt" IS NOT NULL
         UNION ALL SELECT min("openedAt"), max("openedAt") FROM "Incident" WHERE "serviceId" = s."serviceId") e
     )
     SELECT "teamId", to_char(${weekOf("min(lo)", "$3::text")}, 'YYYY-MM-DD') AS first, to_char(${weekOf("max(hi)", "$3::text")}, 'YYYY-MM-DD') AS last
     FROM bounds GROUP BY 1 HAVING min(lo) IS NOT NULL`,
    [teamIds, serviceIds, timeZone],
  );
  return new Map(rows.map((r) => [r.teamId, { first: r.first, last: r.last }]));
}
