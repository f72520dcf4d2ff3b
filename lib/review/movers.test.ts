import { describe, expect, it } from "vitest";
import type { MetricSeries } from "@/lib/metrics/series-types";
import { moveTone, targetFlags, topMovers } from "./movers";

function series(key: string, direction: MetricSeries["metric"]["direction"], previous: number, latest: number, target: MetricSeries["target"] = null): MetricSeries {
  return {
    metric: { key, name: key, pillar: "QUALITY", unit: "count", direction, aggregation: "SUM", sensitivity: "NONE", source: "COMPUTED", howComputed: "" },
    points: [],
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

describe("topMovers", () => {
  it("ranks by the size of the change, worsening first on a tie, and skips metrics without a comparison", () => {
    const list = [
      series("deployments", "HIGHER_IS_BETTER", 20, 25), // +25 %, better
      series("incidents", "LOWER_IS_BETTER", 4, 5), // +25 %, worse
      series("lead_time", "LOWER_IS_BETTER", 100, 40), // −60 %, better
      series("pages", "LOWER_IS_BETTER", 0, 3), // no % from zero
      series("flow_load", "LOWER_IS_BETTER", 10, 11), // +10 %
    ];
    expect(topMovers(list, 3).map((m) => [m.key, m.changePct, m.tone])).toEqual([
      ["lead_time", -60, "better"],
      ["incidents", 25, "worse"],
      ["deployments", 25, "better"],
    ]);
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
