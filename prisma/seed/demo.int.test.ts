import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILT_IN_METRICS, ratioScale } from "@/lib/metrics/catalog";
import { verifyPassword } from "@/lib/server/auth/password";
import { db, sqlRunner } from "@/lib/server/db";
import { resetDatabase } from "@/lib/testing/reset";
import { getMetricSeries, getOverview } from "@/lib/server/services/overview";
import type { UnitResult } from "@/lib/engagement/api-types";
import { getRunResults } from "@/lib/server/services/engagement/results";
import { DEMO_ACCOUNTS, isDatabaseEmpty, seedDemo, type DemoSummary } from "./demo";

// Wednesday 18 Nov 2026: current week Mon 16 Nov, incident-heavy quarter 16 Mar – 15 Jun 2026.
const NOW = new Date("2026-11-18T12:00:00Z");

interface ValueRow {
  key: string;
  slug: string;
  week: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

/** Metrics the demo computes from its deployment, pull-request, incident and work-item history. */
const DELIVERY_KEYS = new Set([
  "deployments", "deploy_days", "lead_time", "change_failure_rate", "recovery_time", "time_to_restore", "rework_rate", "incidents",
  "flow_velocity", "flow_time", "flow_efficiency", "flow_load", "alloc_new_capability", "alloc_ktlo", "alloc_debt", "ai_pr_share",
]);

/** Metrics the demo's survey runs publish (lib/server/disclosure/surveys.ts writes them when a run's snapshot is published). */
const SURVEY_KEYS = new Set(["psych_safety", "enps", "participation", "pulse_autonomy", "pulse_trust", "pulse_workload", "pulse_growth", "pulse_belonging"]);

async function allValues(): Promise<ValueRow[]> {
  const runner = await sqlRunner();
  return runner.query<ValueRow>(
    `SELECT m."key", t."slug", to_char(v."weekStart", 'YYYY-MM-DD') AS week, v."value", v."numerator", v."denominator"
     FROM "MetricValue" v JOIN "MetricDefinition" m ON m."id" = v."metricId" JOIN "Team" t ON t."id" = v."teamId"
     ORDER BY m."key", t."slug", v."weekStart"`,
  );
}

async function digest(): Promise<string> {
  const hash = createHash("sha256");
  for (const r of await allValues()) hash.update(`${r.key}|${r.slug}|${r.week}|${r.value}|${r.numerator}|${r.denominator}\n`);
  const people = await db.person.findMany({
    orderBy: { employeeId: "asc" },
    select: { employeeId: true, level: true, team: { select: { slug: true } }, employments: { select: { hireDate: true, exitDate: true } } },
  });
  hash.update(JSON.stringify(people));
  return hash.digest("hex");
}

describe("seedDemo", () => {
  let summary: DemoSummary;
  let values: ValueRow[];
  let firstDigest: string;

  beforeAll(async () => {
    const started = Date.now();
    summary = await seedDemo(db, { now: NOW });
    console.info(`demo seeded in ${Date.now() - started} ms: ${summary.metricValues} values`);
    values = await allValues();
    firstDigest = await digest();
  }, 600_000);

  it("refuses to seed a database that already has teams", async () => {
    expect(await isDatabaseEmpty(db)).toBe(false);
    await expect(seedDemo(db, { now: NOW })).rejects.toThrow(/already has teams/);
  });

  it("anchors two years of weeks plus the current one on now", () => {
    expect(summary.currentWeek).toBe("2026-11-16");
    expect(summary.firstWeek).toBe("2024-11-18");
    expect(summary.weeks).toBe(105);
    // Entered and survey/people values fill the window exactly; values computed from the event history may
    // reach one week earlier (a change merged just before the window and deployed in its first week).
    const seeded = new Set(values.filter((v) => !DELIVERY_KEYS.has(v.key)).map((v) => v.week));
    expect(seeded.size).toBe(105);
    expect([...seeded].sort()[0]).toBe("2024-11-18");
    const computed = [...new Set(values.filter((v) => DELIVERY_KEYS.has(v.key)).map((v) => v.week))].sort();
    expect(computed[0] >= "2024-11-11").toBe(true);
    expect(computed.at(-1)).toBe("2026-11-16");
  });

  it("creates the organisation: 12 teams in a group tree, about 120 people today, an acquired team", async () => {
    expect(summary.teams).toBe(12);
    expect(summary.groups).toBe(6);
    expect(summary.activePeople).toBeGreaterThanOrEqual(110);
    expect(summary.activePeople).toBeLessThanOrEqual(135);
    expect(await db.group.count({ where: { parentId: { not: null } } })).toBe(3);
    const acquired = await db.team.findMany({ where: { origin: "ACQUIRED" } });
    expect(acquired).toHaveLength(1);
    expect(acquired[0].acquisitionName).toBe("Telemetrix");
    expect(acquired[0].acquisitionDate?.toISOString().slice(0, 10)).toBe("2025-09-15");
    const services = await db.service.groupBy({ by: ["teamId"], _count: true });
    expect(services).toHaveLength(12);
    expect(services.every((s) => s._count >= 1 && s._count <= 3)).toBe(true);
    expect(await db.annotation.count()).toBeGreaterThanOrEqual(2);
    expect(await db.target.count({ where: { scopeType: "ORG" } })).toBeGreaterThan(0);
  });

  it("has a roster with exits, promotions, a rehire and the reorg's moves", async () => {
    expect(await db.employment.count({ where: { exitType: "voluntary" } })).toBeGreaterThan(10);
    expect(await db.employment.count({ where: { exitType: "involuntary" } })).toBeGreaterThan(0);
    expect(await db.employment.count({ where: { regretted: true } })).toBeGreaterThan(3);
    expect(summary.promotions).toBeGreaterThan(20);
    const rehired = await db.person.findMany({ where: { employments: { some: {} } }, select: { _count: { select: { employments: true } } } });
    expect(rehired.filter((p) => p._count.employments === 2)).toHaveLength(1);
    expect(await db.teamMove.count({ where: { date: new Date("2026-02-16") } })).toBe(8);
    expect(await db.careerLevel.count()).toBe(10);
  });

  it("gives every demo account its role, a working password, and the manager two teams", async () => {
    for (const account of DEMO_ACCOUNTS) {
      const user = await db.user.findUniqueOrThrow({ where: { email: account.email }, include: { managedTeams: true } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(account.password, user.passwordHash ?? "")).toBe(true);
      if (account.role === "MANAGER") expect(user.managedTeams).toHaveLength(2);
    }
    const unmanaged = await db.team.count({ where: { managers: { none: {} } } });
    expect(unmanaged).toBe(0);
  });

  it("has values for every built-in metric: delivery ones computed from events, engagement from survey runs, the rest from the seed", async () => {
    const keys = new Set(values.map((v) => v.key));
    for (const m of BUILT_IN_METRICS) expect(keys.has(m.key), m.key).toBe(true);
    const bySource = await db.metricValue.groupBy({ by: ["source"], _count: true });
    expect(bySource.map((r) => r.source).sort()).toEqual(["COMPUTED", "SEED"]);
    const computedKeys = await sqlRunner().then((r) =>
      r.query<{ key: string }>(`SELECT DISTINCT m."key" FROM "MetricValue" v JOIN "MetricDefinition" m ON m."id" = v."metricId" WHERE v."source" = 'COMPUTED'`),
    );
    expect(computedKeys.every((r) => DELIVERY_KEYS.has(r.key) || SURVEY_KEYS.has(r.key))).toBe(true);
    const seededSurveyValues = values.length - (await db.metricValue.count({ where: { OR: [{ source: "COMPUTED" }, { metric: { key: { notIn: [...SURVEY_KEYS] } } }] } }));
    expect(seededSurveyValues).toBe(0);
    expect(await db.metricRollup.count()).toBeGreaterThan(0);
  });

  it("stores every ratio as numerator ÷ denominator (× 100 for percents)", () => {
    const unit = new Map(BUILT_IN_METRICS.map((m) => [m.key, m.unit]));
    const ratioKeys = new Set(BUILT_IN_METRICS.filter((m) => m.aggregation === "RATIO" || m.aggregation === "RATE").map((m) => m.key));
    const ratios = values.filter((v) => ratioKeys.has(v.key));
    expect(ratios.length).toBeGreaterThan(20_000);
    for (const v of ratios) {
      expect(v.denominator, v.key).not.toBeNull();
      expect(v.denominator as number).toBeGreaterThan(0);
      const expected = ((v.numerator as number) / (v.denominator as number)) * ratioScale(unit.get(v.key) ?? "");
      expect(Math.abs(v.value - expected), `${v.key} ${v.slug} ${v.week}`).toBeLessThan(1e-9);
    }
  });

  it("keeps survey results to one week a month, with some under the anonymity threshold", () => {
    const enps = values.filter((v) => v.key === "enps");
    const perTeamMonth = new Set(enps.map((v) => `${v.slug}|${v.week.slice(0, 7)}`));
    expect(perTeamMonth.size).toBe(enps.length);
    expect(enps.some((v) => (v.denominator as number) < 5)).toBe(true);
    expect(enps.every((v) => (v.numerator as number) % 100 === 0)).toBe(true);
  });

  it("stores monthly metrics only at the Monday of each month's first ISO week", () => {
    // November 2026's first Thursday is the 5th, so its values sit on Monday 2 Nov.
    const growth = values.filter((v) => v.key === "growth_plan_coverage" && v.slug === "route-planning");
    expect(growth.map((v) => v.week)).toContain("2026-11-02");
    expect(growth.map((v) => v.week)).toContain("2026-09-28");
    expect(growth.length).toBeLessThanOrEqual(24);
  });

  it("leaves some teams without this week's manual entries", () => {
    const current = new Set(values.filter((v) => v.key === "slo_attainment" && v.week === "2026-11-16").map((v) => v.slug));
    expect(current.size).toBeGreaterThanOrEqual(6);
    expect(current.size).toBeLessThan(12);
  });

  it("agrees with the roster: team headcounts add up to the people employed", async () => {
    const week = values.filter((v) => v.key === "headcount" && v.week === "2026-11-16");
    expect(week.reduce((n, v) => n + v.value, 0)).toBe(summary.activePeople);
  });

  it("shows the incident-heavy quarter as higher change failure", () => {
    const cfr = values.filter((v) => v.key === "change_failure_rate");
    const rate = (rows: ValueRow[]) => rows.reduce((n, v) => n + (v.numerator as number), 0) / rows.reduce((n, v) => n + (v.denominator as number), 0);
    const inQuarter = cfr.filter((v) => v.week >= "2026-03-16" && v.week <= "2026-06-15");
    const outside = cfr.filter((v) => v.week < "2026-03-16" || v.week > "2026-07-13");
    expect(rate(inQuarter)).toBeGreaterThan(rate(outside) * 1.25);
  });

  it("shows AI adoption rising from about a tenth of seats to more than half", () => {
    const ai = values.filter((v) => v.key === "ai_adoption");
    const rate = (weeks: (w: string) => boolean) => {
      const rows = ai.filter((v) => weeks(v.week));
      return rows.reduce((n, v) => n + (v.numerator as number), 0) / rows.reduce((n, v) => n + (v.denominator as number), 0);
    };
    expect(rate((w) => w < "2025-01-01")).toBeLessThan(0.16);
    expect(rate((w) => w >= "2026-09-01")).toBeGreaterThan(0.5);
  });

  it("shows on dashboards the eNPS and psychological safety its survey runs published (same scope, same disclosure)", async () => {
    const viewer = { seesClassifications: false };
    const runs = await db.surveySnapshot.findMany({ where: { final: true }, select: { runId: true, week: true }, orderBy: { week: "asc" } });
    expect(runs.length).toBeGreaterThanOrEqual(20);
    const overview = await getOverview({ viewer, scope: "org", range: "1y", granularity: "week", now: NOW });
    const engagement = overview.pillars.find((p) => p.key === "ENGAGEMENT");
    const pointOf = (key: string, week: string) => engagement?.series.find((s) => s.metric.key === key)?.points.find((p) => p.period === week);
    const scoreOf = (unit: UnitResult, key: string) => (unit.shown ? (unit.indexes.find((i) => i.key === key)?.score ?? null) : null);
    let compared = 0;
    for (const { runId, week } of runs) {
      const day = week.toISOString().slice(0, 10);
      if (!pointOf("enps", day)) continue;
      const results = await getRunResults(runId, {}, { canModerateComments: false }, NOW);
      for (const key of ["enps", "psych_safety"]) {
        const point = pointOf(key, day);
        expect(point?.withheld === undefined, `${key} ${day}`).toBe(results.org.shown);
        if (results.org.shown) expect(point?.value, `${key} ${day}`).toBeCloseTo(scoreOf(results.org, key) as number, 9);
      }
      compared += 1;
    }
    expect(compared).toBeGreaterThanOrEqual(11);
    // Every team and group of the latest run: shown on the run's results exactly when its dashboard shows it, equal.
    const last = runs.at(-1) as (typeof runs)[number];
    const day = last.week.toISOString().slice(0, 10);
    const results = await getRunResults(last.runId, {}, { canModerateComments: false }, NOW);
    for (const unit of [...results.groups, ...results.teams]) {
      const { series } = await getMetricSeries({ viewer, scope: `${unit.type}:${unit.id}`, metrics: ["enps"], range: "12w", granularity: "week", now: NOW });
      const point = series[0].points.find((p) => p.period === day);
      expect(point?.withheld === undefined, unit.name).toBe(unit.shown);
      if (unit.shown) expect(point?.value, unit.name).toBeCloseTo(scoreOf(unit, "enps") as number, 9);
    }
  });

  it("produces identical data when seeded again into an empty database", async () => {
    await resetDatabase();
    await seedDemo(db, { now: NOW });
    expect(await digest()).toBe(firstDigest);
  }, 600_000);
});
