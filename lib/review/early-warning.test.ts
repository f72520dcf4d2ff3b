import { describe, expect, it } from "vitest";
import { addDays } from "@/lib/domain/time";
import { evaluateTeam, warningWindows, worsenedSignal, DEFAULT_SIGNALS, type SignalPoint, type SignalSeries } from "./early-warning";

// Recent weeks 2026-05-11 … 2026-06-01, baseline 2026-04-13 … 2026-05-04 (four weeks each).
const window = { asOfWeek: "2026-06-01", recentWeeks: 4, baselineWeeks: 4 };
const FIRST = "2026-04-13";

function weekly(values: (number | null)[]): SignalPoint[] {
  return values.map((value, i) => ({ period: addDays(FIRST, 7 * i), value }));
}

const quality = (key: string, name: string, values: (number | null)[], direction: SignalSeries["direction"] = "LOWER_IS_BETTER"): SignalSeries => ({
  key, name, pillar: "QUALITY", unit: "count", direction, points: weekly(values),
});
const survey = (key: string, points: SignalPoint[]): SignalSeries => ({ key, name: key, pillar: "ENGAGEMENT", unit: "score", direction: "HIGHER_IS_BETTER", points });
const spec = (key: string) => DEFAULT_SIGNALS.find((s) => s.key === key) as (typeof DEFAULT_SIGNALS)[number];

describe("warningWindows", () => {
  it("puts the baseline right before the recent weeks", () => {
    expect(warningWindows(window)).toEqual({ recentFrom: "2026-05-11", recentTo: "2026-06-01", baselineFrom: "2026-04-13", baselineTo: "2026-05-04" });
  });
});

describe("worsenedSignal", () => {
  it("reports a rising failure rate with both means and the weeks behind them", () => {
    const cfr = quality("change_failure_rate", "Change failure rate", [10, 10, 12, 8, 20, 22, 18, 20]);
    expect(worsenedSignal(cfr, spec("change_failure_rate"), window)).toEqual({
      key: "change_failure_rate", name: "Change failure rate", pillar: "QUALITY", unit: "count",
      baseline: 10, recent: 20, change: 10, changePct: 100,
      baselineFrom: "2026-04-13", baselineTo: "2026-05-04", recentFrom: "2026-05-11", recentTo: "2026-06-01",
      recentPoints: 4, baselinePoints: 4,
    });
  });

  it("ignores a change below the relative threshold (40 → 46 is +6 points but only 15 %)", () => {
    const cfr = quality("change_failure_rate", "CFR", [40, 40, 40, 40, 46, 46, 46, 46]);
    expect(worsenedSignal(cfr, spec("change_failure_rate"), window)).toBeNull();
  });

  it("does not flag an improvement, whichever the direction", () => {
    const slo = quality("slo_attainment", "SLO", [97, 97, 97, 97, 99.5, 99.5, 99.5, 99.5], "HIGHER_IS_BETTER");
    expect(worsenedSignal(slo, spec("slo_attainment"), window)).toBeNull();
    const falling = quality("slo_attainment", "SLO", [99.5, 99.5, 99.5, 99.5, 97, 97, 97, 97], "HIGHER_IS_BETTER");
    expect(worsenedSignal(falling, spec("slo_attainment"), window)).toMatchObject({ baseline: 99.5, recent: 97, change: -2.5 });
  });

  it("needs enough weeks on both sides", () => {
    const sparse = quality("oncall_pages", "Pages", [2, 3, 2, 3, null, 9, null, 9]);
    expect(worsenedSignal(sparse, spec("oncall_pages"), window)).toBeNull();
  });
});

describe("evaluateTeam", () => {
  const cfr = quality("change_failure_rate", "Change failure rate", [10, 10, 12, 8, 20, 22, 18, 20]);
  // Pages 2.5 a week → 6 a week (+3.5, +140 %).
  const pages = quality("oncall_pages", "On-call pages", [2, 3, 2, 3, 6, 7, 5, 6]);

  it("flags a team whose quality and engagement signals worsen together, with each reason", () => {
    const enps = survey("enps", [
      { period: "2026-04-13", value: 30 },
      { period: "2026-05-04", value: 26 },
      { period: "2026-05-11", value: 12 },
    ]);
    const warning = evaluateTeam([cfr, pages, enps], window);
    expect(warning?.pillars).toEqual(["QUALITY", "ENGAGEMENT"]);
    expect(warning?.reasons.map((r) => [r.key, r.baseline, r.recent, r.change])).toEqual([
      ["change_failure_rate", 10, 20, 10],
      ["oncall_pages", 2.5, 6, 3.5],
      ["enps", 28, 12, -16],
    ]);
  });

  it("never uses a withheld survey point, even one that arrives with a value", () => {
    const enps = survey("enps", [
      { period: "2026-04-13", value: 30 },
      { period: "2026-05-04", value: 26 },
      { period: "2026-05-11", value: -40, withheld: "too-few" },
    ]);
    expect(evaluateTeam([cfr, pages, enps], window)).toBeNull();
  });

  it("does not flag several signals from one pillar alone", () => {
    const rework = quality("rework_rate", "Rework", [4, 4, 4, 4, 10, 10, 10, 10]);
    expect(evaluateTeam([cfr, pages, rework], window)).toBeNull();
    expect(evaluateTeam([cfr, pages, rework], window, DEFAULT_SIGNALS, { minSignals: 3, minPillars: 1 })?.reasons).toHaveLength(3);
  });
});
