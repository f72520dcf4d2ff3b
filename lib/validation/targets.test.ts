import { describe, expect, it } from "vitest";
import { createTargetBody, targetBandsProblem } from "./targets";

describe("targetBandsProblem", () => {
  it("wants green at or above amber when higher is better", () => {
    expect(targetBandsProblem("HIGHER_IS_BETTER", 80, 70)).toBeNull();
    expect(targetBandsProblem("HIGHER_IS_BETTER", 80, 80)).toBeNull();
    expect(targetBandsProblem("HIGHER_IS_BETTER", 70, 80)).toBe("Higher is better for this metric: green must be at or above amber.");
  });

  it("wants green at or below amber when lower is better", () => {
    expect(targetBandsProblem("LOWER_IS_BETTER", 60, 120)).toBeNull();
    expect(targetBandsProblem("LOWER_IS_BETTER", 120, 60)).toBe("Lower is better for this metric: green must be at or below amber.");
  });

  it("refuses targets for neutral metrics", () => {
    expect(targetBandsProblem("NEUTRAL", 1, 1)).toMatch(/no better direction/);
  });
});

describe("createTargetBody", () => {
  it("needs a scope id below the organisation", () => {
    const base = { metricId: "m1", green: 80, amber: 70, effectiveFrom: "2026-03-02" };
    expect(createTargetBody.safeParse({ ...base, scopeType: "ORG" }).success).toBe(true);
    const team = createTargetBody.safeParse({ ...base, scopeType: "TEAM" });
    expect(team.success).toBe(false);
    expect(team.error?.issues[0].path).toEqual(["scopeId"]);
  });
});
