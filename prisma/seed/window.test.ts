import { describe, expect, it } from "vitest";
import { demoWindow, monthAnchorWeek, weekIndex } from "./window";

describe("monthAnchorWeek", () => {
  it("is the Monday of the month's first week whose Thursday is in the month", () => {
    // 1 Oct 2026 is a Thursday: its own week (Mon 28 Sep) belongs to October.
    expect(monthAnchorWeek("2026-10")).toBe("2026-09-28");
    // 1 Nov 2026 is a Sunday: the first Thursday is 5 Nov, so Monday 2 Nov.
    expect(monthAnchorWeek("2026-11")).toBe("2026-11-02");
    // 1 Jun 2026 is a Monday.
    expect(monthAnchorWeek("2026-06")).toBe("2026-06-01");
    // 1 Jan 2027 is a Friday: the first Thursday is 7 Jan, so Monday 4 Jan.
    expect(monthAnchorWeek("2027-01")).toBe("2027-01-04");
  });
});

describe("demoWindow", () => {
  // Wednesday 18 Nov 2026, 23:30 UTC — already Thursday 19 Nov in Europe/Berlin, still Wednesday in London.
  const now = new Date("2026-11-18T23:30:00Z");

  it("ends at the current ISO week in the organisation's zone", () => {
    const w = demoWindow(now, "Europe/London");
    expect(w.today).toBe("2026-11-18");
    expect(w.currentWeek).toBe("2026-11-16");
    expect(w.lastCompleteWeek).toBe("2026-11-09");
    expect(w.currentWeekDays).toBe(3);
    expect(w.weeks).toHaveLength(105);
    expect(w.firstWeek).toBe("2024-11-18");
    expect(w.weeks[104]).toBe("2026-11-16");
    expect(weekIndex(w, "2026-11-16")).toBe(104);
    expect(demoWindow(now, "Europe/Berlin").currentWeekDays).toBe(4);
  });

  it("places the story events at their distances from today", () => {
    const w = demoWindow(now, "Europe/London");
    expect(w.acquisitionDate).toBe("2025-09-15"); // Monday of the week of 18 Sep 2025
    expect(w.reorgDate).toBe("2026-02-16"); // Monday of the week of 18 Feb 2026
    expect(w.incidentQuarter).toEqual({ from: "2026-03-16", to: "2026-06-15" });
  });

  it("anchors one week per month, and only months whose anchor is inside the window", () => {
    const w = demoWindow(now, "Europe/London");
    expect(w.monthAnchors.get("2026-11")).toBe("2026-11-02");
    expect(w.monthAnchors.get("2026-10")).toBe("2026-09-28");
    // November 2024's anchor (4 Nov) is before the first week (18 Nov 2024).
    expect(w.monthAnchors.has("2024-11")).toBe(false);
    expect(w.monthAnchors.get("2024-12")).toBe("2024-12-02");
    expect(w.monthAnchors.size).toBe(24);
  });
});
