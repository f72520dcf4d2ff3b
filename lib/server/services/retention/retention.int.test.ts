import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { getMetricSeries } from "@/lib/server/services/overview";
import { inTeam } from "@/lib/retention/roster";
import { computeNumbers } from "@/lib/retention/report-core";
import { getRetentionReport } from "./retention-report";
import { loadRoster } from "./roster";
import { retentionRowsCsv } from "./export";
import { savePeopleRecords } from "./save-records";
import { createTestOrg, marchRoster, type TestOrg } from "@/lib/testing/people-org";

let org: TestOrg;

beforeAll(async () => {
  org = await createTestOrg();
  const result = await savePeopleRecords(SYSTEM_ACTOR, marchRoster(org));
  expect(result).toEqual({ created: 16, updated: 0, unchanged: 0 });
});

const march = { segment: "team" as const, period: "month" as const, from: "2026-03-01", to: "2026-03-31" };
const NOW = new Date("2026-04-15T12:00:00Z");

async function marchRows() {
  const report = await getRetentionReport(march, { seesClassifications: true }, NOW);
  return { report, row: (segment: string) => report.rows.find((r) => r.segment === segment && r.period === "2026-03-01") };
}

describe("retention report on a hand-worked roster (March 2026)", () => {
  it("computes the organisation's numbers", async () => {
    const { row } = await marchRows();
    const m = row("org")?.metrics;
    // Week-end headcounts: 1 Mar 14, 8 Mar 14, 15 Mar 14 (A2 gone, A7 in), 22 Mar 15 (A6 back), 29 Mar 15 → 72 ÷ 5.
    expect(m?.averageHeadcount).toBeCloseTo(14.4, 10);
    // A3's last day is 31 March: a separation in March and not in the closing headcount.
    expect(m?.headcountEnd).toBe(14);
    expect(m?.headcountStart).toBe(14);
    expect(m?.hires).toBe(2); // A7, and A6's rehire
    expect(m?.separations).toBe(2); // A2, A3; A4's transfer is not one
    expect(m?.voluntary).toBe(1);
    expect(m?.involuntary).toBe(1);
    expect(m?.regretted).toBe(1);
    expect(m?.turnoverRate).toBeCloseTo((2 / 14.4) * 100, 10); // 13.89 %
    expect(m?.regrettedRate).toBeCloseTo((1 / 14.4) * 100, 10);
    expect(m?.annualisedTurnover).toBeCloseTo((2 / 14.4) * 100 * 12, 10); // one month × 12 ÷ 1
    // 14 at the start (close of 28 Feb); A2 and A3 left; hires A6, A7 are not in the base → 12 ÷ 14.
    expect(m?.retentionRate).toBeCloseTo((12 / 14) * 100, 10);
    // 14 current staff at 31 March; the 7th and 8th tenures are S (2022-01-03 → 1548 days) and B (2021-01-04 → 1912).
    expect(m?.medianTenureDays).toBe(1730);
    // Two leavers are fewer than five: their median tenure is not shown.
    expect(m?.medianTenureAtExitDays).toBeNull();
    expect(m?.promotions).toBe(1);
    expect(m?.promotionRate).toBeCloseTo((1 / 14.4) * 100, 10);
    expect(m?.teamMoves).toBe(1);
    expect(m?.internalMobility).toBeCloseTo((1 / 14.4) * 100, 10);
    // A6 rehired 15 days ago and A7 22 days ago are under a year; A4 (2024) is 2–4y; S, B, A5, A1 are 4y+.
    expect(m?.tenureBuckets).toEqual([
      { bucket: "<1y", count: 2 },
      { bucket: "1–2y", count: 0 },
      { bucket: "2–4y", count: 1 },
      { bucket: "4y+", count: 11 },
    ]);
  });

  it("suppresses a team under five and a team derivable by differencing, with no numbers", async () => {
    const { row } = await marchRows();
    expect(row(org.small)).toEqual({ segment: org.small, label: "Small", period: "2026-03-01", periodLabel: "Mar 2026", suppressed: "too-few" });
    // Alpha and Beta cannot both be shown beside the organisation: org − Alpha − Beta is Small's 4. Small is pooled
    // with one of them, which is then withheld — the same one on every page and export.
    const pooled = [row(org.alpha), row(org.beta)].filter((r) => r?.suppressed === "differencing");
    expect(pooled).toHaveLength(1);
    expect(pooled[0]?.metrics).toBeUndefined();
    expect([row(org.alpha), row(org.beta)].filter((r) => r?.suppressed === null)).toHaveLength(1);
  });

  it("counts a transfer as mobility for the team left, not a separation", async () => {
    const roster = await loadRoster();
    const period = { start: "2026-03-01", end: "2026-03-31", label: "Mar 2026", complete: true };
    const alpha = computeNumbers(roster, period, inTeam(org.alpha), "month", 5);
    // Alpha week-ends: 1 Mar A1–A5 = 5; 8 Mar 5; 15 Mar A1, A3, A5, A7 = 4; 22 Mar +A6 = 5; 29 Mar 5 → 24 ÷ 5.
    expect(alpha.averageHeadcount).toBeCloseTo(4.8, 10);
    expect(alpha.separations).toBe(2);
    expect(alpha.teamMoves).toBe(1);
    expect(alpha.internalMobility).toBeCloseTo((1 / 4.8) * 100, 10);
    // A4 is retained (still employed), though no longer in Alpha; start 5 (A1–A5), A2 and A3 left → 3 ÷ 5.
    expect(alpha.retentionRate).toBeCloseTo(60, 10);
  });

  it("exports the same table with the same suppression", async () => {
    const { report, row } = await marchRows();
    const csv = retentionRowsCsv("team", report.rows);
    const lines = csv.replace(/^\uFEFF/, "").trim().split("\r\n");
    const small = lines.find((l) => l.includes(",Small,"));
    expect(small).toBe(`team,Small,Mar 2026,Too few people to show${",".repeat(22)}`);
    const pooled = [row(org.alpha), row(org.beta)].find((r) => r?.suppressed === "differencing");
    const line = lines.find((l) => l.includes(`,${pooled?.label},`));
    expect(line).toBe(`team,${pooled?.label},Mar 2026,Withheld to protect anonymity${",".repeat(22)}`);
    const orgLine = lines.find((l) => l.startsWith("organisation,"));
    expect(orgLine?.split(",").slice(0, 8)).toEqual(["organisation", "Whole organisation", "Mar 2026", "yes", "16", "14", "14", "14.4"]);
  });

  it("narrows to a filter's teams with the same small-group rules", async () => {
    const total = async (filter: { location?: string; sourcing?: "ONSHORE" }) => {
      const report = await getRetentionReport({ ...march, ...filter }, { seesClassifications: true }, NOW);
      return { report, row: report.rows.find((r) => r.segment === "org" && r.period === "2026-03-01") };
    };
    // Porto is Small alone: 4 people.
    const porto = await total({ location: "Porto" });
    expect(porto.report.filter).toEqual({ label: "Location: Porto", teamCount: 1 });
    expect(porto.row).toMatchObject({ label: "Filtered: Location: Porto", suppressed: "too-few" });
    expect(porto.row?.metrics).toBeUndefined();
    // Lisbon (Alpha and Beta, 12 people) is the organisation (16) minus Porto's 4: withheld.
    const lisbon = await total({ location: "Lisbon" });
    expect(lisbon.row).toMatchObject({ suppressed: "differencing" });
    expect(lisbon.row?.metrics).toBeUndefined();
    expect(lisbon.report.rows.some((r) => r.segment === org.small)).toBe(false);
    // Every team is onshore: the filtered total is the organisation's.
    const onshore = await total({ sourcing: "ONSHORE" });
    expect(onshore.row?.metrics?.averageHeadcount).toBeCloseTo(14.4, 10);
  });

  it("annualises a year as the sum of its monthly rates", async () => {
    const report = await getRetentionReport({ segment: "location", period: "year", from: "2026-01-01", to: "2026-12-31" }, { seesClassifications: true }, new Date("2027-01-10T00:00:00Z"));
    const m = report.rows.find((r) => r.segment === "org")?.metrics;
    // Only March has separations in 2026: 2 ÷ 14.4 × 100; every other month adds 0.
    expect(m?.annualisedTurnover).toBeCloseTo((2 / 14.4) * 100, 10);
  });
});

describe("stored weekly Retention metrics", () => {
  async function value(key: string, teamId: string, week: string) {
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key } });
    return db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: metric.id, teamId, weekStart: new Date(week) } } });
  }

  it("writes headcount, turnover with separations over week-end headcount, and median tenure per team as COMPUTED", async () => {
    // Week of Monday 9 March: A2 leaves Alpha on the 10th; Alpha at Sunday 15 March = A1, A3, A5, A7.
    const turnover = await value("turnover_rate", org.alpha, "2026-03-09");
    expect(turnover).toMatchObject({ numerator: 1, denominator: 4, value: 25, source: "COMPUTED" });
    expect((await value("headcount", org.alpha, "2026-03-23"))?.value).toBe(5);
    expect((await value("regretted_attrition", org.alpha, "2026-03-09"))?.numerator).toBe(1);
    expect((await value("internal_mobility", org.alpha, "2026-03-09"))?.numerator).toBe(1);
    expect((await value("promotion_rate", org.beta, "2026-03-23"))?.numerator).toBe(1);
    expect((await value("hires", org.alpha, "2026-03-16"))?.value).toBe(1); // A6's rehire
    // Small's four were all hired 2022-01-03; on Sunday 29 March 2026 that is 1548 − 2 = 1546 days.
    expect(await value("median_tenure", org.small, "2026-03-23")).toMatchObject({ value: 1546, numerator: 1546 * 4, denominator: 4 });
  });

  it("withholds a team of four on the series API and shows the team of five or more", async () => {
    const query = { range: "12w" as const, granularity: "month" as const, metrics: ["headcount", "turnover_rate"], now: NOW };
    const small = await getMetricSeries({ viewer: { seesClassifications: true },  ...query, scope: `team:${org.small}` });
    const points = small.series.flatMap((s) => s.points).filter((p) => p.period === "2026-03-01");
    expect(points).toHaveLength(2);
    expect(points.every((p) => p.value === null && p.withheld === "too-few")).toBe(true);
    const group = await getMetricSeries({ viewer: { seesClassifications: true },  ...query, scope: `group:${org.groupId}` });
    const headcount = group.series.find((s) => s.metric.key === "headcount")?.points.find((p) => p.period === "2026-03-01");
    // March's last ISO week (Mon 23 – Sun 29 March): 15 people.
    expect(headcount?.value).toBe(15);
  });
});
