import { addDays, weekStartOf } from "@/lib/domain/time";
import { BUILT_IN_METRICS, type BuiltInMetric } from "@/lib/metrics/catalog";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { composeItems } from "@/lib/engagement/compose";
import { teamCount, type Scale } from "./scale";

/**
 * The benchmark organisation, generated with set-based SQL (INSERT … SELECT over generate_series) so a
 * 2,000-engineer organisation loads in minutes, not hours. Every value is a hash of stable ids
 * (`hashtext`), so two runs in the same ISO week produce identical data on either database. Ids carry a
 * `b` prefix; timestamps are computed as `timestamp` (no zone) so the server's TimeZone setting is moot.
 *
 * History: `scale.weeks` ISO weeks ending with the current week (UTC, the default organisation zone);
 * events fall before the current week's Monday.
 */

/** A pseudo-random number in [0, 1) from SQL text parts. */
const rand = (...parts: string[]) => `((abs(hashtext(${parts.join(" || ':' || ")})) % 10000) / 10000.0)`;

export interface DatasetWindow {
  fromWeek: string;
  toWeek: string;
  /** Monday 00:00 of the current week: events happen before it. */
  anchor: string;
}

export function datasetWindow(scale: Scale, now = new Date()): DatasetWindow {
  const toWeek = weekStartOf(now, "UTC");
  return { fromWeek: addDays(toWeek, -7 * (scale.weeks - 1)), toWeek, anchor: `${toWeek} 00:00:00` };
}

export const teamId = (i: number) => `bt-${String(i + 1).padStart(4, "0")}`;
export const teamSlug = (i: number) => `team-${String(i + 1).padStart(4, "0")}`;
export const serviceName = (team: number, s: number) => `svc-${String(team + 1).padStart(4, "0")}-${s + 1}`;

/** The weekly built-in metrics the dataset fills: headline metrics first, then catalog order. */
export function datasetMetrics(count: number): BuiltInMetric[] {
  const weekly = BUILT_IN_METRICS.filter((m) => (m.cadence ?? "WEEKLY") === "WEEKLY");
  const ordered = [...weekly.filter((m) => m.headline), ...weekly.filter((m) => !m.headline)];
  return ordered.slice(0, count);
}

/** How a metric's weekly team values are drawn: a plain value in [lo, hi], or a fraction with a denominator in [denLo, denHi]. */
export interface ValueSpec {
  key: string;
  kind: "plain" | "fraction" | "events";
  lo: number;
  hi: number;
  denLo: number;
  denHi: number;
  integer: boolean;
  /** 100 for percent units (value = numerator ÷ denominator × 100). */
  scale: number;
}

const UNIT_HIGH: Record<string, number> = { count: 30, minutes: 5000, days: 30, hours: 6, currency: 40_000, score: 10, people: 14, percent: 100 };

export function valueSpec(m: BuiltInMetric): ValueSpec {
  const scale = m.unit === "percent" ? 100 : 1;
  const lo = m.minValue ?? (m.unit === "people" ? 8 : m.unit === "currency" ? 20_000 : 0);
  const hi = m.maxValue ?? (m.key === "median_tenure" ? 1500 : (UNIT_HIGH[m.unit] ?? 10));
  const base = { key: m.key, lo, hi, integer: m.integer ?? false, scale };
  // Separations, promotions and moves are rare events over a team's headcount.
  if (m.aggregation === "RATE" && m.unit === "percent") return { ...base, kind: "events", denLo: 8, denHi: 14 };
  if (m.aggregation === "RATE") return { ...base, kind: "fraction", lo: 0, hi: m.unit === "currency" ? 80 : 4, denLo: 8, denHi: 14 };
  if (m.aggregation === "RATIO") {
    // Survey values: respondents (or invitations) of a team, always above the anonymity threshold.
    if (m.sensitivity === "SURVEY") return { ...base, kind: "fraction", lo: m.unit === "percent" ? 60 : lo, denLo: 6, denHi: 12 };
    return { ...base, kind: "fraction", lo: m.unit === "percent" ? 2 : lo, hi: m.unit === "percent" ? 60 : hi, denLo: 20, denHi: 100 };
  }
  return { ...base, kind: "plain", denLo: 0, denHi: 0 };
}

export interface GenerationStep {
  table: string;
  rows: number;
  seconds: number;
}

async function timed(steps: GenerationStep[], table: string, work: () => Promise<number>, log: (line: string) => void): Promise<void> {
  const started = performance.now();
  const rows = await work();
  const seconds = Math.round(performance.now() - started) / 1000;
  steps.push({ table, rows, seconds });
  log(`  ${table.padEnd(18)} ${String(rows).padStart(9)} rows  ${seconds.toFixed(1)} s`);
}

async function count(runner: SqlRunner, table: string, where = ""): Promise<number> {
  const rows = await runner.query<{ n: string | number }>(`SELECT count(*) AS n FROM "${table}" ${where}`);
  return Number(rows[0].n);
}

/** Fills an empty, migrated database (built-in metrics already ensured). Returns the time spent per table. */
/** The whole dataset, or with `teamsOnly` just the group tree and the teams (what the import measurement needs). */
export async function generateDataset(runner: SqlRunner, scale: Scale, window: DatasetWindow, log: (line: string) => void = () => {}, options: { teamsOnly?: boolean } = {}): Promise<GenerationStep[]> {
  const steps: GenerationStep[] = [];
  const teams = teamCount(scale);
  const services = teams * scale.servicesPerTeam;
  const spanHours = scale.weeks * 7 * 24;
  const start = `(timestamp '${window.anchor}' - interval '${spanHours} hours')`;

  await timed(steps, "Group", async () => {
    const ids: string[] = [];
    const names: string[] = [];
    const parents: (string | null)[] = [];
    const add = (id: string, name: string, parent: string | null) => {
      ids.push(id);
      names.push(name);
      parents.push(parent);
    };
    const [a, b, c] = scale.tree;
    for (let i = 1; i <= a; i++) {
      add(`bg-${i}`, `Division ${i}`, null);
      for (let j = 1; j <= b; j++) {
        add(`bg-${i}-${j}`, `Area ${i}.${j}`, `bg-${i}`);
        for (let k = 1; k <= c; k++) add(`bg-${i}-${j}-${k}`, `Group ${i}.${j}.${k}`, `bg-${i}-${j}`);
      }
    }
    await runner.query(
      `INSERT INTO "Group" ("id", "name", "slug", "parentId", "updatedAt")
       SELECT id, name, id, parent, CURRENT_TIMESTAMP FROM unnest($1::text[], $2::text[], $3::text[]) AS x(id, name, parent)`,
      [ids, names, parents],
    );
    return ids.length;
  }, log);

  await timed(steps, "Team", async () => {
    const [a, b, c] = scale.tree;
    const leaves: string[] = [];
    for (let i = 1; i <= a; i++) for (let j = 1; j <= b; j++) for (let k = 1; k <= c; k++) leaves.push(`bg-${i}-${j}-${k}`);
    const groupOf = Array.from({ length: teams }, (_, t) => leaves[Math.floor(t / scale.teamsPerLeafGroup)]);
    await runner.query(
      `INSERT INTO "Team" ("id", "name", "slug", "groupId", "location", "sourcing", "origin", "updatedAt")
       SELECT 'bt-' || lpad(n::text, 4, '0'), 'Team ' || n, 'team-' || lpad(n::text, 4, '0'), g,
              (ARRAY['London', 'Berlin', 'Lisbon', 'Austin', 'Bangalore'])[1 + n % 5],
              (ARRAY['ONSHORE', 'ONSHORE', 'NEARSHORE', 'OFFSHORE', 'VENDOR'])[1 + (n / 5) % 5]::"Sourcing",
              (CASE WHEN n % 7 = 0 THEN 'ACQUIRED' ELSE 'ORGANIC' END)::"Origin", CURRENT_TIMESTAMP
       FROM unnest($1::text[]) WITH ORDINALITY AS x(g, n)`,
      [groupOf],
    );
    return teams;
  }, log);
  if (options.teamsOnly) return steps;

  await timed(steps, "Service", async () => {
    await runner.query(
      `INSERT INTO "Service" ("id", "name", "teamId")
       SELECT 'bs-' || lpad(t::text, 4, '0') || '-' || s, 'svc-' || lpad(t::text, 4, '0') || '-' || s, 'bt-' || lpad(t::text, 4, '0')
       FROM generate_series(1, $1::int) t, generate_series(1, $2::int) s`,
      [teams, scale.servicesPerTeam],
    );
    return services;
  }, log);

  await timed(steps, "Person + history", async () => {
    await runner.query(
      `INSERT INTO "CareerLevel" ("id", "key", "name", "track", "order")
       SELECT 'bl-' || n, 'L' || n, 'Level ' || n, 'IC', n FROM generate_series(1, 5) n ON CONFLICT DO NOTHING`,
    );
    await runner.query(
      `INSERT INTO "Person" ("id", "employeeId", "teamId", "level", "roleFamily", "location", "sourcing", "updatedAt")
       SELECT 'bpe-' || lpad(n::text, 5, '0'), 'E' || lpad(n::text, 5, '0'), 'bt-' || lpad((1 + n % $2::int)::text, 4, '0'),
              'L' || (1 + n % 5), 'engineering', (ARRAY['London', 'Berlin', 'Lisbon', 'Austin', 'Bangalore'])[1 + n % 5],
              'ONSHORE'::"Sourcing", CURRENT_TIMESTAMP
       FROM generate_series(1, $1::int) n`,
      [scale.people, teams],
    );
    const anchorDay = `date '${window.toWeek}'`;
    await runner.query(
      `INSERT INTO "Employment" ("id", "personId", "hireDate", "exitDate", "exitType", "regretted")
       SELECT 'bem-' || p.id, p.id, h.hire,
              CASE WHEN ${rand("p.id", "'exit'")} < 0.12 THEN h.hire + 30 + ((${anchorDay} - h.hire - 31) * ${rand("p.id", "'when'")})::int END,
              CASE WHEN ${rand("p.id", "'exit'")} < 0.12 THEN (CASE WHEN ${rand("p.id", "'vol'")} < 0.8 THEN 'voluntary' ELSE 'involuntary' END) END,
              ${rand("p.id", "'exit'")} < 0.05
       FROM "Person" p CROSS JOIN LATERAL (SELECT ${anchorDay} - (60 + (${rand("p.id", "'hire'")} * 2000)::int) AS hire) h
       WHERE p.id LIKE 'bpe-%'`,
    );
    await runner.query(
      `INSERT INTO "Promotion" ("id", "personId", "date", "fromLevel", "toLevel")
       SELECT 'bpr-' || p.id, p.id, ${anchorDay} - (${rand("p.id", "'promo-at'")} * ${scale.weeks * 7})::int, 'L1', 'L2'
       FROM "Person" p WHERE p.id LIKE 'bpe-%' AND ${rand("p.id", "'promo'")} < 0.25`,
    );
    await runner.query(
      `INSERT INTO "TeamMove" ("id", "personId", "date", "fromTeamId", "toTeamId")
       SELECT 'bmv-' || p.id, p.id, ${anchorDay} - (${rand("p.id", "'move-at'")} * ${scale.weeks * 7})::int,
              'bt-' || lpad((1 + (abs(hashtext(p.id)) % $1::int))::text, 4, '0'), p."teamId"
       FROM "Person" p WHERE p.id LIKE 'bpe-%' AND ${rand("p.id", "'move'")} < 0.10`,
      [teams],
    );
    return scale.people;
  }, log);

  const metrics = datasetMetrics(scale.metrics);
  const ids = new Map((await runner.query<{ id: string; key: string }>(`SELECT "id", "key" FROM "MetricDefinition"`)).map((r) => [r.key, r.id]));
  await timed(steps, "MetricValue", async () => {
    for (const m of metrics) {
      const spec = valueSpec(m);
      const metricId = ids.get(m.key);
      if (!metricId) throw new Error(`Built-in metric ${m.key} is missing; run ensureBuiltIns first.`);
      const r1 = rand(`'${m.key}'`, "t.id", "w::text");
      const r2 = rand(`'${m.key}'`, "t.id", "w::text", "'den'");
      const plain = `${spec.lo} + ${r1} * ${spec.hi - spec.lo}`;
      const den = `(${spec.denLo} + floor(${r2} * ${spec.denHi - spec.denLo + 1}))`;
      let select: string;
      if (spec.kind === "plain") {
        select = `${spec.integer ? `round(${plain})` : plain}, NULL::float8, NULL::float8`;
      } else {
        const num = spec.kind === "events" ? `(CASE WHEN ${r1} < 0.08 THEN 1 ELSE 0 END)` : `(${plain}) / ${spec.scale} * ${den}`;
        select = `(${num})::float8 / ${den} * ${spec.scale}, (${num})::float8, ${den}::float8`;
      }
      await runner.query(
        `INSERT INTO "MetricValue" ("metricId", "teamId", "weekStart", "value", "numerator", "denominator", "source", "updatedAt")
         SELECT $1, t.id, w::date, ${select}, 'SEED'::"ValueSource", CURRENT_TIMESTAMP
         FROM "Team" t CROSS JOIN generate_series($2::date, $3::date, interval '7 days') w
         WHERE t.id LIKE 'bt-%'`,
        [metricId, window.fromWeek, window.toWeek],
      );
    }
    return count(runner, "MetricValue");
  }, log);

  const perService = (total: number) => Math.max(1, Math.round(total / services));
  const deploymentsPerService = perService(scale.deployments);
  await timed(steps, "Deployment", async () => {
    const at = `${start} + ((i - 1 + ${rand("s.id", "i::text")}) * ${spanHours / deploymentsPerService}) * interval '1 hour'`;
    await runner.query(
      `INSERT INTO "Deployment" ("id", "serviceId", "externalId", "environment", "status", "kind", "startedAt", "finishedAt", "commitSha", "commits", "updatedAt")
       SELECT 'bd-' || s.id || '-' || i, s.id, 'd' || i,
              CASE WHEN ${rand("s.id", "i::text", "'env'")} < 0.9 THEN 'production' ELSE 'staging' END,
              CASE WHEN ${rand("s.id", "i::text", "'ok'")} < 0.05 THEN 'failure' ELSE 'success' END,
              CASE WHEN ${rand("s.id", "i::text", "'kind'")} < 0.03 THEN 'hotfix' WHEN ${rand("s.id", "i::text", "'kind'")} < 0.04 THEN 'rollback' ELSE 'regular' END,
              x.at - interval '12 minutes', x.at, md5(s.id || ':' || i), ARRAY[]::text[], CURRENT_TIMESTAMP
       FROM "Service" s CROSS JOIN generate_series(1, $1::int) i CROSS JOIN LATERAL (SELECT ${at} AS at) x
       WHERE s.id LIKE 'bs-%'`,
      [deploymentsPerService],
    );
    return count(runner, "Deployment");
  }, log);

  const prsPerService = perService(scale.pullRequests);
  await timed(steps, "PullRequest", async () => {
    const merged = `${start} + ((i - 1 + ${rand("s.id", "i::text", "'pr'")}) * ${spanHours / prsPerService}) * interval '1 hour'`;
    await runner.query(
      `INSERT INTO "PullRequest" ("id", "serviceId", "externalId", "title", "author", "createdAt", "mergedAt", "mergeCommitSha",
                                  "firstCommitAt", "firstReviewAt", "aiAssisted", "labels", "updatedAt")
       SELECT 'bp-' || s.id || '-' || i, s.id, 'pr' || i, NULL, 'dev-' || (abs(hashtext(s.id || i)) % 12),
              x.merged - (1 + ${rand("s.id", "i::text", "'open'")} * 72) * interval '1 hour',
              CASE WHEN ${rand("s.id", "i::text", "'m'")} < 0.97 THEN x.merged END,
              CASE WHEN ${rand("s.id", "i::text", "'m'")} < 0.97 THEN md5('pr:' || s.id || ':' || i) END,
              x.merged - (2 + ${rand("s.id", "i::text", "'open'")} * 72 + ${rand("s.id", "i::text", "'code'")} * 48) * interval '1 hour',
              x.merged - (${rand("s.id", "i::text", "'open'")} * 72 * ${rand("s.id", "i::text", "'rev'")}) * interval '1 hour',
              ${rand("s.id", "i::text", "'ai'")} < 0.2, ARRAY[]::text[], CURRENT_TIMESTAMP
       FROM "Service" s CROSS JOIN generate_series(1, $1::int) i CROSS JOIN LATERAL (SELECT ${merged} AS merged) x
       WHERE s.id LIKE 'bs-%'`,
      [prsPerService],
    );
    return count(runner, "PullRequest");
  }, log);

  await timed(steps, "PullRequestCommit", async () => {
    await runner.query(
      `INSERT INTO "PullRequestCommit" ("pullRequestId", "sha", "authoredAt")
       SELECT p.id, md5(p.id || ':' || k), p."firstCommitAt" + (k - 1) * interval '1 hour'
       FROM "PullRequest" p CROSS JOIN LATERAL generate_series(1, 1 + abs(hashtext(p.id)) % 2) k
       WHERE p.id LIKE 'bp-%'`,
    );
    return count(runner, "PullRequestCommit");
  }, log);

  await timed(steps, "PullRequestReview", async () => {
    await runner.query(
      `INSERT INTO "PullRequestReview" ("pullRequestId", "author", "submittedAt")
       SELECT p.id, 'rev-' || (abs(hashtext(p.id || 'r')) % 12), p."firstReviewAt" FROM "PullRequest" p WHERE p.id LIKE 'bp-%'`,
    );
    return count(runner, "PullRequestReview");
  }, log);

  const incidentsPerService = perService(scale.incidents);
  await timed(steps, "Incident", async () => {
    const opened = `${start} + ((i - 1 + ${rand("s.id", "i::text", "'inc'")}) * ${spanHours / incidentsPerService}) * interval '1 hour'`;
    await runner.query(
      `INSERT INTO "Incident" ("id", "serviceId", "externalId", "title", "severity", "openedAt", "resolvedAt", "causedByDeployment", "updatedAt")
       SELECT 'bi-' || s.id || '-' || i, s.id, 'inc' || i, NULL, 'sev' || (1 + abs(hashtext(s.id || i)) % 3), x.opened,
              x.opened + (30 + ${rand("s.id", "i::text", "'fix'")} * 600) * interval '1 minute',
              CASE WHEN ${rand("s.id", "i::text", "'cause'")} < 0.5 THEN 'd' || greatest(1, floor((i - 0.5) * $2::float8 / $1::int)::int) END,
              CURRENT_TIMESTAMP
       FROM "Service" s CROSS JOIN generate_series(1, $1::int) i CROSS JOIN LATERAL (SELECT ${opened} AS opened) x
       WHERE s.id LIKE 'bs-%'`,
      [incidentsPerService, deploymentsPerService],
    );
    return count(runner, "Incident");
  }, log);

  const itemsPerTeam = Math.max(1, Math.round(scale.workItems / teams));
  await timed(steps, "WorkItem", async () => {
    const iso = (col: string) => `to_char(${col}, 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
    await runner.query(
      `INSERT INTO "WorkItem" ("id", "teamId", "externalId", "type", "title", "createdAt", "transitions", "startedAt", "finishedAt", "updatedAt")
       SELECT 'bw-' || t.id || '-' || i, t.id, 'W-' || i,
              (CASE WHEN r.kind < 0.55 THEN 'FEATURE' WHEN r.kind < 0.75 THEN 'DEFECT' WHEN r.kind < 0.8 THEN 'RISK' ELSE 'DEBT' END)::"WorkItemType",
              NULL, x.created,
              CASE WHEN x.finished IS NULL
                THEN jsonb_build_array(jsonb_build_object('status', 'To Do', 'at', ${iso("x.created")}), jsonb_build_object('status', 'In Progress', 'at', ${iso("x.started")}))
                ELSE jsonb_build_array(jsonb_build_object('status', 'To Do', 'at', ${iso("x.created")}), jsonb_build_object('status', 'In Progress', 'at', ${iso("x.started")}),
                                       jsonb_build_object('status', 'Done', 'at', ${iso("x.finished")})) END,
              x.started, x.finished, CURRENT_TIMESTAMP
       FROM "Team" t CROSS JOIN generate_series(1, $1::int) i
       CROSS JOIN LATERAL (SELECT ${rand("t.id", "i::text", "'type'")} AS kind, ${rand("t.id", "i::text", "'wait'")} AS wait, ${rand("t.id", "i::text", "'work'")} AS work) r
       CROSS JOIN LATERAL (SELECT ${start} + ((i - 1) * ${(spanHours - 24 * 21) / itemsPerTeam}) * interval '1 hour' AS created) c
       CROSS JOIN LATERAL (SELECT c.created AS created, c.created + (r.wait * 96) * interval '1 hour' AS started,
              CASE WHEN i > $1::int * 0.97 THEN NULL ELSE c.created + (r.wait * 96 + 4 + r.work * 240) * interval '1 hour' END AS finished) x
       WHERE t.id LIKE 'bt-%'`,
      [itemsPerTeam],
    );
    return count(runner, "WorkItem");
  }, log);

  await timed(steps, "SurveyResponse", async () => {
    // The same items a survey made from the psychological-safety and eNPS templates stores.
    const items = composeItems({ templates: ["psychological-safety", "enps"], items: [], excludeItems: ["comment"] });
    await runner.query(`INSERT INTO "Survey" ("id", "title", "items") VALUES ('bsv-1', 'Quarterly engagement', $1::jsonb)`, [JSON.stringify(items)]);
    await runner.query(
      `INSERT INTO "SurveyRun" ("id", "surveyId", "title", "opensOn", "closesOn")
       SELECT 'brun-' || r, 'bsv-1', 'Quarter ' || r, date '${window.toWeek}' - r * 91, date '${window.toWeek}' - r * 91 + 14
       FROM generate_series(1, $1::int) r`,
      [scale.surveyRuns],
    );
    await runner.query(
      `INSERT INTO "SurveyRunTeam" ("runId", "teamId", "invited")
       SELECT r.id, t.id, 20 FROM "SurveyRun" r CROSS JOIN "Team" t WHERE r.id LIKE 'brun-%' AND t.id LIKE 'bt-%'`,
    );
    const cells = scale.surveyRuns * teams;
    const base = Math.floor(scale.surveyResponses / cells);
    const extra = scale.surveyResponses - base * cells;
    const answers = items.map((it) => `'${it.id}', ${it.kind === "scale0to10" ? `abs(hashtext(x.id || '${it.id}')) % 11` : `1 + abs(hashtext(x.id || '${it.id}')) % 7`}`).join(", ");
    await runner.query(
      `INSERT INTO "SurveyResponse" ("id", "runId", "teamId", "answers")
       SELECT x.id, x.run, x.team, jsonb_build_object(${answers})
       FROM (SELECT 'bsr-' || r.n || '-' || t.n || '-' || k AS id, 'brun-' || r.n AS run, 'bt-' || lpad(t.n::text, 4, '0') AS team
             FROM generate_series(1, $1::int) r(n) CROSS JOIN generate_series(1, $2::int) t(n) CROSS JOIN generate_series(1, $3::int) k
             WHERE k <= $4::int OR ((r.n - 1) * $2::int + t.n <= $5::int AND k = $3::int)) x`,
      [scale.surveyRuns, teams, base + 1, base, extra],
    );
    return count(runner, "SurveyResponse");
  }, log);

  return steps;
}
