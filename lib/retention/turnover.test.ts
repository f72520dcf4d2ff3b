import { describe, expect, it } from "vitest";
import { round } from "@/lib/domain/stats";
import { averageHeadcount, headcountAt } from "./headcount";
import { everyone, inSegment, inTeam } from "./roster";
import { MARCH_2026, MARCH_ROSTER, person } from "@/lib/testing/retention-roster";
import { annualisedTurnover, hiresIn, retentionRate, separationsIn, turnover } from "./turnover";

// Close-of-Sunday headcounts, March 2026 (org):
//   1 Mar: A B C G (H's last day is 1 Mar)   = 4
//   8 Mar: A B C E G                          = 5
//  15 Mar: A C D E G (B left 10 Mar)          = 5
//  22 Mar: A C D F G (E left 20 Mar)          = 5
//  29 Mar: A C D F G                          = 5   → average 24 / 5 = 4.8

describe("headcount", () => {
  it("takes close-of-Sunday snapshots and averages them", () => {
    const avg = averageHeadcount(MARCH_ROSTER, MARCH_2026, everyone);
    expect(avg.snapshots.map((s) => s.count)).toEqual([4, 5, 5, 5, 5]);
    expect(avg.average).toBe(4.8);
  });

  it("drops someone on their last day and balances opening + hires − separations", () => {
    expect(headcountAt(MARCH_ROSTER, "2026-02-28", everyone).sort()).toEqual(["A", "B", "C", "G", "H"]);
    expect(headcountAt(MARCH_ROSTER, "2026-03-31", everyone).sort()).toEqual(["A", "D", "F", "G"]);
    const hires = hiresIn(MARCH_ROSTER, MARCH_2026, everyone).length;
    const separations = separationsIn(MARCH_ROSTER, MARCH_2026, everyone).length;
    expect(5 + hires - separations).toBe(4);
  });

  it("uses the last day when a short period has no Sunday", () => {
    const avg = averageHeadcount(MARCH_ROSTER, { start: "2026-03-09", end: "2026-03-13" }, everyone);
    // Close of Friday 13 March: A C D E G (B's last day was the 10th).
    expect(avg.snapshots).toEqual([{ day: "2026-03-13", count: 5 }]);
  });
});

describe("turnover", () => {
  it("counts org separations by type over the average headcount", () => {
    const t = turnover(MARCH_ROSTER, MARCH_2026, everyone);
    // Separations: B (vol, regretted), C (invol, last day of period), E (vol), H (vol, 1 March).
    expect([t.separations, t.voluntary, t.involuntary, t.regretted]).toEqual([4, 3, 1, 1]);
    // Hires: D, E, and F's rehire.
    expect(t.hires).toBe(3);
    expect(round(t.percent!, 3)).toBe(83.333); // 4 / 4.8
    expect(round(t.voluntaryPercent!, 3)).toBe(62.5); // 3 / 4.8
    expect(round(t.regrettedPercent!, 3)).toBe(20.833); // 1 / 4.8
    expect(t.groupSize).toBe(8); // everyone worked at least one day in March
  });

  it("does not count a move out of a team as a separation", () => {
    const t = turnover(MARCH_ROSTER, MARCH_2026, inTeam("t1"));
    // t1 snapshots: 1 Mar A B G, 8 Mar A B G, then A alone (B left, G moved) → 9 / 5 = 1.8.
    expect(t.averageHeadcount).toBe(1.8);
    expect(t.separations).toBe(1); // B only; G moved to t2
    expect(round(t.percent!, 2)).toBe(55.56);
    expect(t.groupSize).toBe(3); // A, B, G
  });

  it("counts hire and exit within the same period once each", () => {
    const roster = [person("Z", { employments: [{ hireDate: "2026-03-04", exitDate: "2026-03-04", exitType: "voluntary" }] })];
    const t = turnover(roster, MARCH_2026, everyone);
    expect([t.hires, t.separations, t.averageHeadcount, t.percent]).toEqual([1, 1, 0, null]);
  });

  it("counts hires on the period's first and last days, and none outside it", () => {
    const roster = ["2026-02-28", "2026-03-01", "2026-03-31", "2026-04-01"].map((hireDate) => person(hireDate, { employments: [{ hireDate }] }));
    expect(hiresIn(roster, MARCH_2026, everyone)).toEqual(["2026-03-01", "2026-03-31"]);
  });

  it("segments by a person attribute", () => {
    expect(turnover(MARCH_ROSTER, MARCH_2026, inSegment("location", "Porto")).separations).toBe(0);
  });
});

describe("annualised turnover", () => {
  it("scales a shorter span by 12 ÷ months", () => {
    const a = annualisedTurnover(MARCH_ROSTER, MARCH_2026, everyone);
    expect(a.method).toBe("scaled-to-12-months");
    expect(round(a.percent!, 3)).toBe(1000); // 83.333… × 12
  });

  it("sums the monthly rates over the last 12 months", () => {
    const steady = Array.from({ length: 10 }, (_, i) => person(`S${i}`, { employments: [{ hireDate: "2020-01-01" }] }));
    const roster = [
      ...steady,
      person("X", { employments: [{ hireDate: "2020-01-01", exitDate: "2025-04-15", exitType: "voluntary" }] }),
      person("Y", { employments: [{ hireDate: "2020-01-01", exitDate: "2025-09-30", exitType: "involuntary" }] }),
    ];
    const a = annualisedTurnover(roster, { start: "2024-07-01", end: "2025-12-31" }, everyone);
    // April 2025 Sundays 6, 13, 20, 27 → 12, 12, 11, 11 → 11.5; 1 / 11.5.
    // September 2025 Sundays 7, 14, 21, 28 → 11 each (Y's last day is the 30th); 1 / 11.
    expect(a.method).toBe("sum-of-monthly-rates");
    expect(a.months).toBe(12);
    expect(round(a.percent!, 4)).toBe(round(100 / 11.5 + 100 / 11, 4));
  });

  it("sums monthly rates from exactly 12 months on", () => {
    const roster = [...Array.from({ length: 9 }, (_, i) => person(`S${i}`, { employments: [{ hireDate: "2020-01-01" }] })),
      person("X", { employments: [{ hireDate: "2020-01-01", exitDate: "2025-06-30", exitType: "voluntary" }] })];
    const a = annualisedTurnover(roster, { start: "2025-01-01", end: "2025-12-31" }, everyone);
    // June 2025 Sundays 1, 8, 15, 22, 29 → 10 each (X's last day is the 30th); 1 / 10.
    expect(a).toMatchObject({ method: "sum-of-monthly-rates", months: 12 });
    expect(round(a.percent!, 4)).toBe(10);
  });

  it("refuses a period that is not whole calendar months", () => {
    expect(() => annualisedTurnover(MARCH_ROSTER, { start: "2026-03-02", end: "2026-03-31" }, everyone)).toThrow(RangeError);
  });
});

describe("retention rate", () => {
  it("keeps only people there at the start and still employed at the end", () => {
    const r = retentionRate(MARCH_ROSTER, MARCH_2026, everyone);
    // Opening (close of 28 Feb): A B C G H. Still employed after 31 March: A, G.
    expect(r).toMatchObject({ startHeadcount: 5, retained: 2, percent: 40 });
  });

  it("treats a team member who moved team as retained, but not as still in the team", () => {
    const r = retentionRate(MARCH_ROSTER, MARCH_2026, inTeam("t1"));
    // Opening t1: A B G. Retained A and G (G now in t2); B left.
    expect(r.startHeadcount).toBe(3);
    expect(r.retained).toBe(2);
    expect(r.stayedInScope).toBe(1);
    expect(round(r.percent!, 2)).toBe(66.67);
  });

  it("counts someone who leaves after the period as retained", () => {
    const roster = [person("P", { employments: [{ hireDate: "2024-01-01", exitDate: "2026-04-10", exitType: "voluntary" }] })];
    expect(retentionRate(roster, MARCH_2026, everyone)).toMatchObject({ startHeadcount: 1, retained: 1, percent: 100 });
  });

  it("does not count a leaver rehired within the period as retained", () => {
    const roster = [
      person("R", {
        employments: [
          { hireDate: "2024-01-01", exitDate: "2026-03-05", exitType: "voluntary" },
          { hireDate: "2026-03-20" },
        ],
      }),
    ];
    const r = retentionRate(roster, MARCH_2026, everyone);
    expect([r.startHeadcount, r.retained]).toEqual([1, 0]);
    const t = turnover(roster, MARCH_2026, everyone);
    expect([t.hires, t.separations]).toEqual([1, 1]);
  });
});
