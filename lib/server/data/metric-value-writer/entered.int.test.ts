import { beforeAll, describe, expect, it } from "vitest";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { db } from "@/lib/server/db";
import { writeEntered } from "./entered";

/** The one writer of values people gave: entry and API (version-guarded), allocation entry, and an import's batch. */
const week = weekStartOf(new Date("2026-03-19T12:00:00Z"));
const earlier = addDays(week, -7);
let teamId: string;
let userId: string;
let headcount: string;
let deployments: string;

async function stored(metricId: string, w: string) {
  return db.metricValue.findUnique({
    where: { metricId_teamId_weekStart: { metricId, teamId, weekStart: new Date(w) } },
    select: { id: true, value: true, note: true, numerator: true, denominator: true, source: true, version: true, enteredById: true, importId: true },
  });
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  userId = (await db.user.create({ data: { email: "manager@example.com", name: "Manager", role: "MANAGER" } })).id;
  headcount = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "headcount" } })).id;
  deployments = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "deployments" } })).id;
});

describe("writeEntered", () => {
  it("checked: inserts new cells and updates stored ones only at the version read, replacing a computed value", async () => {
    await db.metricValue.create({ data: { metricId: deployments, teamId, weekStart: new Date(week), value: 3, source: "COMPUTED", version: 4 } });
    const computed = await stored(deployments, week);
    const result = await db.$transaction((tx) =>
      writeEntered({
        kind: "checked", source: "MANUAL", enteredById: userId,
        creates: [{ metricId: headcount, teamId, week, value: 8, note: "two joined" }],
        updates: [{ id: computed!.id, version: 4, value: 5, note: null }],
      }, tx),
    );
    expect(result).toMatchObject({ created: 1, updated: 1 });
    expect(await stored(headcount, week)).toMatchObject({ value: 8, note: "two joined", source: "MANUAL", version: 1, enteredById: userId, importId: null });
    expect(await stored(deployments, week)).toMatchObject({ value: 5, note: null, source: "MANUAL", version: 5, enteredById: userId });

    // A stale version writes nothing and says so (the entry path then reads again).
    const stale = await db.$transaction((tx) =>
      writeEntered({ kind: "checked", source: "API", enteredById: null, creates: [], updates: [{ id: computed!.id, version: 4, value: 9, note: null }] }, tx),
    );
    expect(stale.updated).toBe(0);
    expect(await stored(deployments, week)).toMatchObject({ value: 5, source: "MANUAL", version: 5 });
  });

  it("allocation: sets value and respondents whatever is stored, keeping the note and import", async () => {
    await db.metricValue.update({ where: { id: (await stored(headcount, week))!.id }, data: { importId: "an-import" } });
    const result = await db.$transaction((tx) =>
      writeEntered({
        kind: "allocation", source: "MANUAL", enteredById: userId,
        values: [
          { metricId: headcount, teamId, week, value: 40, numerator: 40, denominator: 100 },
          { metricId: headcount, teamId, week: earlier, value: 60, numerator: 60, denominator: 100 },
        ],
      }, tx),
    );
    expect(result).toMatchObject({ created: 1, updated: 1, metricIds: [headcount] });
    expect(await stored(headcount, week)).toMatchObject({
      value: 40, numerator: 40, denominator: 100, note: "two joined", importId: "an-import", source: "MANUAL", version: 2, enteredById: userId,
    });
    expect(await stored(headcount, earlier)).toMatchObject({ value: 60, numerator: 60, denominator: 100, source: "MANUAL", version: 1 });
  });

  it("import: one set-based batch, leaving equal rows alone and recording before-images for undo", async () => {
    const imported = await db.import.create({ data: { kind: "metric-values", fileName: "values.csv", fileSize: 10 } });
    const before = await stored(headcount, week);
    const result = await db.$transaction((tx) =>
      writeEntered({
        kind: "import", source: "IMPORT", enteredById: userId, importId: imported.id,
        values: [
          // No note column: the stored note stays.
          { metricId: headcount, teamId, week, value: 41 },
          // Same value, note and respondents as stored: left alone.
          { metricId: headcount, teamId, week: earlier, value: 60, note: null, numerator: 60, denominator: 100 },
          { metricId: deployments, teamId, week: earlier, value: 2, note: "hotfix" },
        ],
      }, tx),
    );
    expect(result.created).toBe(1);
    expect(result.updated).toBe(1);
    expect(result.metricIds.sort()).toEqual([headcount, deployments].sort());
    expect(result.weeks.sort()).toEqual([earlier, week].sort());
    expect(await stored(headcount, week)).toMatchObject({ value: 41, note: "two joined", source: "IMPORT", version: 3, importId: imported.id, enteredById: userId });
    expect(await stored(headcount, earlier)).toMatchObject({ value: 60, source: "MANUAL", version: 1, importId: null });
    expect(await stored(deployments, earlier)).toMatchObject({ value: 2, note: "hotfix", source: "IMPORT", version: 1, importId: imported.id });

    // One undo record per statement (here two: with and without respondents), not per value: its cells as
    // parallel arrays, their before-images aligned (null: created).
    const batches = await db.importBatch.findMany({ where: { importId: imported.id } });
    expect(batches).toHaveLength(2);
    const changes = batches.flatMap((batch) => batch.metricIds.map((m, i) => ({
      entityType: "MetricValue", entityId: `${m}:${batch.teamIds[i]}:${batch.weeks[i].toISOString().slice(0, 10)}`, before: (batch.before as unknown[])[i],
    })));
    expect(await db.importChange.count({ where: { importId: imported.id } })).toBe(0);
    expect(changes.sort((a, b) => a.entityId.localeCompare(b.entityId))).toEqual(
      [
        { entityType: "MetricValue", entityId: `${deployments}:${teamId}:${earlier}`, before: null },
        {
          entityType: "MetricValue", entityId: `${headcount}:${teamId}:${week}`,
          before: { value: 40, note: "two joined", version: 2, numerator: 40, denominator: 100, source: "MANUAL", enteredById: userId, importId: before!.importId },
        },
      ].sort((a, b) => a.entityId.localeCompare(b.entityId)),
    );
  });
});
