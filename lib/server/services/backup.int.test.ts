import { describe, expect, it } from "vitest";
import { dataVersion } from "@/lib/server/cache";
import { db, sqlRunner } from "@/lib/server/db";
import { resetDatabase } from "@/lib/testing/reset";
import { BackupError, restoreBackup, summarizeTables, topologicalOrder, writeBackup } from "./backup";

async function* linesOf(text: string): AsyncIterable<string> {
  for (const line of text.split("\n")) yield line;
}

async function backupText(): Promise<{ text: string; summary: Awaited<ReturnType<typeof writeBackup>> }> {
  const chunks: string[] = [];
  const summary = await writeBackup(await sqlRunner(), (c) => {
    chunks.push(c);
  });
  return { text: chunks.join(""), summary };
}

/** A small organisation touching the awkward cases: a group tree, floats, notes with tabs and newlines, bytes, JSON, ids from a sequence. */
async function seedOrganisation(): Promise<void> {
  const parent = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const child = await db.group.create({ data: { name: "Payments \"core\"", slug: "payments", parentId: parent.id } });
  const team = await db.team.create({ data: { name: "Ledger\tteam ✓", slug: "ledger", groupId: child.id, location: "Lisbon" } });
  const user = await db.user.create({ data: { email: "m@example.test", name: "Mira", role: "MANAGER", passwordHash: "scrypt$x" } });
  await db.teamManager.create({ data: { userId: user.id, teamId: team.id } });
  const metric = await db.metricDefinition.findFirstOrThrow({ where: { key: "slo_attainment" } });
  await db.metricValue.create({ data: { metricId: metric.id, teamId: team.id, weekStart: new Date("2025-01-06"), value: 0.1 + 0.2, note: "line one\nline two\t\"quoted\" \\ back" } });
  await db.metricValue.create({ data: { metricId: metric.id, teamId: team.id, weekStart: new Date("2025-01-13"), value: -1e-12 } });
  const upload = await db.import.create({ data: { kind: "metric-values", fileName: "x.csv", fileSize: 4, mapping: { a: [1, null, "é"] } } });
  await db.importChunk.create({ data: { importId: upload.id, seq: 0, data: Buffer.from([0, 1, 255, 10, 9]) } });
}

describe("backup and restore", () => {
  it("orders tables parents first", () => {
    expect(topologicalOrder(["Team", "Group", "MetricValue", "Metric"], [
      { child: "Team", parent: "Group" },
      { child: "MetricValue", parent: "Team" },
      { child: "MetricValue", parent: "Metric" },
      { child: "Group", parent: "Group" },
    ])).toEqual(["Group", "Metric", "Team", "MetricValue"]);
    expect(() => topologicalOrder(["A", "B"], [{ child: "A", parent: "B" }, { child: "B", parent: "A" }])).toThrow(BackupError);
  });

  it("round-trips the whole database: backup, reset, restore give identical counts and checksums per table", async () => {
    await seedOrganisation();
    const { text, summary } = await backupText();
    expect(summary.Team).toEqual({ rows: 1, checksum: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(summary.MetricValue!.rows).toBe(2);
    expect(text.split("\n")[0]).toMatch(/^#pillars-backup\t\{"version":1/);

    await resetDatabase();
    expect((await summarizeTables(await sqlRunner())).Team!.rows).toBe(0);
    const before = await Promise.all([dataVersion("data"), dataVersion("disclosure")]);
    const restored = await restoreBackup(await sqlRunner(), linesOf(text));
    expect(restored).toEqual(summary);
    // Every instance sees the restore: both versions moved, so nothing kept from before it is used again.
    const after = await Promise.all([dataVersion("data"), dataVersion("disclosure")]);
    expect(after.map((v, i) => BigInt(v.version) > BigInt(before[i].version))).toEqual([true, true]);
    expect(await summarizeTables(await sqlRunner())).toEqual(summary);

    const value = await db.metricValue.findFirstOrThrow({ where: { weekStart: new Date("2025-01-06") } });
    expect(value.value).toBe(0.1 + 0.2);
    expect(value.note).toBe("line one\nline two\t\"quoted\" \\ back");
    expect([...(await db.importChunk.findFirstOrThrow()).data]).toEqual([0, 1, 255, 10, 9]);
    // The id sequence continues after the restored rows.
    const team = await db.team.findFirstOrThrow();
    const metric = await db.metricDefinition.findFirstOrThrow({ where: { key: "slo_attainment" } });
    const next = await db.metricValue.create({ data: { metricId: metric.id, teamId: team.id, weekStart: new Date("2025-01-20"), value: 1 } });
    expect(next.id).toBeGreaterThan(value.id);
  });

  it("refuses a database that already holds an organisation unless forced", async () => {
    const { text, summary } = await backupText();
    await db.team.update({ where: { slug: "ledger" }, data: { name: "Changed after the backup" } });
    await expect(restoreBackup(await sqlRunner(), linesOf(text))).rejects.toThrow(/already holds an organisation/);
    expect((await db.team.findFirstOrThrow()).name).toBe("Changed after the backup");
    await restoreBackup(await sqlRunner(), linesOf(text), { force: true });
    expect((await db.team.findFirstOrThrow()).name).toBe("Ledger\tteam ✓");
    expect(await summarizeTables(await sqlRunner())).toEqual(summary);
  });

  it("a cut-off or altered file changes nothing", async () => {
    const { text } = await backupText();
    const before = await summarizeTables(await sqlRunner());
    const cut = text.split("\n").slice(0, -3).join("\n");
    await expect(restoreBackup(await sqlRunner(), linesOf(cut), { force: true })).rejects.toThrow(/incomplete/);
    const altered = text.replace("Mira", "Eve!");
    await expect(restoreBackup(await sqlRunner(), linesOf(altered), { force: true })).rejects.toThrow(/differs from the backup in User/);
    await expect(restoreBackup(await sqlRunner(), linesOf("name,value\n"), { force: true })).rejects.toThrow(/not a backup record|not a Pillars backup/);
    expect(await summarizeTables(await sqlRunner())).toEqual(before);
  });
});
