import { describe, expect, it } from "vitest";
import { chartHref } from "./chart-href";

describe("review links", () => {
  it("links to the overview chart for the scope", () => {
    expect(chartHref("team:abc")).toBe("/?scope=team%3Aabc&range=6m");
    expect(chartHref("org", "12w")).toBe("/?range=12w");
  });
});
