import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getCompare } from "@/app/api/v1/compare/route";
import { GET as getMetricValuesExport } from "@/app/api/v1/exports/metric-values/route";
import { GET as getSeries } from "@/app/api/v1/metrics/series/route";
import { GET as getResults } from "@/app/api/v1/surveys/runs/[runId]/results/route";
import { findDerivableSmallSet } from "@/lib/disclosure/derivability";
import { peopleFloor } from "@/lib/disclosure/reasons";
import { addDays, weekStartOf } from "@/lib/domain/time";
import type { MetricSeries } from "@/lib/metrics/series-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { publishSnapshot } from "@/lib/server/disclosure/surveys";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { generateLinks } from "@/lib/server/services/engagement/invitations";
import { publishRunResults } from "@/lib/server/services/engagement/publish";
import { submitAnswers } from "@/lib/server/services/engagement/respond";
import type { RunResults, UnitResult } from "@/lib/engagement/api-types";
import { createRun } from "@/lib/server/services/engagement/runs";
import { createSurvey } from "@/lib/server/services/engagement/surveys";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";
import { resetDatabase } from "@/lib/testing/reset";

/**
 * The disclosure policy as a property of everything a reader can read (../shared/spec/disclosure.md, "How to
 * check it"). For random organisations, thresholds, answers arriving in several snapshots and headcounts, a
 * viewer reads the real endpoints over HTTP — survey results under every filter, dashboard series for every
 * scope and filter, the comparison page and the value export — and the test checks, with the exact
 * derivability checker, that no set of 1…k−1 people can be derived from all of it together. Every shown
 * number is also checked against the answers behind it, so the groups it claims to cover are the ones it does.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const VIEWER: SessionUser = { id: "viewer", email: "viewer@example.test", name: "Viewer", role: "VIEWER", managedTeamIds: [] };
const NOW = new Date("2026-03-18T12:00:00Z"); // Wednesday; the run closes in the week of 2026-03-16
const RUN_WEEK = weekStartOf(NOW);
const PEOPLE_WEEK = addDays(RUN_WEEK, -7); // a complete week
const LOCATIONS = ["Berlin", "Lisbon"] as const;
const SOURCING = ["ONSHORE", "OFFSHORE"] as const;

let host: HttpHost;

beforeAll(async () => {
  host = await serveRoutes({
    "GET /api/v1/surveys/runs/[runId]/results": getResults,
    "GET /api/v1/metrics/series": getSeries,
    "GET /api/v1/compare": getCompare,
    "GET /api/v1/exports/metric-values": getMetricValuesExport,
  });
});

afterAll(async () => {
  await host.close();
});

interface TeamSpec {
  group: number;
  location: 0 | 1;
  sourcing: 0 | 1;
  acquired: boolean;
  /** eNPS answers arriving in each batch (a snapshot may follow each batch). */
  batches: number[][];
  headcount: number;
}

const arbTeam = (batches: number) =>
  fc.record({
    group: fc.integer({ min: 0, max: 2 }),
    location: fc.constantFrom(0 as const, 1 as const),
    sourcing: fc.constantFrom(0 as const, 1 as const),
    acquired: fc.boolean(),
    batches: fc.array(fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 7 }), { minLength: batches, maxLength: batches }),
    headcount: fc.integer({ min: 0, max: 12 }),
  });

const arbOrg = fc.integer({ min: 1, max: 3 }).chain((batches) =>
  fc.record({
    threshold: fc.integer({ min: 3, max: 6 }),
    groups: fc.integer({ min: 1, max: 3 }),
    teams: fc.array(arbTeam(batches), { minLength: 3, maxLength: 6 }),
    interim: fc.array(fc.boolean(), { minLength: batches, maxLength: batches }),
  }),
);

type Org = typeof arbOrg extends fc.Arbitrary<infer T> ? T : never;

interface Built {
  runId: string;
  teamIds: string[];
  groupIds: string[];
  specs: TeamSpec[];
}

async function build(org: Org): Promise<Built> {
  await resetDatabase();
  await db.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, anonymityThreshold: org.threshold }, update: { anonymityThreshold: org.threshold } });
  const groupIds: string[] = [];
  for (let g = 0; g < org.groups; g++) groupIds.push((await db.group.create({ data: { name: `Group ${g}`, slug: `g${g}` } })).id);
  const teamIds: string[] = [];
  for (const [i, t] of org.teams.entries()) {
    const team = await db.team.create({
      data: {
        name: `Team ${i}`, slug: `t${i}`, groupId: groupIds[t.group % org.groups], location: LOCATIONS[t.location], sourcing: SOURCING[t.sourcing],
        origin: t.acquired ? "ACQUIRED" : "ORGANIC", acquisitionName: t.acquired ? "Acme" : null,
      },
    });
    teamIds.push(team.id);
  }
  const headcount = await db.metricDefinition.findUniqueOrThrow({ where: { key: "headcount" } });
  await db.metricValue.createMany({
    data: org.teams.flatMap((t, i) => (t.headcount > 0 ? [{ metricId: headcount.id, teamId: teamIds[i], weekStart: new Date(PEOPLE_WEEK), value: t.headcount, source: "SEED" as const }] : [])),
  });
  await refreshAllRollups();

  const survey = await createSurvey(SYSTEM_ACTOR, { title: "eNPS", templates: ["enps"], excludeItems: [], items: [] });
  const run = await createRun(SYSTEM_ACTOR, survey.id, { opensOn: addDays(RUN_WEEK, 0), closesOn: addDays(RUN_WEEK, 4), repeat: "none", teamIds, groupIds: [] });
  return { runId: run.id, teamIds, groupIds, specs: org.teams };
}

async function read<T>(path: string): Promise<T> {
  const res = await fetch(`${host.url}${path}`);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (res.headers.get("content-type") ?? "").includes("json") ? ((await res.json()) as T) : ((await res.text()) as T);
}

/** Everything the viewer can read about the run's answers and the people week, as cell vectors. */
interface Seen {
  survey: string[][];
  people: string[][];
}

const atom = (teamId: string, epoch: number) => `${teamId}@${epoch}`;

async function epochsOf(runId: string): Promise<{ atoms: Map<string, number>; answers: Map<string, number[]>; latest: number }> {
  const rows = await db.surveyResponse.findMany({ where: { runId, epoch: { not: null } }, select: { teamId: true, epoch: true, answers: true } });
  const atoms = new Map<string, number>();
  const answers = new Map<string, number[]>();
  let latest = 0;
  for (const r of rows) {
    const key = atom(r.teamId, r.epoch as number);
    atoms.set(key, (atoms.get(key) ?? 0) + 1);
    answers.set(key, [...(answers.get(key) ?? []), (r.answers as { enps: number }).enps]);
    latest = Math.max(latest, r.epoch as number);
  }
  return { atoms, answers, latest };
}

function enpsOf(values: number[]): number {
  const promoters = values.filter((v) => v >= 9).length;
  const detractors = values.filter((v) => v <= 6).length;
  return (100 * (promoters - detractors)) / values.length;
}

function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((acc, item) => [...acc, ...acc.map((s) => [...s, item])], [[]]);
}

async function gather(b: Built, threshold: number): Promise<Seen> {
  const { atoms, answers, latest } = await epochsOf(b.runId);
  const seen: Seen = { survey: [], people: [] };
  const teamsWhere = (f: { team?: number; group?: number; location?: number; sourcing?: number; acquired?: boolean }) =>
    b.teamIds.filter((_, i) => {
      const t = b.specs[i];
      return (f.team === undefined || f.team === i) && (f.group === undefined || b.groupIds[t.group % b.groupIds.length] === b.groupIds[f.group]) &&
        (f.location === undefined || t.location === f.location) && (f.sourcing === undefined || t.sourcing === f.sourcing) &&
        (f.acquired === undefined || t.acquired === f.acquired);
    });
  const claim = (teams: readonly string[], upTo: number) => [...atoms.keys()].filter((a) => teams.includes(a.split("@")[0]) && Number(a.split("@")[1]) <= upTo);
  const checkUnit = (u: UnitResult, teams: readonly string[]) => {
    if (!u.shown) {
      expect(u).not.toHaveProperty("respondents");
      return;
    }
    const cells = claim(teams, u.asOf.snapshot);
    const values = cells.flatMap((c) => answers.get(c) ?? []);
    expect(u.respondents).toBe(values.length);
    expect(u.respondents).toBeGreaterThanOrEqual(threshold);
    expect(u.indexes.find((i) => i.key === "enps")?.score).toBeCloseTo(enpsOf(values), 9);
    seen.survey.push(cells);
  };

  // Survey results: no filter, each single filter, and each pair of kinds.
  const filters: { q: Record<string, string>; f: Parameters<typeof teamsWhere>[0] }[] = [{ q: {}, f: {} }];
  const single = [
    ...b.teamIds.map((id, i) => ({ q: { team: id }, f: { team: i } })),
    ...b.groupIds.map((id, g) => ({ q: { group: id }, f: { group: g } })),
    ...LOCATIONS.map((l, i) => ({ q: { location: l }, f: { location: i } })),
    ...SOURCING.map((s, i) => ({ q: { sourcing: s }, f: { sourcing: i } })),
  ];
  filters.push(...single);
  for (const a of single) for (const c of single) if (Object.keys(a.q)[0] < Object.keys(c.q)[0]) filters.push({ q: { ...a.q, ...c.q }, f: { ...a.f, ...c.f } });
  for (const { q, f } of filters) {
    const r = await read<RunResults>(`/api/v1/surveys/runs/${b.runId}/results?${new URLSearchParams(q)}`);
    checkUnit(r.org, b.teamIds);
    for (const u of r.groups) checkUnit(u, teamsWhere({ group: b.groupIds.indexOf(u.id as string) }));
    for (const u of r.teams) checkUnit(u, [u.id as string]);
    if (r.filter) checkUnit(r.filter, teamsWhere(f));
  }

  // Dashboards: every scope × every combination of location, sourcing and origin, for eNPS and headcount.
  const scopes = [{ key: "org", f: {} }, ...b.groupIds.map((id, g) => ({ key: `group:${id}`, f: { group: g } })), ...b.teamIds.map((id, i) => ({ key: `team:${id}`, f: { team: i } }))];
  const dims = [
    LOCATIONS.map((l, i) => ({ q: { location: l }, f: { location: i } })),
    SOURCING.map((s, i) => ({ q: { sourcing: s }, f: { sourcing: i } })),
    [{ q: { origin: "organic" }, f: { acquired: false } }, { q: { origin: "acquired" }, f: { acquired: true } }],
  ];
  const combos = subsets([0, 1, 2]).flatMap((kinds) => kinds.reduce<{ q: Record<string, string>; f: object }[]>((acc, k) => acc.flatMap((c) => dims[k].map((d) => ({ q: { ...c.q, ...d.q }, f: { ...c.f, ...d.f } }))), [{ q: {}, f: {} }]));
  for (const scope of scopes) {
    for (const combo of combos) {
      const q = new URLSearchParams({ scope: scope.key, metrics: "enps,headcount", range: "12w", granularity: "week", ...combo.q });
      const body = await read<{ series: MetricSeries[] }>(`/api/v1/metrics/series?${q}`);
      const teams = teamsWhere({ ...scope.f, ...combo.f });
      for (const s of body.series) {
        const point = s.points.find((p) => p.period === (s.metric.key === "enps" ? RUN_WEEK : PEOPLE_WEEK));
        if (!point || point.value === null) continue;
        if (s.metric.key === "enps") {
          const cells = claim(teams, latest);
          expect(point.value).toBeCloseTo(enpsOf(cells.flatMap((c) => answers.get(c) ?? [])), 9);
          seen.survey.push(cells);
        } else {
          expect(point.value).toBe(teams.reduce((n, t) => n + (b.specs[b.teamIds.indexOf(t)].headcount ?? 0), 0));
          seen.people.push(teams);
        }
      }
    }
  }

  // The comparison page: every location and sourcing model side by side.
  const items = [
    ...LOCATIONS.filter((_, i) => b.specs.some((t) => t.location === i)).map((l) => `location:${l}`),
    ...SOURCING.filter((_, i) => b.specs.some((t) => t.sourcing === i)).map((x) => `sourcing:${x}`),
  ];
  const compared = items.length < 2 ? { metrics: [] } : await read<{ metrics: { metric: { key: string }; lines: { key: string; points: { period: string; value: number | null }[] }[] }[] }>(
    `/api/v1/compare?${new URLSearchParams({ items: items.join(","), metrics: "enps,headcount", range: "6m", granularity: "week" })}`,
  );
  for (const m of compared.metrics) {
    for (const line of m.lines) {
      const [kind, value] = line.key.split(":");
      const teams = teamsWhere(kind === "location" ? { location: LOCATIONS.indexOf(value as never) } : { sourcing: SOURCING.indexOf(value as never) });
      const point = line.points.find((p) => p.period === (m.metric.key === "enps" ? RUN_WEEK : PEOPLE_WEEK));
      if (!point || point.value === null) continue;
      if (m.metric.key === "enps") seen.survey.push(claim(teams, latest));
      else seen.people.push(teams);
    }
  }

  // The team-level value export (CSV).
  const csv = await read<string>(`/api/v1/exports/metric-values?metrics=enps,headcount`);
  for (const line of csv.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1)) {
    const [slug, metric] = line.split(",");
    const teamId = b.teamIds[Number(slug.slice(1))];
    if (metric === "enps") seen.survey.push(claim([teamId], latest));
    else seen.people.push([teamId]);
  }
  return seen;
}

async function answerAndPublish(b: Built, org: Org): Promise<void> {
  const links = new Map<string, string[]>();
  for (const [i, t] of b.specs.entries()) {
    const count = t.batches.reduce((n, x) => n + x.length, 0);
    if (count === 0) continue;
    const out = await generateLinks(SYSTEM_ACTOR, null, b.runId, { seats: [{ teamId: b.teamIds[i], count }], teamIds: [b.teamIds[i]] }, "http://x", NOW);
    links.set(b.teamIds[i], out.links.map((l) => l.url.split("/s/")[1]));
  }
  const batches = org.interim.length;
  for (let k = 0; k < batches; k++) {
    actingAs = VIEWER;
    const before = await read<RunResults>(`/api/v1/surveys/runs/${b.runId}/results`);
    for (const [i, t] of b.specs.entries()) {
      for (const value of t.batches[k]) await submitAnswers(links.get(b.teamIds[i])!.shift()!, { enps: value }, NOW);
    }
    // Between snapshots nothing a reader sees moves, however many answered.
    const after = await read<RunResults>(`/api/v1/surveys/runs/${b.runId}/results`);
    expect({ ...after, progress: [] }).toEqual({ ...before, progress: [] });
    const last = k === batches - 1;
    if (last) await publishSnapshot(SYSTEM_ACTOR, b.runId, { final: true, now: NOW });
    else if (org.interim[k]) await publishRunResults(SYSTEM_ACTOR, b.runId, NOW).catch((e: { status?: number }) => expect(e.status).toBe(400));
  }
}

describe("no reader can derive a small group from everything they can read", () => {
  it("holds for random organisations, thresholds, answer sequences, snapshots and filters", async () => {
    await fc.assert(
      fc.asyncProperty(arbOrg, async (org) => {
        const built = await build(org);
        await answerAndPublish(built, org);
        actingAs = VIEWER;
        const seen = await gather(built, org.threshold);
        const { atoms } = await epochsOf(built.runId);
        expect(findDerivableSmallSet(seen.survey, atoms, org.threshold)).toBeNull();
        const heads = new Map(built.teamIds.map((id, i) => [id, org.teams[i].headcount]));
        expect(findDerivableSmallSet(seen.people, heads, peopleFloor(org.threshold))).toBeNull();
      }),
      { numRuns: Number(process.env.PILLARS_DISCLOSURE_RUNS ?? 8), seed: 20261205, endOnFailure: true },
    );
  }, 900_000);
});
