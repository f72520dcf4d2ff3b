import { describe, expect, it } from "vitest";
import { targetFor, teamScopeChain, type TargetRow } from "./targets";

const row = (scopeType: TargetRow["scopeType"], scopeId: string | null, effectiveFrom: string, green: number): TargetRow => ({
  metricId: "m", scopeType, scopeId, green, amber: green - 1, effectiveFrom,
});

describe("targetFor", () => {
  const chain = teamScopeChain("t1", ["g-child", "g-parent"]);
  const targets = [
    row("ORG", null, "2026-01-05", 90),
    row("GROUP", "g-parent", "2026-03-02", 95),
    row("GROUP", "g-child", "2026-06-01", 97),
    row("TEAM", "t1", "2026-09-07", 99),
    row("TEAM", "t1", "2026-10-05", 98),
    row("TEAM", "t2", "2026-01-05", 50),
  ];

  it("takes the team's own target, else its nearest group's, else the org's, as in force on the day", () => {
    expect(targetFor(targets, chain, "2026-01-05")?.green).toBe(90);
    expect(targetFor(targets, chain, "2026-03-09")?.green).toBe(95);
    expect(targetFor(targets, chain, "2026-06-01")?.green).toBe(97);
    expect(targetFor(targets, chain, "2026-09-14")?.green).toBe(99);
    expect(targetFor(targets, chain, "2026-10-05")?.green).toBe(98);
  });

  it("has none before any target starts, and ignores other teams' targets", () => {
    expect(targetFor(targets, chain, "2025-12-29")).toBeNull();
    expect(targetFor([row("TEAM", "t2", "2026-01-05", 50)], chain, "2026-02-02")).toBeNull();
  });
});
