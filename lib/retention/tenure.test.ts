import { describe, expect, it } from "vitest";
import { round } from "@/lib/domain/stats";
import { acquisitionCohortRetention } from "./cohorts";
import { internalMobility, promotionRate } from "./mobility";
import { everyone, inSegment, inTeam, levelAt } from "./roster";
import { MARCH_2026, MARCH_ROSTER, person } from "@/lib/testing/retention-roster";
import { currentTenure, tenureAtExit, tenureBucket, timeInLevel } from "./tenure";

describe("tenure", () => {
  it("takes current tenure from the current employment, so a rehire starts again", () => {
    const t = currentTenure(MARCH_ROSTER, "2026-03-31", everyone);
    // Employed at close of 31 March: A (2020-01-15), D (2026-03-09, 22 days), F (rehired 2026-03-16, 15 days),
    // G (2024-02-01, 366 + 365 + 58 = 789 days). Median = (22 + 789) / 2 days.
    expect(t.groupSize).toBe(4);
    expect(t.medianDays).toBe(405.5);
    expect(t.buckets).toEqual([
      { bucket: "<1y", count: 2 },
      { bucket: "1–2y", count: 0 },
      { bucket: "2–4y", count: 1 },
      { bucket: "4y+", count: 1 },
    ]);
  });

  it("measures leavers' tenure at exit", () => {
    const t = tenureAtExit(MARCH_ROSTER, MARCH_2026, everyone);
    // E 18 days, C 150 days, H 1096 days (3 years incl. 29 Feb 2024), B 1378 days → median (150 + 1096) / 2.
    expect(t.groupSize).toBe(4);
    expect(t.medianDays).toBe(623);
    expect(t.buckets.map((b) => b.count)).toEqual([2, 0, 2, 0]);
  });

  it("buckets by anniversaries passed", () => {
    expect(tenureBucket("2025-04-01", "2026-03-31")).toBe("<1y");
    expect(tenureBucket("2025-03-31", "2026-03-31")).toBe("1–2y");
    expect(tenureBucket("2022-04-01", "2026-03-31")).toBe("2–4y");
    expect(tenureBucket("2022-03-31", "2026-03-31")).toBe("4y+");
  });

  it("measures time in level from the latest promotion or the hire date", () => {
    const t = timeInLevel(MARCH_ROSTER, "2026-03-31", everyone);
    // G promoted 23 March (8 days), F 15 days, D 22 days, A years → median (15 + 22) / 2 days.
    expect(t.medianDays).toBe(18.5);
  });

  it("counts a promotion on the day itself, and none from an earlier employment", () => {
    const promotedToday = person("P", { employments: [{ hireDate: "2025-01-01" }], promotions: [{ date: "2026-03-31", fromLevel: "L2", toLevel: "L3" }], level: "L3" });
    expect(timeInLevel([promotedToday], "2026-03-31", everyone).medianDays).toBe(0);
    // Promoted in 2021, left in 2023, rehired on 1 March 2026: 30 days in level at close of 31 March.
    const rehired = person("R", {
      employments: [{ hireDate: "2019-01-01", exitDate: "2023-06-30", exitType: "voluntary" }, { hireDate: "2026-03-01" }],
      promotions: [{ date: "2021-04-01", fromLevel: "L2", toLevel: "L3" }],
      level: "L3",
    });
    expect(timeInLevel([rehired], "2026-03-31", everyone).medianDays).toBe(30);
  });
});

describe("promotions and internal mobility", () => {
  it("counts the org's promotions and team moves over the average headcount", () => {
    const promotions = promotionRate(MARCH_ROSTER, MARCH_2026, everyone);
    expect(promotions.events).toBe(1);
    expect(round(promotions.percent!, 3)).toBe(20.833); // 1 / 4.8
    const moves = internalMobility(MARCH_ROSTER, MARCH_2026, everyone);
    // G's move counts; F's return into t2 is a rehire, not a move.
    expect(moves.events).toBe(1);
  });

  it("gives a move to the team the person left and a promotion to the level they left", () => {
    expect(internalMobility(MARCH_ROSTER, MARCH_2026, inTeam("t1")).events).toBe(1);
    expect(internalMobility(MARCH_ROSTER, MARCH_2026, inTeam("t2")).events).toBe(0);
    expect(promotionRate(MARCH_ROSTER, MARCH_2026, inSegment("level", "L2")).events).toBe(1);
    expect(promotionRate(MARCH_ROSTER, MARCH_2026, inSegment("level", "L3")).events).toBe(0);
    expect(levelAt(MARCH_ROSTER[6], "2026-03-22")).toBe("L2");
  });
});

describe("acquisition cohorts", () => {
  const acquired = (id: string, exit: string | null, extra: Parameters<typeof person>[1]["teamHistory"] = []) =>
    person(id, {
      employments: [{ hireDate: "2024-01-31", exitDate: exit, exitType: exit ? "voluntary" : null }],
      teamHistory: [{ teamId: "acq", from: "2024-01-31" }, ...extra],
    });
  const roster = [
    acquired("P1", null),
    acquired("P2", "2024-05-15"),
    acquired("P3", "2025-01-31"), // last day is the 12-month checkpoint itself
    acquired("P4", null, [{ teamId: "t1", from: "2024-09-01" }]), // moved on, still here
    person("P5", {
      employments: [
        { hireDate: "2024-01-31", exitDate: "2024-12-01", exitType: "voluntary" },
        { hireDate: "2025-03-01" },
      ],
      teamHistory: [{ teamId: "acq", from: "2024-01-31" }],
    }),
    person("Q", { employments: [{ hireDate: "2024-02-01" }], teamHistory: [{ teamId: "acq", from: "2024-02-01" }] }),
  ];

  it("follows the people present on the acquisition date at 6, 12, 18 and 24 months", () => {
    const c = acquisitionCohortRetention(roster, "2024-01-31", inTeam("acq"), "2025-12-31");
    expect(c.cohortSize).toBe(5); // Q joined after the acquisition
    expect(c.checkpoints).toEqual([
      { months: 6, date: "2024-07-31", retained: 4, percent: 80 }, // P2 gone
      { months: 12, date: "2025-01-31", retained: 2, percent: 40 }, // P1, P4
      { months: 18, date: "2025-07-31", retained: 2, percent: 40 }, // P5's rehire is a new employment
      { months: 24, date: "2026-01-31", retained: null, percent: null }, // not reached yet
    ]);
  });
});
