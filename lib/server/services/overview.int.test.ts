import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { db } from "@/lib/server/db";
import { refreshAllRollups } from "./rollups";
import { getMetricSeries, getOverview } from "./overview";

/**
 * Org "Acme" with group Platform {Payments, Search} and group Product {Mobile}.
 * The current week is fixed so periods are predictable.
 */
const now = new Date("2026-03-19T12:00:00Z"); // Thursday of the week starting Monday 2026-03-16
const week = weekStartOf(now);
/** A week later, when the week of `now` is complete and may be the headline. */
const later = new Date("2026-03-26T12:00:00Z");
const ids: Record<string, string> = {};

async function metricId(key: string) {
  return (await db.metricDefinition.findUniqueOrThrow({ where: { key } })).id;
}

async function put(metric: string, team: string, weekStart: string, value: number, numerator?: number, denominator?: number) {
  await db.metricValue.create({
    data: { metricId: await metricId(metric), teamId: ids[team], weekStart: new Date(weekStart), value, numerator, denominator, source: "SEED" },
  });
}

beforeAll(async () => {
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  ids.platform = platform.id;
  ids.product = product.id;
  for (const [slug, groupId] of [["payments", platform.id], ["search", platform.id], ["mobile", product.id]] as const) {
    ids[slug] = (await db.team.create({ data: { name: slug, slug, groupId, location: "London" } })).id;
  }
  // Change failure: payments 1/2 then 1/8; search 0/10 — the org's month is 2/20, never a mean of ratios.
  await put("change_failure_rate", "payments", addDays(week, -7), 50, 1, 2);
  await put("change_failure_rate", "payments", week, 12.5, 1, 8);
  await put("change_failure_rate", "search", week, 0, 0, 10);
  // Psychological safety: payments 6 respondents, search 4 (too few), mobile 8.
  await put("psych_safety", "payments", week, 5, 30, 6);
  await put("psych_safety", "search", week, 6, 24, 4);
  await put("psych_safety", "mobile", week, 5.5, 44, 8);
  // Participation stores respondents ÷ invited: 4 of 10 answered in Search — too few, although 10 were invited.
  await put("participation", "search", week, 40, 4, 10);
  await put("participation", "mobile", week, 80, 8, 10);
  await put("participation", "payments", week, 60, 6, 10);
  // Headcount for people-metric suppression, last (complete) week: payments 12, search 3, mobile 9; and the running
  // week, whose people numbers are not shown until it is over.
  for (const w of [addDays(week, -7), week]) {
    await put("headcount", "payments", w, 12);
    await put("headcount", "search", w, 3);
    await put("headcount", "mobile", w, 9);
    await put("turnover_rate", "search", w, 33.3, 1, 3);
    await put("turnover_rate", "payments", w, 0, 0, 12);
    await put("turnover_rate", "mobile", w, 0, 0, 9);
  }
  await db.target.create({
    data: { metricId: await metricId("change_failure_rate"), scopeType: "ORG", green: 15, amber: 25, effectiveFrom: new Date("2026-01-01") },
  });
  await refreshAllRollups();
});

describe("series", () => {
  it("draws the running period as so far, and never makes it the headline or compares with it", async () => {
    const { series } = await getMetricSeries({ viewer: { seesClassifications: true }, scope: "org", metrics: ["change_failure_rate"], range: "12w", granularity: "month", now });
    const march = series[0].points.at(-1);
    expect(march).toMatchObject({ period: "2026-03-01", soFar: true });
    expect(march?.value).toBeCloseTo((2 / 20) * 100, 10);
    expect(series[0].points.slice(0, -1).every((p) => !p.soFar)).toBe(true);
    expect(series[0].latest).toBeNull();
    expect(series[0].changePct).toBeNull();
    const weekly = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `group:${ids.platform}`, metrics: ["change_failure_rate"], range: "12w", granularity: "week", now });
    expect(weekly.series[0].points.at(-1)).toMatchObject({ period: week, soFar: true });
    expect(weekly.series[0].latest).toMatchObject({ period: addDays(week, -7), value: 50 });
    expect(weekly.series[0].previous).toBeNull();
  });

  it("recomputes ratios across teams and weeks from numerators and denominators", async () => {
    const { series } = await getMetricSeries({ viewer: { seesClassifications: true },  scope: "org", metrics: ["change_failure_rate"], range: "12w", granularity: "month", now });
    const march = series[0].points.find((p) => p.period === "2026-03-01");
    expect(march?.value).toBeCloseTo((2 / 20) * 100, 10);
    const weekly = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `group:${ids.platform}`, metrics: ["change_failure_rate"], range: "12w", granularity: "week", now: later });
    expect(weekly.series[0].latest?.value).toBeCloseTo((1 / 18) * 100, 10);
    expect(weekly.series[0].previous?.value).toBe(50);
  });

  it("colours the latest value against the target in force, respecting direction", async () => {
    const { series } = await getMetricSeries({ viewer: { seesClassifications: true },  scope: "org", metrics: ["change_failure_rate"], range: "12w", granularity: "week", now: later });
    expect(series[0].target).toMatchObject({ green: 15, amber: 25, status: "green", scope: "ORG" });
    expect(series[0].targetLine.at(-2)).toBe(15);
  });

  it("withholds a team's survey result below the threshold and shows it at or above", async () => {
    const search = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `team:${ids.search}`, metrics: ["psych_safety"], range: "12w", granularity: "week", now: later });
    const point = search.series[0].points.find((p) => p.period === week);
    expect(point).toMatchObject({ value: null, withheld: "too-few" });
    expect(search.series[0].latest).toBeNull();
    const mobile = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `team:${ids.mobile}`, metrics: ["psych_safety"], range: "12w", granularity: "week", now: later });
    expect(mobile.series[0].latest?.value).toBe(5.5);
  });

  it("judges participation by its respondents, not by the people invited", async () => {
    const search = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `team:${ids.search}`, metrics: ["participation"], range: "12w", granularity: "week", now: later });
    expect(search.series[0].points.find((p) => p.period === week)).toMatchObject({ value: null, withheld: "too-few" });
    const mobile = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `team:${ids.mobile}`, metrics: ["participation"], range: "12w", granularity: "week", now: later });
    expect(mobile.series[0].latest?.value).toBe(80);
  });

  it("blocks differencing: a group that differs from the org by fewer respondents than the threshold is withheld", async () => {
    // Org has 18 respondents; Platform has 10 → difference 8 (shown). Product has 8 → difference 10 (shown).
    const platform = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `group:${ids.platform}`, metrics: ["psych_safety"], range: "12w", granularity: "week", now: later });
    expect(platform.series[0].latest?.value).toBeCloseTo(54 / 10, 10);
    // Payments (6) inside Platform (10): Platform − Payments = 4 respondents → Payments would expose Search.
    const payments = await getMetricSeries({ viewer: { seesClassifications: true },  scope: `team:${ids.payments}`, metrics: ["psych_safety"], range: "12w", granularity: "week", now: later });
    expect(payments.series[0].points.find((p) => p.period === week)).toMatchObject({ value: null, withheld: "differencing" });
  });

  it("suppresses people metrics for groups under five people, and for the week still running", async () => {
    const search = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `team:${ids.search}`, metrics: ["turnover_rate"], range: "12w", granularity: "week", now });
    expect(search.series[0].points.at(-2)).toMatchObject({ value: null, withheld: "too-few" });
    const org = await getMetricSeries({ viewer: { seesClassifications: true }, scope: "org", metrics: ["turnover_rate"], range: "12w", granularity: "week", now });
    expect(org.series[0].points.at(-1)).toMatchObject({ value: null, withheld: "in-progress" });
    // Shown annualised (rolling 12 months): the week's 1 in 24, one week of March's four covered, scaled to 12 months.
    expect(org.series[0].latest?.value).toBeCloseTo(((1 / 24) * 100 * 12) / 0.25, 10);
    // Platform = payments (12) + search (3): search is pooled with payments, so payments alone is withheld
    // (platform − payments would be search), and the group is shown.
    const platform = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `group:${ids.platform}`, metrics: ["turnover_rate"], range: "12w", granularity: "week", now });
    expect(platform.series[0].points.at(-2)?.value).toBeCloseTo(((1 / 15) * 100 * 12) / 0.25, 10);
    const payments = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `team:${ids.payments}`, metrics: ["turnover_rate"], range: "12w", granularity: "week", now });
    expect(payments.series[0].points.at(-2)).toMatchObject({ value: null, withheld: "differencing" });
  });

  it("returns every pillar on the overview with the org's name", async () => {
    const overview = await getOverview({ viewer: { seesClassifications: true },  scope: "org", range: "6m", granularity: "week", now });
    expect(overview.pillars.map((p) => p.key)).toEqual(["QUALITY", "ENGAGEMENT", "RETENTION", "SKILLS", "ALIGNMENT"]);
    expect(overview.empty).toBe(false);
    expect(overview.pillars.every((p) => p.series.length > 0)).toBe(true);
    expect(overview.pillars[0].series[0].points).toHaveLength(26);
  });
});

describe("annualised turnover on dashboards", () => {
  it("shows turnover as the annualised rolling 12-month rate, judged by the disclosure policy over the year's weeks", async () => {
    // Org turnover: weeks of 9 and 16 Mar; org headcount 24 both weeks and 1 separation (Search) in each.
    const org = await getMetricSeries({ viewer: { seesClassifications: true }, scope: "org", metrics: ["turnover_rate"], range: "12w", granularity: "month", now: later });
    const [series] = org.series;
    expect(series.metric.annualised).toBe(true);
    expect(series.metric.howComputed).toMatch(/rolling 12 months/);
    const march = series.points.find((p) => p.period === "2026-03-01");
    // March (4 weeks: 2, 9, 16, 23 Mar) is covered for 2 weeks: 2 ÷ 24 × 100 for the month, scaled to 12 by half a month.
    expect(march?.value).toBeCloseTo(((2 / 24) * 100 * 12) / 0.5, 8);
    // The same rule at week granularity: at the week of 9 Mar only that week is covered.
    const weekly = await getMetricSeries({ viewer: { seesClassifications: true }, scope: "org", metrics: ["turnover_rate"], range: "12w", granularity: "week", now: later });
    expect(weekly.series[0].points.find((p) => p.period === addDays(week, -7))?.value).toBeCloseTo(((1 / 24) * 100 * 12) / 0.25, 8);
    // Search alone (3 people) is never shown, whatever its rate.
    const search = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `team:${ids.search}`, metrics: ["turnover_rate"], range: "12w", granularity: "month", now: later });
    expect(search.series[0].points.find((p) => p.period === "2026-03-01")).toMatchObject({ value: null, withheld: "too-few" });
  });
});
