import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { previewImport } from "./preview";
import { getImport } from "./queries";
import { runImport } from "./run";
import { storeUpload } from "./storage";
import { undoImport } from "./undo";

// Thursday 12 March 2026: the current ISO week starts Monday 9 March.
const NOW = new Date("2026-03-12T12:00:00Z");
let admin: SessionUser;
const actor = (): Actor => ({ userId: admin.id, label: admin.email });
let payments: string;
let defects: string;

async function* bytesOf(content: string | Uint8Array, piece = 7): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += piece) yield bytes.slice(i, i + piece);
}

const upload = (content: string | Uint8Array, kind = "metric-values", fileName = "values.csv") =>
  storeUpload({ kind, fileName, bytes: bytesOf(content), actor: actor(), user: admin });

const run = (id: string, options: { skipInvalid?: boolean; createUnknown?: boolean } = {}) =>
  runImport(id, { skipInvalid: options.skipInvalid ?? false, createUnknown: options.createUnknown ?? false }, actor(), admin, NOW);

const valueOf = async (teamId: string, week: string) =>
  db.metricValue.findUnique({ where: { metricId_teamId_weekStart: { metricId: defects, teamId, weekStart: new Date(week) } } });

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  payments = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  await db.team.create({ data: { name: "Search Team", slug: "search", groupId: group.id, location: "Lisbon" } });
  const row = await db.user.create({ data: { email: "admin@example.com", name: "Ada Admin", role: "ADMIN" } });
  admin = { id: row.id, email: row.email, name: row.name, role: "ADMIN", managedTeamIds: [] };
  defects = (await db.metricDefinition.findUniqueOrThrow({ where: { key: "escaped_defects" } })).id;
});

describe("metric values, long format", () => {
  const FILE = [
    "Team,Metric,Week,Value,Note",
    "payments,escaped_defects,2026-W07,3,",
    "Search Team,Escaped defects,2026-02-18,4,release week", // a Wednesday: stored at its Monday
    "payments,escaped_defects,2026-02-16,3,",
  ].join("\r\n");

  it("previews every row, imports, and a second import of the same file changes nothing", async () => {
    const id = await upload(FILE);
    const preview = await previewImport(id, {}, actor(), admin);
    expect(preview.mapping).toEqual({ team: 0, metric: 1, week: 2, value: 3, note: 4 });
    expect(preview.totalRows).toBe(3);
    expect(preview.problems).toEqual([]);

    const done = await run(id);
    expect(done).toMatchObject({ status: "COMPLETED", created: 3, updated: 0, unchanged: 0, skipped: 0, processedRows: 3, totalRows: 3 });
    const search = await db.team.findUniqueOrThrow({ where: { slug: "search" } });
    expect(await valueOf(search.id, "2026-02-16")).toMatchObject({ value: 4, note: "release week", version: 1, source: "IMPORT", importId: id });
    expect(await valueOf(payments, "2026-02-09")).toMatchObject({ value: 3, version: 1 });
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: defects, scopeType: "ORG", weekStart: new Date("2026-02-16") } });
    expect(rollup).toMatchObject({ value: 7, teamCount: 2 });

    const again = await upload(FILE);
    await previewImport(again, {}, actor(), admin);
    expect(await run(again)).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 3 });
    expect(await valueOf(search.id, "2026-02-16")).toMatchObject({ version: 1, importId: id });
    expect(await db.importChange.count({ where: { importId: again } })).toBe(0);
    expect(await db.importBatch.count({ where: { importId: again } })).toBe(0);
  });

  it("previews what applying would refuse (a value outside its metric's range), so every row shown as ready imports", async () => {
    const before = await db.metricValue.count();
    const id = await upload(["team,metric,week,value", "payments,test_automation,2026-01-05,99.5", "payments,test_automation,2026-01-12,140", "payments,test_automation,2026-01-19,98"].join("\n") + "\n");
    const preview = await previewImport(id, {}, actor(), admin, NOW);
    expect(preview.totalRows).toBe(3);
    expect(preview.validRows).toBe(2);
    expect(preview.items).toBe(2);
    expect(preview.problems).toEqual([{ line: 3, column: "value", message: expect.stringMatching(/between 0 and 100/) }]);
    expect(preview.rows.find((r) => r.line === 3)?.problems).toHaveLength(1);
    // The preview wrote nothing.
    expect(await db.metricValue.count()).toBe(before);
    expect(await db.importChange.count({ where: { importId: id } })).toBe(0);
    expect(await db.importBatch.count({ where: { importId: id } })).toBe(0);

    const done = await run(id, { skipInvalid: true });
    expect(done).toMatchObject({ status: "COMPLETED", created: preview.items, skipped: 1 });
  });

  it("fails the whole file on one bad row, naming the line and column, and writes nothing", async () => {
    const before = await db.metricValue.count();
    const id = await upload("team,metric,week,value\npayments,escaped_defects,2026-01-05,2\npayments,escaped_defects,2026-01-12,two\n");
    const preview = await previewImport(id, {}, actor(), admin);
    expect(preview.problems).toEqual([{ line: 3, column: "value", message: '"two" is not a number (this file writes numbers like 1234.5 or 1,234.5).' }]);
    const failed = await run(id);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toBe('Line 3, column "value": "two" is not a number (this file writes numbers like 1234.5 or 1,234.5). Nothing was imported.');
    expect(await db.metricValue.count()).toBe(before);
  });

  it("rolls back rows already written when the write path refuses a later one", async () => {
    const before = await db.metricValue.count();
    // 2.5 defects passes the file checks but the metric only takes whole numbers.
    const id = await upload("team,metric,week,value\npayments,escaped_defects,2025-12-01,1\npayments,escaped_defects,2025-12-08,2.5\n");
    const failed = await run(id);
    expect(failed).toMatchObject({ status: "FAILED", created: 0 });
    expect(failed.error).toBe('Line 3, column "value": Must be a whole number. Nothing was imported.');
    expect(await db.metricValue.count()).toBe(before);
  });

  it("skips invalid rows when asked and lists them as rejects", async () => {
    const id = await upload(
      ["team,metric,week,value", "payments,escaped_defects,2025-11-03,1", "nowhere,escaped_defects,2025-11-03,1", "payments,escaped_defects,2025-11-10,2.5", "payments,escaped_defects,2025-W47,1"].join("\n"),
    );
    const done = await run(id, { skipInvalid: true });
    expect(done).toMatchObject({ status: "COMPLETED", created: 2, skipped: 2 });
    const summary = await getImport(id, { user: admin });
    expect(summary.rejects).toEqual([
      { line: 3, column: "team", message: 'Unknown team "nowhere". Create it first, or choose "create unknown teams and metrics".' },
      { line: 4, column: "value", message: "Must be a whole number." },
    ]);
    expect(await valueOf(payments, "2025-11-17")).toMatchObject({ value: 1 });
  });

  it("undo restores the values an import changed and deletes those it created", async () => {
    await db.metricValue.create({ data: { metricId: defects, teamId: payments, weekStart: new Date("2025-10-06"), value: 5, note: "manual", source: "MANUAL" } });
    const id = await upload("team,metric,week,value,note\npayments,escaped_defects,2025-10-06,6,recount\npayments,escaped_defects,2025-10-13,5,\n");
    expect(await run(id)).toMatchObject({ status: "COMPLETED", created: 1, updated: 1 });
    expect(await valueOf(payments, "2025-10-06")).toMatchObject({ value: 6, note: "recount", version: 2 });
    expect(await undoImport(id, actor(), admin, NOW)).toEqual({ restored: 1, deleted: 1 });
    expect(await valueOf(payments, "2025-10-06")).toMatchObject({ value: 5, note: "manual", version: 3, source: "MANUAL", importId: null });
    expect(await valueOf(payments, "2025-10-13")).toBeNull();
    expect((await getImport(id, { user: admin })).status).toBe("UNDONE");
  });

  it("refuses to undo when a newer change touched the same value", async () => {
    const id = await upload("team,metric,week,value\npayments,escaped_defects,2025-09-01,2\n");
    await run(id);
    await db.metricValue.updateMany({ where: { metricId: defects, teamId: payments, weekStart: new Date("2025-09-01") }, data: { value: 3, version: { increment: 1 }, importId: null } });
    await expect(undoImport(id, actor(), admin, NOW)).rejects.toThrow(/newer changes touched 1 of its rows/);
    expect(await valueOf(payments, "2025-09-01")).toMatchObject({ value: 3 });
  });
});

describe("an import cut off by a server stop", () => {
  it("reads as failed once its transaction's limit has passed, and can be run again", async () => {
    const id = await upload("team,metric,week,value,note\npayments,escaped_defects,2026-01-05,2,\n");
    // What a SIGKILL mid-run leaves: marked running, nothing written (the transaction rolled back).
    await db.import.update({ where: { id }, data: { status: "RUNNING", startedAt: new Date(Date.now() - 30 * 60_000) } });
    expect((await getImport(id, { user: admin })).status).toBe("RUNNING");
    await expect(run(id)).rejects.toThrow(/running; it cannot be run again/);
    await db.import.update({ where: { id }, data: { startedAt: new Date(NOW.getTime() - 2 * 3600_000) } });
    expect(await getImport(id, { user: admin })).toMatchObject({ status: "FAILED", error: expect.stringMatching(/interrupted/) });
    expect(await run(id, {})).toMatchObject({ status: "COMPLETED", created: 1 });
    expect(await valueOf(payments, "2026-01-05")).toMatchObject({ value: 2, importId: id });
  });
});

describe("metric values, wide format", () => {
  it("imports one value per metric column and skips empty cells", async () => {
    const id = await upload("team;week;escaped_defects;SLO attainment\npayments;2025-08-04;1;99,5\npayments;2025-08-11;;98\n", "metric-values-wide");
    const preview = await previewImport(id, {}, actor(), admin);
    expect(preview.mapping).toEqual({ team: 0, week: 1, "metric:escaped_defects": 2, "metric:slo_attainment": 3 });
    expect(preview.items).toBe(3);
    const refused = await upload("team,week,escaped_defects\npayments,2025-08-18,1.5\n", "metric-values-wide");
    expect((await run(refused)).error).toBe('Line 2, column "escaped_defects": Must be a whole number. Nothing was imported.');
    expect(await run(id)).toMatchObject({ status: "COMPLETED", created: 3 });
    const pages = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    const stored = await db.metricValue.findMany({ where: { metricId: pages.id, teamId: payments }, orderBy: { weekStart: "asc" }, select: { value: true } });
    expect(stored.map((s) => s.value)).toEqual([99.5, 98]);
  });
});

describe("teams and groups", () => {
  it("creates the group tree with parents later in the file, then teams; re-import is a no-op", async () => {
    const groups = await upload("slug,name,parent\nmobile,Mobile,product\nproduct,Product,\n", "groups", "groups.csv");
    expect(await run(groups)).toMatchObject({ status: "COMPLETED", created: 2 });
    const mobile = await db.group.findUniqueOrThrow({ where: { slug: "mobile" }, include: { parent: true } });
    expect(mobile.parent?.slug).toBe("product");
    const teams = await upload("slug,name,group,location,sourcing\nios,iOS,Mobile,Porto,nearshore\n", "teams", "teams.csv");
    expect(await run(teams)).toMatchObject({ status: "COMPLETED", created: 1 });
    expect(await db.team.findUniqueOrThrow({ where: { slug: "ios" } })).toMatchObject({ name: "iOS", groupId: mobile.id, sourcing: "NEARSHORE", location: "Porto" });
    const again = await upload("slug,name,group,location,sourcing\nios,iOS,Mobile,Porto,nearshore\n", "teams", "teams.csv");
    expect(await run(again)).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 1 });
  });

  it("moves and renames stored groups beside new ones, refuses a cycle, and undo puts the tree back", async () => {
    const labs = await db.group.create({ data: { name: "Labs", slug: "labs" } });
    await db.group.create({ data: { name: "Bots", slug: "bots", parentId: labs.id } });
    const tree = async () =>
      Object.fromEntries((await db.group.findMany({ where: { slug: { in: ["labs", "bots", "kits", "docs"] } }, include: { parent: true } })).map((g) => [g.slug, `${g.name} < ${g.parent?.slug ?? "-"}`]));
    const before = await tree();
    expect(before).toEqual({ labs: "Labs < -", bots: "Bots < labs" });

    // A new group, a stored one moved under it and renamed, a new one under it by name, an unchanged one.
    const id = await upload("slug,name,parent\nkits,Kits,labs\nbots,Bots team,kits\ndocs,Docs,Kits\nlabs,Labs,\n", "groups", "groups.csv");
    expect(await run(id)).toMatchObject({ status: "COMPLETED", created: 2, updated: 1, unchanged: 1 });
    const after = { labs: "Labs < -", kits: "Kits < labs", bots: "Bots team < kits", docs: "Docs < kits" };
    expect(await tree()).toEqual(after);
    const audit = await db.auditLog.findMany({ where: { action: "import", entityType: "Group" }, orderBy: { id: "asc" }, select: { summary: true } });
    expect(audit.map((a) => a.summary).slice(-3)).toEqual(['Group "Kits" created by an import', 'Group "Docs" created by an import', 'Group "Bots team" updated by an import']);

    // Labs under Docs, which sits under Kits, which sits under Labs.
    const refused = await run(await upload("slug,name,parent\nlabs,Labs,docs\n", "groups", "groups.csv"));
    expect(refused.status).toBe("FAILED");
    expect(refused.error).toContain('Making "docs" the parent of "Labs" would put the group inside itself.');
    expect(await tree()).toEqual(after);

    await undoImport(id, actor(), admin, NOW);
    expect(await tree()).toEqual(before);
  });
});

describe("malformed files", () => {
  it("refuses a spreadsheet before storing anything", async () => {
    const before = await db.import.count();
    await expect(upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "metric-values", "values.xlsx")).rejects.toThrow(/not a CSV file/);
    await expect(upload(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), "metric-values", "values.csv")).rejects.toThrow(/Excel workbook/);
    expect(await db.import.count()).toBe(before);
  });

  it.each([
    ["binary", new Uint8Array([...new TextEncoder().encode("team,metric,week,value\npayments,escaped_defects,2025-07-07,1\n"), 0, 1, 2]), /binary data \(a NUL byte/],
    ["wrong encoding", new Uint8Array([...new TextEncoder().encode("team,metric,week,value,note\npayments,escaped_defects,2025-07-07,1,caf"), 0xe9, 0x0a]), /not valid UTF-8/],
    ["huge field", `team,metric,week,value,note\npayments,escaped_defects,2025-07-07,1,"${"x".repeat(100_001)}"\n`, /too long|longer/i],
    ["unclosed quote", `team,metric,week,value,note\npayments,escaped_defects,2025-07-07,1,"open\n`, /never closed/],
  ])("%s file: refused while it is uploaded, nothing stored", async (_name, content, message) => {
    const before = { imports: await db.import.count(), chunks: await db.importChunk.count() };
    await expect(upload(content)).rejects.toThrow(message);
    expect({ imports: await db.import.count(), chunks: await db.importChunk.count() }).toEqual(before);
  });

  it.each([
    ["ragged", "team,metric,week,value\npayments,escaped_defects,2025-07-07,1,extra\n", /Line 2 has 5 values but the header has 4 columns/],
  ])("%s file: clear error, database unchanged", async (_name, content, message) => {
    const before = await db.metricValue.count();
    const id = await upload(content);
    const preview = await previewImport(id, {}, actor(), admin);
    expect(preview.fileError?.message).toMatch(message);
    const failed = await run(id);
    expect(failed.status).toBe("FAILED");
    expect(failed.error).toMatch(message);
    expect(await db.metricValue.count()).toBe(before);
  });
});

describe("survey results, AI-tool usage and learning records", () => {
  it("stores survey aggregates with respondents and withholds nothing at import", async () => {
    const id = await upload("team,week,metric,score,respondents\npayments,2026-02-04,psych_safety,5.5,9\nSearch Team,2026-02-04,psych_safety,4,3\n", "survey-results", "survey.csv");
    expect(await run(id)).toMatchObject({ status: "COMPLETED", created: 2 });
    const safety = await db.metricDefinition.findUniqueOrThrow({ where: { key: "psych_safety" } });
    const stored = await db.metricValue.findFirstOrThrow({ where: { metricId: safety.id, teamId: payments } });
    expect(stored).toMatchObject({ value: 5.5, numerator: 49.5, denominator: 9 });
    // Org roll-up: respondent-weighted (5.5 × 9 + 4 × 3) / 12 = 5.125.
    const rollup = await db.metricRollup.findFirstOrThrow({ where: { metricId: safety.id, scopeType: "ORG", weekStart: stored.weekStart } });
    expect(rollup.value).toBeCloseTo(5.125, 6);
  });

  it("upserts AI-tool usage on tool, team and date", async () => {
    const file = "tool,team,date,seats,active users,acceptances\nCopilot,payments,2026-02-10,12,10,380\ncopilot,payments,2026-02-11,12,9,\n";
    expect(await run(await upload(file, "ai-usage", "ai.csv"))).toMatchObject({ status: "COMPLETED", created: 2 });
    expect(await run(await upload(file.replace("12,9,", "12,11,"), "ai-usage", "ai.csv"))).toMatchObject({ status: "COMPLETED", updated: 1, unchanged: 1 });
    const row = await db.aiUsage.findFirstOrThrow({ where: { tool: "copilot", date: new Date("2026-02-11") } });
    expect(row).toMatchObject({ seats: 12, activeUsers: 11, acceptances: null });
  });

  it("imports learning records idempotently and undoes them", async () => {
    const file = "team,employee id,date,hours,spend,category,title\npayments,E1,2026-01-20,6,450,course,Kubernetes\n";
    const first = await upload(file, "learning", "learning.csv");
    expect(await run(first)).toMatchObject({ status: "COMPLETED", created: 1 });
    expect(await run(await upload(file, "learning", "learning.csv"))).toMatchObject({ status: "COMPLETED", unchanged: 1 });
    expect(await undoImport(first, actor(), admin, NOW)).toEqual({ restored: 0, deleted: 1 });
    expect(await db.learningRecord.count()).toBe(0);
  });
});
