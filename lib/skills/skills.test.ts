import { describe, expect, it } from "vitest";
import { aiAdoption } from "./ai-adoption";
import { orgSkillGaps, skillsCoverage, type Proficiency } from "./coverage";
import { compareExperiment, EXPERIMENT_CAVEAT, experimentsInPeriod, type WeeklyTeamValue } from "./experiments";
import { learningByQuarter, learningSummary } from "./learning";

describe("learning", () => {
  const records = [
    { personId: "a", date: "2026-01-10", hours: 6, spend: 100 },
    { personId: "a", date: "2026-02-10", hours: 4, spend: 0 },
    { personId: "b", date: "2026-03-01", hours: 2, spend: 300 },
    { personId: "c", date: "2026-03-05", hours: 0, spend: 50 }, // spend only: no learning time
    { personId: "a", date: "2026-04-02", hours: 3, spend: 0 },
  ];

  it("divides hours and spend by headcount and counts engineers with learning time", () => {
    const q1 = learningSummary(records.slice(0, 4), 8);
    // 12 hours, 450 spent, 2 of 8 engineers logged hours.
    expect(q1).toEqual({
      engineers: 8,
      totalHours: 12,
      totalSpend: 450,
      hoursPerEngineer: 1.5,
      spendPerEngineer: 56.25,
      engineersWithLearning: 2,
      percentWithLearning: 25,
    });
  });

  it("groups by calendar quarter, including quarters with no records", () => {
    const rows = learningByQuarter(records, { "2025-10-01": 7, "2026-01-01": 8, "2026-04-01": 10 });
    expect(rows.map((r) => [r.quarter, r.totalHours, r.hoursPerEngineer])).toEqual([
      ["2025-10-01", 0, 0],
      ["2026-01-01", 12, 1.5],
      ["2026-04-01", 3, 0.3],
    ]);
  });
});

describe("AI adoption", () => {
  it("shares active users over seats and headcount, and AI-assisted merged PRs", () => {
    expect(aiAdoption({ activeUsers: 30, seats: 40, engineeringHeadcount: 60, mergedPrs: 200, aiAssistedMergedPrs: 50 })).toEqual({
      percentOfSeats: 75,
      percentOfHeadcount: 50,
      aiAssistedPrPercent: 25,
    });
  });

  it("leaves a share empty when its data is missing", () => {
    expect(aiAdoption({ activeUsers: 3, seats: 0, engineeringHeadcount: 10 })).toEqual({
      percentOfSeats: null,
      percentOfHeadcount: 30,
      aiAssistedPrPercent: null,
    });
  });
});

describe("skills coverage", () => {
  const team: Proficiency[] = [
    { personId: "ana", skillId: "kafka", level: 4 },
    { personId: "bo", skillId: "kafka", level: 3 },
    { personId: "ana", skillId: "terraform", level: 3 },
    { personId: "bo", skillId: "terraform", level: 2 },
    { personId: "cy", skillId: "go", level: 1 },
  ];

  it("covers a skill with two people at level 3+, and lists the rest as bus-factor risks", () => {
    const c = skillsCoverage(["kafka", "terraform", "go"], team);
    expect(c.covered).toBe(1);
    expect(c.needed).toBe(3);
    expect(c.percent).toBeCloseTo(33.333, 3);
    expect(c.busFactor.map((s) => [s.skillId, s.proficientPeople])).toEqual([
      ["go", []],
      ["terraform", ["ana"]],
    ]);
  });

  it("rejects a level outside 0–4", () => {
    expect(() => skillsCoverage(["go"], [{ personId: "x", skillId: "go", level: 5 }])).toThrow(RangeError);
  });

  it("summarises gaps across teams, most widespread first", () => {
    const gaps = orgSkillGaps([
      { teamId: "payments", neededSkillIds: ["kafka", "terraform"], memberProficiencies: team },
      { teamId: "search", neededSkillIds: ["terraform", "kafka"], memberProficiencies: [{ personId: "di", skillId: "kafka", level: 4 }] },
    ]);
    expect(gaps).toEqual([
      { skillId: "terraform", teamsNeeding: 2, uncoveredTeamIds: ["payments", "search"], proficientPeopleInOrg: 1 },
      { skillId: "kafka", teamsNeeding: 2, uncoveredTeamIds: ["search"], proficientPeopleInOrg: 3 },
    ]);
  });
});

describe("experiments", () => {
  const before = { start: "2026-01-05", end: "2026-01-12" };
  const after = { start: "2026-01-19", end: "2026-01-26" };
  const v = (teamId: string, week: string, value: number): WeeklyTeamValue => ({ teamId, week, value });
  const values = [
    v("exp", "2026-01-05", 10),
    v("exp", "2026-01-12", 12),
    v("exp", "2026-01-19", 16),
    v("exp", "2026-01-26", 18),
    v("ctl1", "2026-01-05", 20),
    v("ctl1", "2026-01-12", 20),
    v("ctl1", "2026-01-19", 22),
    v("ctl1", "2026-01-26", 22),
    v("ctl2", "2026-01-05", 8),
    v("ctl2", "2026-01-12", 8),
    v("ctl2", "2026-01-19", 10),
    v("ctl2", "2026-01-26", 10),
  ];

  it("nets the experiment teams' change against the other teams' change", () => {
    const r = compareExperiment(values, ["exp"], before, after);
    // Experiment 11 → 17 (+6); control (20, 20, 8, 8) = 14 → (22, 22, 10, 10) = 16 (+2); net +4.
    expect(r.experiment).toEqual({ teams: 1, before: 11, after: 17, change: 6 });
    expect(r.control).toEqual({ teams: 2, before: 14, after: 16, change: 2 });
    expect(r.net).toBe(4);
    expect(r.caveat).toBe(EXPERIMENT_CAVEAT);
    expect(EXPERIMENT_CAVEAT.startsWith("Correlation, not cause")).toBe(true);
  });

  it("is empty without data in a window", () => {
    const r = compareExperiment(values, ["exp"], before, { start: "2026-03-02", end: "2026-03-09" });
    expect([r.experiment.change, r.net]).toEqual([null, null]);
  });

  it("counts experiments started, concluded and running in a period", () => {
    const exps = [
      { id: "1", start: "2026-01-05", end: "2026-02-20" },
      { id: "2", start: "2025-11-01", end: "2026-01-31" },
      { id: "3", start: "2026-03-01", end: null },
    ];
    // January: 1 starts, 2 ends; both run during it, 3 has not started.
    expect(experimentsInPeriod(exps, { start: "2026-01-01", end: "2026-01-31" })).toEqual({ started: 1, concluded: 1, running: 2 });
  });
});
