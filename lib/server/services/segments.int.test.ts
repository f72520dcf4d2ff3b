import { beforeAll, describe, expect, it } from "vitest";
import { weekStartOf } from "@/lib/domain/time";
import { db } from "@/lib/server/db";
import { refreshAllRollups } from "./rollups";
import { compareSegments, listSegmentOptions } from "./segments";

/**
 * Group Platform {Payments (London), Search (London, vendor)} and group Product {Mobile (Berlin)}.
 * Psychological safety this week: Payments 6 respondents (mean 5), Search 3 (mean 6), Mobile 8 (mean 5.5).
 */
const now = new Date("2026-03-19T12:00:00Z");
const week = weekStartOf(now);
const ids: Record<string, string> = {};

async function put(key: string, team: string, value: number, numerator?: number, denominator?: number) {
  const metricId = (await db.metricDefinition.findUniqueOrThrow({ where: { key } })).id;
  await db.metricValue.create({ data: { metricId, teamId: ids[team], weekStart: new Date(week), value, numerator, denominator, source: "SEED" } });
}

beforeAll(async () => {
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  ids.payments = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: platform.id, location: "London" } })).id;
  ids.search = (await db.team.create({ data: { name: "Search", slug: "search", groupId: platform.id, location: "London", sourcing: "VENDOR" } })).id;
  ids.mobile = (await db.team.create({ data: { name: "Mobile", slug: "mobile", groupId: product.id, location: "Berlin" } })).id;
  await put("psych_safety", "payments", 5, 30, 6);
  await put("psych_safety", "search", 6, 18, 3);
  await put("psych_safety", "mobile", 5.5, 44, 8);
  await put("deployments", "payments", 10);
  await put("deployments", "search", 4);
  await put("deployments", "mobile", 7);
  await refreshAllRollups();
});

const latest = (points: { period: string; value: number | null; withheld?: string }[]) => points.find((p) => p.period === week);

describe("comparisons", () => {
  it("offers locations, sourcing models and origins besides groups and teams", async () => {
    const { segments } = await listSegmentOptions();
    expect(segments.filter((s) => s.kind === "location").map((s) => s.key)).toEqual(["location:Berlin", "location:London"]);
    expect(segments.filter((s) => s.kind === "sourcing").map((s) => s.key)).toEqual(["sourcing:ONSHORE", "sourcing:VENDOR"]);
  });

  it("combines a segment's teams by the metric's rule, beside the org baseline", async () => {
    const res = await compareSegments({ items: ["location:London", "location:Berlin"], metrics: ["deployments", "psych_safety"], range: "12w", granularity: "week" }, { seesClassifications: true }, now);
    const [deployments, safety] = res.metrics;
    expect(latest(deployments.baseline)?.value).toBe(21);
    expect(deployments.lines.map((l) => [l.label, l.teamCount, latest(l.points)?.value])).toEqual([
      ["Location: London", 2, 14],
      ["Location: Berlin", 1, 7],
    ]);
    // London: (30 + 18) ÷ 9 respondents = 5.333…; the org (30 + 18 + 44) ÷ 17.
    expect(latest(safety.lines[0].points)?.value).toBeCloseTo(48 / 9, 6);
    expect(latest(safety.baseline)?.value).toBeCloseTo(92 / 17, 6);
    expect(latest(safety.lines[1].points)?.value).toBe(5.5);
  });

  it("withholds a survey segment that is too small or would be exposed by differencing, with no number", async () => {
    const res = await compareSegments({ items: ["sourcing:VENDOR", `team:${ids.payments}`], metrics: ["psych_safety", "deployments"], range: "12w", granularity: "week" }, { seesClassifications: true }, now);
    const [safety, deployments] = res.metrics;
    // Vendor = Search alone: 3 respondents. Payments: 6, but Platform (9) − Payments leaves Search's 3.
    expect(latest(safety.lines[0].points)).toMatchObject({ value: null, withheld: "too-few" });
    expect(latest(safety.lines[1].points)).toMatchObject({ value: null, withheld: "differencing" });
    // Delivery metrics are never withheld.
    expect(deployments.lines.map((l) => latest(l.points)?.value)).toEqual([4, 10]);
  });

  it("rejects unknown segments and a single item", async () => {
    await expect(compareSegments({ items: ["location:Paris", "org"], metrics: ["deployments"], range: "12w", granularity: "week" }, { seesClassifications: true }, now)).rejects.toMatchObject({ status: 400 });
    await expect(compareSegments({ items: ["org", "org"], metrics: ["deployments"], range: "12w", granularity: "week" }, { seesClassifications: true }, now)).rejects.toMatchObject({ status: 400 });
  });
});
