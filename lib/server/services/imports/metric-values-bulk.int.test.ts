import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { metricValueHistory } from "@/lib/server/data/audit";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { upsertMetricValues } from "@/lib/server/services/metric-values";
import { BATCH_ITEMS } from "./file-pass";
import { runImport } from "./run";
import { storeUpload } from "./storage";
import { undoImport } from "./undo";

// Thursday 12 March 2026: the current ISO week starts Monday 9 March.
const NOW = new Date("2026-03-12T12:00:00Z");
let admin: SessionUser;
const actor = (): Actor => ({ userId: admin.id, label: admin.email });
let team: string;
let other: string;
let slo: string;

async function* bytesOf(content: string): AsyncGenerator<Uint8Array> {
  yield new TextEncoder().encode(content);
}

const importFile = async (content: string) => {
  const id = await storeUpload({ kind: "metric-values", fileName: "bulk.csv", bytes: bytesOf(content), actor: actor(), user: admin });
  return { id, result: await runImport(id, { skipInvalid: false, createUnknown: false }, actor(), admin, NOW) };
};

const cell = (teamId: string, week: string) =>
  db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: slo, teamId, weekStart: new Date(week) } } });

/** `count` consecutive Mondays ending `weeksBack` weeks before 2 March 2026. */
function mondays(count: number, weeksBack: number): string[] {
  const last = Date.parse("2026-03-02T00:00:00Z") - weeksBack * 7 * 86_400_000;
  return Array.from({ length: count }, (_, i) => new Date(last - (count - 1 - i) * 7 * 86_400_000).toISOString().slice(0, 10));
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Bulk", slug: "bulk" } });
  team = (await db.team.create({ data: { name: "Ledger", slug: "ledger", groupId: group.id, location: "Oslo" } })).id;
  other = (await db.team.create({ data: { name: "Billing", slug: "billing", groupId: group.id, location: "Oslo" } })).id;
  const row = await db.user.create({ data: { email: "bulk-admin@example.com", name: "Bo Admin", role: "ADMIN" } });
  admin = { id: row.id, email: row.email, name: row.name, role: "ADMIN", managedTeamIds: [] };
  slo = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } })).id;
});

describe("importing metric values in bulk", () => {
  it("counts created, updated and unchanged exactly, and a second import of the same file writes nothing", async () => {
    const [w1, w2, w3, w4] = mondays(4, 60);
    // Stored before: w1 = 99.1 (will change), w2 = 98.5 with a note (same value and note: unchanged), w3 = 97 (note only changes).
    await db.metricValue.createMany({
      data: [
        { metricId: slo, teamId: team, weekStart: new Date(w1), value: 99.1, source: "MANUAL" },
        { metricId: slo, teamId: team, weekStart: new Date(w2), value: 98.5, note: "steady", source: "MANUAL" },
        { metricId: slo, teamId: team, weekStart: new Date(w3), value: 97, source: "MANUAL" },
      ],
    });
    const file = ["team,metric,week,value,note", `ledger,slo_attainment,${w1},99.3,`, `ledger,slo_attainment,${w2},98.5,steady`, `ledger,slo_attainment,${w3},97,maintenance`, `ledger,slo_attainment,${w4},96.25,`, `billing,slo_attainment,${w4},0.1,`].join("\n");
    const first = await importFile(file);
    expect(first.result).toMatchObject({ status: "COMPLETED", created: 2, updated: 2, unchanged: 1 });
    expect(await cell(team, w1)).toMatchObject({ value: 99.3, note: null, version: 2, source: "IMPORT", importId: first.id, enteredById: admin.id });
    expect(await cell(team, w2)).toMatchObject({ value: 98.5, note: "steady", version: 1, source: "MANUAL", importId: null });
    expect(await cell(team, w3)).toMatchObject({ value: 97, note: "maintenance", version: 2 });
    expect(await cell(other, w4)).toMatchObject({ value: 0.1, version: 1, importId: first.id });
    // One undo record for the batch, holding the 4 cells written (the unchanged one is not among them).
    const batches = await db.importBatch.findMany({ where: { importId: first.id } });
    expect(batches.map((b) => b.metricIds.length)).toEqual([4]);
    expect(await db.importChange.count({ where: { importId: first.id } })).toBe(0);
    const history = await metricValueHistory(slo, team, w1);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ action: "import", actorLabel: admin.email, summary: "Imported from bulk.csv", before: { value: 99.1, note: null, version: 1 }, after: { value: 99.3, note: null } });
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: slo, scopeType: "ORG", weekStart: new Date(w4) } });
    expect(rollup).toMatchObject({ value: 48.175, teamCount: 2 });

    const second = await importFile(file);
    expect(second.result).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 5 });
    expect(await db.importBatch.count({ where: { importId: second.id } })).toBe(0);
    expect(await cell(team, w1)).toMatchObject({ version: 2, importId: first.id });
  });

  it("keeps stored notes when the file has no note column", async () => {
    const [w] = mondays(1, 70);
    await db.metricValue.create({ data: { metricId: slo, teamId: team, weekStart: new Date(w), value: 90, note: "outage", source: "MANUAL" } });
    const { result } = await importFile(`team,metric,week,value\nledger,slo_attainment,${w},91\n`);
    expect(result).toMatchObject({ status: "COMPLETED", created: 0, updated: 1 });
    expect(await cell(team, w)).toMatchObject({ value: 91, note: "outage", version: 2 });
  });

  it("records one audit entry per batch and one for the import, naming the import, instead of one per value", async () => {
    const weeks = mondays(30, 80);
    const { id, result } = await importFile(["team,metric,week,value", ...weeks.map((w, i) => `ledger,slo_attainment,${w},${90 + i / 10}`)].join("\n"));
    expect(result).toMatchObject({ status: "COMPLETED", created: 30 });
    const entries = await db.auditLog.findMany({ where: { entityType: "Import", entityId: id }, orderBy: { id: "asc" } });
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({ action: "import", actorId: admin.id, actorLabel: admin.email, summary: `Metric values: 30 created, 0 updated (1 metric, weeks ${weeks[0]} to ${weeks[29]})` });
    expect(entries[1]).toMatchObject({ action: "import", actorLabel: admin.email, summary: "Imported bulk.csv (metric-values): 30 created, 0 updated, 0 unchanged, 0 skipped" });
    expect(await db.auditLog.count({ where: { entityType: "MetricValue", entityId: { startsWith: `${slo}:${team}:` } } })).toBe(0);
  });

  it("undo restores the exact prior values, notes, sources and versions after a bulk import", async () => {
    const [w1, w2, w3] = mondays(3, 120);
    await db.metricValue.createMany({
      data: [
        { metricId: slo, teamId: team, weekStart: new Date(w1), value: 0.1 + 0.2, note: "typed", source: "MANUAL", enteredById: admin.id },
        { metricId: slo, teamId: team, weekStart: new Date(w2), value: 97.123456789012, numerator: 3, denominator: 7, source: "API", version: 4 },
      ],
    });
    const before = await Promise.all([cell(team, w1), cell(team, w2)]);
    const { id, result } = await importFile(`team,metric,week,value,note\nledger,slo_attainment,${w1},50,\nledger,slo_attainment,${w2},51,recount\nledger,slo_attainment,${w3},52,\n`);
    expect(result).toMatchObject({ status: "COMPLETED", created: 1, updated: 2 });
    expect(await undoImport(id, actor(), admin, NOW)).toEqual({ restored: 2, deleted: 1 });
    const [after1, after2] = await Promise.all([cell(team, w1), cell(team, w2)]);
    const restored = (v: typeof after1) => ({ value: v?.value, note: v?.note, numerator: v?.numerator, denominator: v?.denominator, source: v?.source, enteredById: v?.enteredById, importId: v?.importId });
    expect(restored(after1)).toEqual(restored(before[0]));
    expect(after1?.value).toBe(0.1 + 0.2);
    expect(restored(after2)).toEqual(restored(before[1]));
    expect(after2?.version).toBe(6);
    expect(await cell(team, w3)).toBeNull();
  });

  it("refuses the undo when a newer write touched a value the bulk import wrote", async () => {
    const [w1, w2] = mondays(2, 140);
    const { id } = await importFile(`team,metric,week,value\nledger,slo_attainment,${w1},80\nledger,slo_attainment,${w2},81\n`);
    await db.metricValue.updateMany({ where: { metricId: slo, teamId: team, weekStart: new Date(w2) }, data: { value: 82, version: { increment: 1 }, importId: null } });
    await expect(undoImport(id, actor(), admin, NOW)).rejects.toThrow(/newer changes touched 1 of its rows/);
    expect(await cell(team, w1)).toMatchObject({ value: 80, importId: id });
    expect(await cell(team, w2)).toMatchObject({ value: 82 });
  });

  it("names the import's actor when an editor's save conflicts with a value a token imported", async () => {
    const [w] = mondays(1, 160);
    const token: Actor = { userId: null, label: "token:nightly" };
    const id = await storeUpload({ kind: "metric-values", fileName: "nightly.csv", bytes: bytesOf(`team,metric,week,value\nledger,slo_attainment,${w},70\n`), actor: token, user: null });
    expect(await runImport(id, { skipInvalid: false, createUnknown: false }, token, null, NOW)).toMatchObject({ status: "COMPLETED", created: 1 });
    const save = await upsertMetricValues(actor(), [{ metricId: slo, teamId: team, weekStart: w, value: 71, expectedVersion: null }], { source: "MANUAL", user: admin, now: NOW });
    expect(save).toMatchObject({ status: "conflict", conflicts: [{ current: { value: 70, version: 1, changedBy: "token:nightly" } }] });
  });

  it("writes nothing when a row after the first full batch is refused, and lists every problem", async () => {
    const before = await db.metricValue.count();
    const weeks = mondays(BATCH_ITEMS / 2 + 10, 200);
    const lines = ["team,metric,week,value", ...weeks.flatMap((w) => [`ledger,slo_attainment,${w},90`, `billing,slo_attainment,${w},91`])];
    lines.push(`ledger,slo_attainment,${weeks[0]},abc`, "nowhere,slo_attainment,2020-01-06,90");
    const { result } = await importFile(lines.join("\n"));
    expect(result.status).toBe("FAILED");
    expect(result.error).toBe(`Line ${lines.length - 1}, column "value": "abc" is not a number (this file writes numbers like 1234.5 or 1,234.5). And 1 more problem: see the rejects. Nothing was imported.`);
    expect(result).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    expect(await db.metricValue.count()).toBe(before);
  });

  it("undoes a multi-batch import from one record per batch, restoring exactly the prior state", async () => {
    const defects = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "escaped_defects" } })).id;
    const weeks = mondays(6000, 0);
    const rowsOf = () =>
      db.metricValue.findMany({
        where: { metricId: defects, teamId: { in: [team, other] } },
        orderBy: [{ teamId: "asc" }, { weekStart: "asc" }],
        select: { teamId: true, weekStart: true, value: true, note: true, numerator: true, denominator: true, source: true, enteredById: true, importId: true, version: true },
      });
    // Stored before: every third week of one team, typed or from the API, some with notes and higher versions.
    await db.metricValue.createMany({
      data: weeks.filter((_, i) => i % 3 === 0).map((w, i) => ({
        metricId: defects, teamId: team, weekStart: new Date(w), value: i % 7, note: i % 2 === 0 ? `typed ${i}` : null,
        source: i % 5 === 0 ? ("API" as const) : ("MANUAL" as const), enteredById: i % 5 === 0 ? null : admin.id, version: 1 + (i % 4),
      })),
    });
    const before = await rowsOf();
    // Notes with quotes, commas and a line break travel intact (the rows are staged as CSV on PostgreSQL).
    const tricky = 'said "ok", then\nleft';
    const lines = ["team,metric,week,value,note"];
    weeks.forEach((w, i) => {
      lines.push(`ledger,escaped_defects,${w},${(i % 9) + 1},${i === 7 ? '"said ""ok"", then\nleft"' : ""}`);
      lines.push(`billing,escaped_defects,${w},${i % 4},`);
    });
    const { id, result } = await importFile(lines.join("\n") + "\n");
    expect(result).toMatchObject({ status: "COMPLETED", skipped: 0 });
    expect(result.created + result.updated + result.unchanged).toBe(12_000);
    expect(result.created).toBe(12_000 - before.length);
    expect(await db.metricValue.findUniqueOrThrow({ where: { metricId_teamId_weekStart: { metricId: defects, teamId: team, weekStart: new Date(weeks[7]) } } })).toMatchObject({ note: tricky });
    // One undo record per batch of BATCH_ITEMS rows, holding every cell written; none per value.
    const batches = await db.importBatch.findMany({ where: { importId: id }, orderBy: { id: "asc" } });
    expect(batches.length).toBe(Math.ceil(12_000 / BATCH_ITEMS));
    expect(batches.reduce((n, b) => n + b.metricIds.length, 0)).toBe(result.created + result.updated);
    expect(await db.importChange.count({ where: { importId: id } })).toBe(0);

    expect(await undoImport(id, actor(), admin, NOW)).toEqual({ restored: result.updated, deleted: result.created });
    const after = await rowsOf();
    const changedByImport = new Set(batches.flatMap((b) => b.teamIds.map((t, i) => `${t}|${b.weeks[i].toISOString()}`)));
    expect(after.map(({ version: _v, ...rest }) => rest)).toEqual(before.map(({ version: _v, ...rest }) => rest));
    // A restored value's version moves on (import +1, undo +1); one the import left alone keeps its own.
    after.forEach((row, i) => expect(row.version).toBe(before[i].version + (changedByImport.has(`${row.teamId}|${row.weekStart.toISOString()}`) ? 2 : 0)));
  });

  it("still undoes an import made by the previous release, whose before-images are one ImportChange row per value", async () => {
    const [w1, w2, w3] = mondays(3, 180);
    await db.metricValue.create({ data: { metricId: slo, teamId: team, weekStart: new Date(w1), value: 93.5, note: "typed", source: "MANUAL", enteredById: admin.id, version: 3 } });
    const prior = await cell(team, w1);
    const { id, result } = await importFile(`team,metric,week,value\nledger,slo_attainment,${w1},94\nledger,slo_attainment,${w2},95\nbilling,slo_attainment,${w3},96\n`);
    expect(result).toMatchObject({ status: "COMPLETED", created: 2, updated: 1 });
    // Rewrite its undo record as the previous release stored it: one ImportChange row per value, no ImportBatch.
    const [batch] = await db.importBatch.findMany({ where: { importId: id } });
    await db.importChange.createMany({
      data: batch.metricIds.map((m, i) => ({
        importId: id, entityType: "MetricValue", entityId: `${m}:${batch.teamIds[i]}:${batch.weeks[i].toISOString().slice(0, 10)}`,
        before: ((batch.before as unknown[])[i] ?? undefined) as never,
      })),
    });
    await db.importBatch.deleteMany({ where: { importId: id } });
    expect(await metricValueHistory(slo, team, w1)).toMatchObject([{ action: "import", summary: "Imported from bulk.csv", before: { value: 93.5, version: 3 }, after: { value: 94 } }]);

    expect(await undoImport(id, actor(), admin, NOW)).toEqual({ restored: 1, deleted: 2 });
    expect(await cell(team, w1)).toMatchObject({ value: 93.5, note: "typed", source: "MANUAL", enteredById: admin.id, importId: prior?.importId ?? null, version: 5 });
    expect(await cell(team, w2)).toBeNull();
    expect(await cell(other, w3)).toBeNull();
  });
});
