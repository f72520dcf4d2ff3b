import { describe, expect, it } from "vitest";
import { personRecord } from "@/lib/validation/people";
import { checkRecord, isPromotionAlongFramework, type LevelFacts, type RecordContext } from "./check-records";

const levels = new Map<string, LevelFacts>(
  [
    { key: "IC2", track: "IC", order: 2 },
    { key: "IC3", track: "IC", order: 3 },
    { key: "IC4", track: "IC", order: 4 },
    { key: "M1", track: "M", order: 3 },
  ].map((l) => [l.key, l]),
);
const ctx: RecordContext = { levels, teams: [{ id: "t1", slug: "alpha", name: "Alpha" }, { id: "t2", slug: "beta", name: "Beta" }] };
const base = { employeeId: "E1", team: "beta", level: "IC3", employments: [{ hireDate: "2024-01-08" }] };

describe("career framework order", () => {
  it("moves up a track, or across tracks to at least the same order", () => {
    expect(isPromotionAlongFramework(levels.get("IC2") as LevelFacts, levels.get("IC3") as LevelFacts)).toBe(true);
    expect(isPromotionAlongFramework(levels.get("IC3") as LevelFacts, levels.get("IC2") as LevelFacts)).toBe(false);
    expect(isPromotionAlongFramework(levels.get("IC3") as LevelFacts, levels.get("IC3") as LevelFacts)).toBe(false);
    expect(isPromotionAlongFramework(levels.get("IC3") as LevelFacts, levels.get("M1") as LevelFacts)).toBe(true);
    expect(isPromotionAlongFramework(levels.get("IC4") as LevelFacts, levels.get("M1") as LevelFacts)).toBe(false);
  });
});

describe("checkRecord", () => {
  it("resolves teams by slug or name and accepts chained promotions and moves", () => {
    const record = personRecord.parse({
      ...base,
      promotions: [{ date: "2025-04-01", fromLevel: "IC2", toLevel: "IC3" }],
      teamMoves: [{ date: "2025-06-02", fromTeam: "Alpha", toTeam: "beta" }],
    });
    const { issues, resolved } = checkRecord(record, ctx);
    expect(issues).toEqual([]);
    expect(resolved?.teamId).toBe("t2");
    expect(resolved?.teamMoves).toEqual([{ date: "2025-06-02", fromTeamId: "t1", toTeamId: "t2" }]);
  });

  it("names each broken rule by field", () => {
    const record = personRecord.parse({
      ...base,
      team: "gamma",
      level: "IC4",
      promotions: [{ date: "2025-04-01", fromLevel: "IC3", toLevel: "IC2" }],
      teamMoves: [{ date: "2025-06-02", fromTeam: "alpha", toTeam: "alpha" }],
    });
    expect(checkRecord(record, ctx).issues).toEqual([
      { path: ["team"], message: 'team "gamma" does not exist' },
      { path: ["promotions", 0, "toLevel"], message: "IC3 → IC2 does not move up the career framework" },
      { path: ["level"], message: "must be IC2, the level the latest promotion reached" },
      { path: ["teamMoves", 0, "toTeam"], message: "must differ from the team moved from" },
    ]);
  });

  it("requires promotions and moves to fall inside an employment", () => {
    const parsed = personRecord.safeParse({ ...base, promotions: [{ date: "2023-01-01", fromLevel: "IC2", toLevel: "IC3" }] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["promotions.0.date"]);
  });

  it("refuses overlapping employments and an exit without a type", () => {
    const parsed = personRecord.safeParse({ ...base, employments: [{ hireDate: "2020-01-06", exitDate: "2021-01-01" }, { hireDate: "2020-06-01" }] });
    expect(parsed.error?.issues.map((i) => i.path.join("."))).toEqual(["employments.0.exitType", "employments.1.hireDate"]);
  });
});
