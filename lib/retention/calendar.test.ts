import { describe, expect, it } from "vitest";
import { addMonths, calendarMonths, completedYears, sundaysIn } from "./calendar";
import { RETENTION_EXPLANATIONS } from "./explanations";

describe("people calendar", () => {
  it("lists the Sundays of a period", () => {
    expect(sundaysIn({ start: "2026-03-01", end: "2026-03-31" })).toEqual([
      "2026-03-01",
      "2026-03-08",
      "2026-03-15",
      "2026-03-22",
      "2026-03-29",
    ]);
    expect(sundaysIn({ start: "2026-03-02", end: "2026-03-07" })).toEqual([]);
  });

  it("adds months and clamps to the month's end", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
  });

  it("counts anniversaries passed", () => {
    expect(completedYears("2020-06-15", "2026-06-14")).toBe(5);
    expect(completedYears("2020-06-15", "2026-06-15")).toBe(6);
    expect(completedYears("2024-02-29", "2025-02-28")).toBe(1);
  });

  it("splits a run of whole months and rejects partial ones", () => {
    expect(calendarMonths({ start: "2026-01-01", end: "2026-03-31" })).toEqual([
      { start: "2026-01-01", end: "2026-01-31" },
      { start: "2026-02-01", end: "2026-02-28" },
      { start: "2026-03-01", end: "2026-03-31" },
    ]);
    expect(() => calendarMonths({ start: "2026-01-01", end: "2026-03-30" })).toThrow(RangeError);
  });

  it("says how turnover treats team moves", () => {
    expect(RETENTION_EXPLANATIONS.turnover_rate).toContain("not a separation");
  });
});
