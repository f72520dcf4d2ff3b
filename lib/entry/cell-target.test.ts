import { describe, expect, it } from "vitest";
import { cellTargetStatus, targetText } from "./cell-target";

describe("cellTargetStatus", () => {
  const slo = { green: 99.5, amber: 99 };
  it("rates what was just typed against the target in force", () => {
    expect(cellTargetStatus("98.2", "percent", slo, "HIGHER_IS_BETTER")).toBe("red");
    expect(cellTargetStatus("99.2", "percent", slo, "HIGHER_IS_BETTER")).toBe("amber");
    expect(cellTargetStatus("99.5%", "percent", slo, "HIGHER_IS_BETTER")).toBe("green");
    expect(cellTargetStatus("1,200", "minutes", { green: 600, amber: 1440 }, "LOWER_IS_BETTER")).toBe("amber");
  });

  it("has no status without a number or without a target", () => {
    expect(cellTargetStatus("", "percent", slo, "HIGHER_IS_BETTER")).toBeNull();
    expect(cellTargetStatus("abc", "percent", slo, "HIGHER_IS_BETTER")).toBeNull();
    expect(cellTargetStatus("98.2", "percent", undefined, "HIGHER_IS_BETTER")).toBeNull();
  });
});

describe("targetText", () => {
  it("states thresholds in the metric's direction and whose target it is", () => {
    expect(targetText({ green: 99.5, amber: 99, scope: "GROUP" }, "HIGHER_IS_BETTER")).toBe("Green ≥ 99.5, amber ≥ 99 (group target)");
    expect(targetText({ green: 2, amber: 5, scope: "ORG" }, "LOWER_IS_BETTER")).toBe("Green ≤ 2, amber ≤ 5 (organisation target)");
  });
});
