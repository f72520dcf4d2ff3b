import { describe, expect, it } from "vitest";
import { isMonday, monthAnchorOf, monthAnchorWeek, monthColumns, previousPeriodWeek, weekColumns } from "./periods";

describe("month anchors", () => {
  it("stores a month at the Monday of its first ISO week whose Thursday is in the month", () => {
    expect(monthAnchorWeek("2026-01")).toBe("2025-12-29"); // Thu 1 Jan 2026
    expect(monthAnchorWeek("2026-02")).toBe("2026-02-02"); // Thu 5 Feb
    expect(monthAnchorWeek("2026-04")).toBe("2026-03-30"); // Thu 2 Apr
  });

  it("finds the anchor of the month a week belongs to", () => {
    expect(monthAnchorOf("2026-03-23")).toBe("2026-03-02");
    expect(monthAnchorOf("2026-03-30")).toBe("2026-03-30"); // its Thursday is 2 April
  });

  it("steps back one period", () => {
    expect(previousPeriodWeek("2026-03-02", "WEEKLY")).toBe("2026-02-23");
    expect(previousPeriodWeek("2026-03-02", "MONTHLY")).toBe("2026-02-02");
    expect(previousPeriodWeek("2026-02-02", "MONTHLY")).toBe("2025-12-29");
  });
});

describe("columns", () => {
  it("lists recent weeks ending with the current one", () => {
    expect(weekColumns("2026-03-02", 3)).toEqual([
      { week: "2026-02-16", label: "2026-W08" },
      { week: "2026-02-23", label: "2026-W09" },
      { week: "2026-03-02", label: "2026-W10" },
    ]);
  });

  it("lists recent months at their anchor weeks", () => {
    expect(monthColumns("2026-03-23", 3)).toEqual([
      { week: "2025-12-29", label: "Jan 2026" },
      { week: "2026-02-02", label: "Feb 2026" },
      { week: "2026-03-02", label: "Mar 2026" },
    ]);
  });
});

describe("isMonday", () => {
  it("accepts only real Mondays", () => {
    expect(isMonday("2026-03-02")).toBe(true);
    expect(isMonday("2026-03-03")).toBe(false);
    expect(isMonday("2026-02-30")).toBe(false);
    expect(isMonday("monday")).toBe(false);
  });
});
