import { describe, expect, it } from "vitest";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { moveTone, surpriseOf, targetFlags, topMovers } from "./movers";

function series(key: string, direction: MetricSeries["metric"]["direction"], previous: number, latest: number, target: MetricSeries["target"] = null, history: number[] = [], unit = "count"): MetricSeries {
  const values = [...history, previous, latest];
  return {
    metric: { key, name: key, pillar: "QUALITY", unit: unit as MetricSeries["metric"]["unit"], direction, aggregation: "SUM", sensitivity: "NONE", source: "COMPUTED", howComputed: "" },
    points: values.map((value, i) => ({ period: `2026-0${1 + Math.floor(i / 4)}-0${1 + (i % 4)}`, label: `W${i}`, value, teams: 1 })),
    latest: { period: "2026-06-01", label: "2026-W23", value: latest },
    previous: { period: "2026-05-25", label: "2026-W22", value: previous },
    changePct: previous === 0 ? null : ((latest - previous) / Math.abs(previous)) * 100,
    target,
    targetLine: [],
    incomplete: false,
  };
}

describe("moveTone", () => {
  it("reads a change in the metric's direction", () => {
    expect(moveTone(12, "LOWER_IS_BETTER")).toBe("worse");
    expect(moveTone(-12, "LOWER_IS_BETTER")).toBe("better");
    expect(moveTone(12, "HIGHER_IS_BETTER")).toBe("better");
    expect(moveTone(12, "NEUTRAL")).toBe("neutral");
  });
});

describe("surpriseOf", () => {
  it("measures a move in units of the metric's typical move", () => {
    expect(surpriseOf([10, 11, 10, 11, 10, 11, 15], 15, 11)).toBe(4);
  });

  it("falls back to the relative move without history, and counts a move from zero as large", () => {
    expect(surpriseOf([20, 25], 25, 20)).toBeCloseTo(2.5);
    expect(surpriseOf([0, 3], 3, 0)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("topMovers", () => {
  it("ranks by how unusual the move is for each metric, worsening first on a tie, and skips metrics without a comparison", () => {
    const steady = [8, 8.5, 8, 8.5, 8];
    const list = [
      series("deployments", "HIGHER_IS_BETTER", 20, 25, null, [20, 30, 18, 28, 22]), // +5 where moves of ~10 are usual
      series("change_failure_rate", "LOWER_IS_BETTER", 8, 12, null, steady, "percent"), // +4 pp where 0.5 is usual
      series("lead_time", "LOWER_IS_BETTER", 100, 40), // −60 % with no history
      series("flow_load", "LOWER_IS_BETTER", 10, 10), // no move
      series("incidents", "LOWER_IS_BETTER", 4, 5, null, [4, 5, 4, 5, 4]), // +1 where 1 is usual
    ];
    expect(topMovers(list, 3).map((m) => [m.key, m.tone])).toEqual([
      ["change_failure_rate", "worse"],
      ["lead_time", "better"],
      ["incidents", "worse"],
    ]);
  });

  it("includes a move from zero, which a percentage cannot express", () => {
    const [move] = topMovers([series("pages", "LOWER_IS_BETTER", 0, 3)], 1);
    expect(move).toMatchObject({ key: "pages", changePct: null, tone: "worse" });
  });
});

describe("targetFlags", () => {
  it("lists red before amber and leaves green alone", () => {
    const list = [
      series("a", "LOWER_IS_BETTER", 10, 20, { green: 15, amber: 25, status: "amber", scope: "ORG" }),
      series("b", "LOWER_IS_BETTER", 10, 30, { green: 15, amber: 25, status: "red", scope: "ORG" }),
      series("c", "LOWER_IS_BETTER", 10, 10, { green: 15, amber: 25, status: "green", scope: "ORG" }),
    ];
    expect(targetFlags(list).map((f) => [f.key, f.status, f.value])).toEqual([
      ["b", "red", 30],
      ["a", "amber", 20],
    ]);
  });
});
