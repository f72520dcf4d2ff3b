import { describe, expect, it } from "vitest";
import { toCsv } from "@/lib/csv/write";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { runImport } from "@/lib/server/services/imports/run";
import { storeUpload } from "@/lib/server/services/imports/storage";
import { resetDatabase } from "@/lib/testing/reset";
import { METRIC_VALUES_HEADER, metricValueCsvRows, metricValuesFilter } from "./metric-values";
import { GROUPS_HEADER, groupRows, TEAMS_HEADER, teamRows } from "./tables";

const NOW = new Date("2026-03-12T12:00:00Z");
const actor: Actor = { userId: null, label: "test" };

async function* bytesOf(text: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(text);
}

async function importText(kind: string, text: string) {
  const id = await storeUpload({ kind, fileName: `${kind}.csv`, bytes: bytesOf(text), actor, user: null });
  return runImport(id, { skipInvalid: false, createUnknown: false }, actor, null, NOW);
}

async function exportAll(): Promise<{ groups: string; teams: string; values: string }> {
  const rows: unknown[][] = [];
  for await (const row of metricValueCsvRows(await metricValuesFilter({}), { seesClassifications: true }, new Date())) rows.push(row);
  return {
    groups: toCsv(GROUPS_HEADER, await groupRows()),
    teams: toCsv(TEAMS_HEADER, await teamRows()),
    values: toCsv(METRIC_VALUES_HEADER, rows as never),
  };
}

/** What must survive the trip, independent of generated ids. */
async function snapshot() {
  const values = await db.metricValue.findMany({
    select: { team: { select: { slug: true } }, metric: { select: { key: true } }, weekStart: true, value: true, note: true },
  });
  return values.map((v) => `${v.team.slug}|${v.metric.key}|${v.weekStart.toISOString().slice(0, 10)}|${v.value}|${v.note}`).sort();
}

describe("export → import round trip", () => {
  it("reproduces groups, teams and metric values exactly on a fresh database", async () => {
    const eng = await db.group.create({ data: { slug: "engineering", name: "Engineering" } });
    const platform = await db.group.create({ data: { slug: "platform", name: "Platform, Infra & \"Ops\"", parentId: eng.id } });
    const pay = await db.team.create({ data: { slug: "payments", name: "=Payments", groupId: platform.id, location: "Berlin", sourcing: "NEARSHORE", timeZone: "Europe/Berlin" } });
    const search = await db.team.create({ data: { slug: "search", name: "Search", groupId: eng.id, location: "Lisbon", origin: "ACQUIRED", acquisitionName: "Findly", acquisitionDate: new Date("2024-05-01") } });
    const slo = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    const defects = await db.metricDefinition.findUniqueOrThrow({ where: { key: "escaped_defects" } });
    const weeks = ["2026-01-05", "2026-01-12", "2026-01-19"];
    for (const [i, week] of weeks.entries()) {
      await db.metricValue.createMany({
        data: [
          { metricId: slo.id, teamId: pay.id, weekStart: new Date(week), value: 99.25 - i * 0.5, note: i === 1 ? "-2 pages, \"quoted\"\nnew line" : null },
          { metricId: defects.id, teamId: search.id, weekStart: new Date(week), value: 3 + (i % 2), note: i === 2 ? "=cmd|' /C calc'!A0" : null },
        ],
      });
    }
    const before = await snapshot();
    const exported = await exportAll();
    expect(exported.teams).toContain("'=Payments"); // neutralised in the file

    await resetDatabase();
    expect(await importText("groups", exported.groups)).toMatchObject({ status: "COMPLETED", created: 2 });
    expect(await importText("teams", exported.teams)).toMatchObject({ status: "COMPLETED", created: 2 });
    expect(await importText("metric-values", exported.values)).toMatchObject({ status: "COMPLETED", created: 6 });

    expect(await snapshot()).toEqual(before);
    expect(await db.team.findUniqueOrThrow({ where: { slug: "payments" } })).toMatchObject({ name: "=Payments", sourcing: "NEARSHORE", timeZone: "Europe/Berlin" });
    expect((await db.team.findUniqueOrThrow({ where: { slug: "search" } })).acquisitionDate?.toISOString().slice(0, 10)).toBe("2024-05-01");
    const platformAgain = await db.group.findUniqueOrThrow({ where: { slug: "platform" }, include: { parent: true } });
    expect(platformAgain).toMatchObject({ name: "Platform, Infra & \"Ops\"", parent: { slug: "engineering" } });
    expect(await exportAll()).toEqual(exported);

    // The same files again: nothing changes, no version moves.
    expect(await importText("metric-values", exported.values)).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 6 });
    expect(await importText("teams", exported.teams)).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    expect(await db.metricValue.count({ where: { version: { not: 1 } } })).toBe(0);
  });

  it("withholds survey values with fewer respondents than the anonymity threshold", async () => {
    const group = await db.group.findFirstOrThrow();
    const team = await db.team.create({ data: { slug: "tiny", name: "Tiny", groupId: group.id, location: "Oslo" } });
    const safety = await db.metricDefinition.findUniqueOrThrow({ where: { key: "psych_safety" } });
    await db.metricValue.createMany({
      data: [
        { metricId: safety.id, teamId: team.id, weekStart: new Date("2026-01-05"), value: 80, numerator: 400, denominator: 5 },
        { metricId: safety.id, teamId: team.id, weekStart: new Date("2026-01-12"), value: 70, numerator: 280, denominator: 4 },
      ],
    });
    const rows: unknown[][] = [];
    for await (const row of metricValueCsvRows(await metricValuesFilter({ metrics: "psych_safety" }), { seesClassifications: true }, new Date())) rows.push(row);
    expect(rows).toEqual([["tiny", "psych_safety", "2026-01-05", 80, null]]);
  });
});
