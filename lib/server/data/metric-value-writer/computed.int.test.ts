import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { db, sqlRunner } from "@/lib/server/db";
import { recomputePeopleMetrics } from "@/lib/server/services/retention/recompute";
import { writeComputed } from "./computed";

/** The one rule for computed values: a value a person gave stands; computed values are replaced and pruned. */
const now = new Date("2026-03-19T12:00:00Z");
const week = weekStartOf(now);
const earlier = addDays(week, -7);
let teamId: string;
let headcount: string;
let deployments: string;

async function stored(metricId: string, w: string) {
  return db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId, teamId, weekStart: new Date(w) } }, select: { value: true, source: true } });
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  headcount = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "headcount" } })).id;
  deployments = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } })).id;
});

describe("writeComputed", () => {
  it("keeps values people gave, replaces computed and seeded ones, and deletes computed ones no longer produced", async () => {
    await db.metricValue.createMany({
      data: [
        { metricId: deployments, teamId, weekStart: new Date(earlier), value: 4, source: "IMPORT" },
        { metricId: deployments, teamId, weekStart: new Date(week), value: 9, source: "SEED" },
        { metricId: headcount, teamId, weekStart: new Date(earlier), value: 3, source: "COMPUTED" },
        { metricId: headcount, teamId, weekStart: new Date(week), value: 8, source: "API" },
      ],
    });
    const runner = await sqlRunner();
    const result = await runner.transaction((tx) =>
      writeComputed(tx, [
        { metricId: deployments, teamId, week: earlier, value: 5 },
        { metricId: deployments, teamId, week, value: 6 },
        { metricId: headcount, teamId, week, value: 10 },
      ], { kind: "range", metricIds: [deployments, headcount], teamIds: [teamId], fromWeek: earlier, toWeek: week }),
    );
    expect(await stored(deployments, earlier)).toEqual({ value: 4, source: "IMPORT" });
    expect(await stored(deployments, week)).toEqual({ value: 6, source: "COMPUTED" });
    expect(await stored(headcount, week)).toEqual({ value: 8, source: "API" });
    expect(await stored(headcount, earlier)).toBeNull();
    expect(result.kept).toBe(2);
    expect(result.changed.sort((a, b) => a.metricId.localeCompare(b.metricId) || a.week.localeCompare(b.week))).toEqual(
      [{ metricId: deployments, week }, { metricId: headcount, week: earlier }].sort((a, b) => a.metricId.localeCompare(b.metricId) || a.week.localeCompare(b.week)),
    );
  });

  it("writes only the given cells when told nothing else was recomputed, and leaves equal values untouched", async () => {
    const runner = await sqlRunner();
    const again = await runner.transaction((tx) => writeComputed(tx, [{ metricId: deployments, teamId, week, value: 6 }], { kind: "values" }));
    expect(again).toEqual({ changed: [], kept: 0 });
    expect(await stored(deployments, earlier)).toEqual({ value: 4, source: "IMPORT" });
  });

  it("names each changed (metric, week) pair once, however many teams' values changed in it, and counts every kept value", async () => {
    const second = (await db.team.create({ data: { name: "Ledger", slug: "ledger", groupId: (await db.team.findUniqueOrThrow({ where: { id: teamId } })).groupId, location: "Berlin" } })).id;
    const third = (await db.team.create({ data: { name: "Billing", slug: "billing", groupId: (await db.team.findUniqueOrThrow({ where: { id: teamId } })).groupId, location: "Berlin" } })).id;
    await db.metricValue.createMany({
      data: [
        { metricId: deployments, teamId: second, weekStart: new Date(earlier), value: 1, source: "COMPUTED" },
        { metricId: deployments, teamId: third, weekStart: new Date(earlier), value: 1, source: "COMPUTED" },
        { metricId: headcount, teamId: second, weekStart: new Date(week), value: 2, source: "MANUAL" },
        { metricId: headcount, teamId: third, weekStart: new Date(week), value: 2, source: "IMPORT" },
      ],
    });
    const runner = await sqlRunner();
    const result = await runner.transaction((tx) =>
      writeComputed(tx, [
        { metricId: deployments, teamId: second, week, value: 3 },
        { metricId: deployments, teamId: third, week, value: 4 },
        { metricId: headcount, teamId: second, week, value: 5 },
        { metricId: headcount, teamId: third, week, value: 5 },
      ], { kind: "range", metricIds: [deployments, headcount], teamIds: [second, third], fromWeek: earlier, toWeek: week }),
    );
    // Two teams' deployments written in `week` and two deleted in `earlier`: one pair each.
    expect(result.changed.map((c) => `${c.metricId === deployments ? "deployments" : "headcount"} ${c.week}`).sort()).toEqual([`deployments ${earlier}`, `deployments ${week}`]);
    expect(result.kept).toBe(2);
    expect(await db.metricValue.count({ where: { teamId: { in: [second, third] }, metricId: deployments, weekStart: new Date(earlier) } })).toBe(0);
  });
});

describe("every computation follows it", () => {
  it("recomputing retention from the roster keeps a headcount a person entered for a team without a roster", async () => {
    await db.metricValue.deleteMany({ where: { teamId } });
    await db.metricValue.create({ data: { metricId: headcount, teamId, weekStart: new Date(earlier), value: 7, source: "MANUAL" } });
    await recomputePeopleMetrics({ teamIds: [teamId], fromDay: earlier, now });
    expect(await stored(headcount, earlier)).toEqual({ value: 7, source: "MANUAL" });
  });
});
