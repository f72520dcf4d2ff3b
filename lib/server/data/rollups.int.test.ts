import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { refreshAllRollups, refreshRollups } from "@/lib/server/services/rollups";
import { weeklyPointsForTeams } from "./metric-points";

/**
 * The roll-ups (one row per metric, scope and week) combine a scope's teams by the metric's rule, as the ad-hoc
 * combination of any set of teams does (segments read that one). Checked for every kind of metric, on every
 * scope, against that combination and against numbers worked by hand.
 * Groups: Engineering ⊃ {Platform: Payments, Search; Product: Mobile, Web, Data}.
 */
const week = "2026-03-02";
const ids: Record<string, string> = {};
const scopeTeams: Record<string, string[]> = {};

/** Per team: [value, numerator?, denominator?], in the order Payments, Search, Mobile, Web, Data. */
const METRICS: Record<string, { aggregation: "SUM" | "MEAN" | "MEDIAN" | "LAST" | "RATIO" | "RATE"; unit: string; values: [number, number?, number?][] }> = {
  rt_sum: { aggregation: "SUM", unit: "count", values: [[10], [4], [7], [3], [5]] },
  rt_mean: { aggregation: "MEAN", unit: "count", values: [[10], [4], [7], [3], [6]] },
  rt_median: { aggregation: "MEDIAN", unit: "minutes", values: [[30], [90], [20], [200], [45]] },
  rt_last: { aggregation: "LAST", unit: "count", values: [[8], [6], [7], [9], [4]] },
  rt_ratio_percent: { aggregation: "RATIO", unit: "percent", values: [[50, 1, 2], [25, 1, 4], [0, 0, 3], [100, 2, 2], [20, 1, 5]] },
  rt_median_ratio: { aggregation: "MEDIAN", unit: "score", values: [[5, 30, 6], [6, 18, 3], [5, 15, 3], [4, 24, 6], [5.5, 22, 4]] },
  rt_rate: { aggregation: "RATE", unit: "count", values: [[1], [2], [3], [4], [8]] },
};
const TEAMS = ["payments", "search", "mobile", "web", "data"];

async function rollup(metric: string, scope: string): Promise<number | null | undefined> {
  const row = await db.metricRollup.findUnique({
    where: { metricId_scopeType_scopeId_weekStart: { metricId: ids[metric], scopeType: scope === "org" ? "ORG" : "GROUP", scopeId: scope === "org" ? "org" : ids[scope], weekStart: new Date(week) } },
  });
  return row === null ? undefined : row.value;
}

beforeAll(async () => {
  const engineering = await db.group.create({ data: { name: "Engineering", slug: "engineering" } });
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform", parentId: engineering.id } });
  const product = await db.group.create({ data: { name: "Product", slug: "product", parentId: engineering.id } });
  Object.assign(ids, { engineering: engineering.id, platform: platform.id, product: product.id });
  for (const [i, slug] of TEAMS.entries()) {
    const groupId = i < 2 ? platform.id : product.id;
    ids[slug] = (await db.team.create({ data: { name: slug, slug, groupId, location: "Berlin" } })).id;
  }
  scopeTeams.platform = [ids.payments, ids.search];
  scopeTeams.product = [ids.mobile, ids.web, ids.data];
  scopeTeams.engineering = TEAMS.map((t) => ids[t]);
  scopeTeams.org = scopeTeams.engineering;
  for (const [key, m] of Object.entries(METRICS)) {
    ids[key] = (await db.metricDefinition.create({ data: { key, name: key, pillar: "QUALITY", unit: m.unit, aggregation: m.aggregation, howComputed: "Test." } })).id;
    await db.metricValue.createMany({
      data: m.values.map(([value, numerator, denominator], i) => ({ metricId: ids[key], teamId: ids[TEAMS[i]], weekStart: new Date(week), value, numerator, denominator, source: "SEED" as const })),
    });
  }
  await refreshAllRollups();
});

describe("roll-ups", () => {
  it("combine each scope's teams by the metric's rule, as any set of teams is combined", async () => {
    for (const key of Object.keys(METRICS)) {
      for (const scope of ["org", "engineering", "platform", "product"]) {
        const [combined] = (await weeklyPointsForTeams(scopeTeams[scope], [ids[key]], week, week)).get(ids[key]) ?? [];
        expect(combined, `${key} ${scope}`).toBeDefined();
        const value = await rollup(key, scope);
        expect(value, `${key} ${scope}`).not.toBeUndefined();
        if (combined.value === null) expect(value, `${key} ${scope}`).toBeNull();
        else expect(value, `${key} ${scope}`).toBeCloseTo(combined.value, 9);
      }
    }
  });

  it("give the numbers worked by hand for every kind of metric", async () => {
    expect(await rollup("rt_sum", "org")).toBe(29);
    expect(await rollup("rt_sum", "platform")).toBe(14);
    expect(await rollup("rt_mean", "product")).toBeCloseTo(16 / 3, 9);
    expect(await rollup("rt_median", "org")).toBe(45); // 20, 30, 45, 90, 200
    expect(await rollup("rt_median", "platform")).toBe(60); // (30 + 90) / 2
    expect(await rollup("rt_last", "product")).toBe(20); // stocks add up
    expect(await rollup("rt_ratio_percent", "org")).toBeCloseTo((5 / 16) * 100, 9);
    expect(await rollup("rt_median_ratio", "platform")).toBeCloseTo(48 / 9, 9); // with respondents: Σ ÷ Σ
    expect(await rollup("rt_rate", "engineering")).toBeCloseTo(18 / 5, 9);
  });

  it("are rewritten for the metrics and weeks a write names, leaving the others", async () => {
    await db.metricValue.updateMany({ where: { metricId: { in: [ids.rt_sum, ids.rt_median] }, teamId: ids.search }, data: { value: 100 } });
    await refreshRollups({ metricIds: [ids.rt_median], weeks: [week] });
    expect(await rollup("rt_median", "platform")).toBe(65); // (30 + 100) / 2
    expect(await rollup("rt_sum", "platform")).toBe(14); // not named: as it was
    await refreshRollups({ metricIds: [ids.rt_sum] });
    expect(await rollup("rt_sum", "platform")).toBe(110);
  });

  it("go with their metric when it is deleted", async () => {
    expect(await db.metricRollup.count({ where: { metricId: ids.rt_rate } })).toBe(4);
    await db.metricValue.deleteMany({ where: { metricId: ids.rt_rate } });
    await db.metricDefinition.delete({ where: { id: ids.rt_rate } });
    expect(await db.metricRollup.count({ where: { metricId: ids.rt_rate } })).toBe(0);
    expect(await db.metricRollup.count({ where: { metricId: ids.rt_sum } })).toBe(4);
  });
});
