import { describe, expect, it } from "vitest";
import { chartHref, formatDelta } from "./format";

describe("review wording", () => {
  it("signs changes in the metric's unit, percentages as points", () => {
    expect(formatDelta(14.84, "percent")).toBe("+14.8 pts");
    expect(formatDelta(-16, "score")).toBe("−16.00");
    expect(formatDelta(-150, "minutes")).toBe("−2h 30m");
    expect(formatDelta(3.5, "count")).toBe("+3.5");
  });

  it("links to the overview chart for the scope", () => {
    expect(chartHref("team:abc")).toBe("/?scope=team%3Aabc&range=6m");
    expect(chartHref("org", "12w")).toBe("/?range=12w");
  });
});
