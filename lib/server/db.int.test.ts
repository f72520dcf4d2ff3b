import { describe, expect, it } from "vitest";
import { BUILT_IN_METRICS } from "@/lib/metrics/catalog";
import { db, sqlRunner } from "./db";
import { applyMigrations, readMigrations } from "./migrate";

describe("database", () => {
  it("records every migration in _prisma_migrations with Prisma's checksum", async () => {
    const runner = await sqlRunner();
    const rows = await runner.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    const files = readMigrations();
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    const result = await applyMigrations(await sqlRunner(), { advisoryLock: false });
    expect(result.applied).toEqual([]);
  });

  it("refuses a migration whose file changed after it was applied", async () => {
    const [first] = readMigrations();
    await expect(
      applyMigrations(await sqlRunner(), { advisoryLock: false, migrations: [{ ...first, checksum: "0".repeat(64) }] }),
    ).rejects.toThrow(/modified after it was applied/);
  });

  it("stores and returns bytes exactly, in and outside a transaction", async () => {
    const every = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const imported = await db.import.create({ data: { kind: "metric-values", fileName: "bytes.csv", fileSize: every.length } });
    await db.importChunk.create({ data: { importId: imported.id, seq: 0, data: every } });
    await db.$transaction((tx) => tx.importChunk.create({ data: { importId: imported.id, seq: 1, data: new Uint8Array(0) } }));
    const read = async (seq: number) => (await db.importChunk.findUniqueOrThrow({ where: { importId_seq: { importId: imported.id, seq } } })).data;
    const first = await read(0);
    expect([...first]).toEqual([...every]);
    expect((await read(1)).byteLength).toBe(0);
    const inTransaction = await db.$transaction((tx) => tx.importChunk.findUniqueOrThrow({ where: { importId_seq: { importId: imported.id, seq: 0 } } }));
    expect([...inTransaction.data]).toEqual([...every]);
  });

  it("seeds the built-in catalog", async () => {
    const keys = (await db.metricDefinition.findMany({ select: { key: true } })).map((m) => m.key).sort();
    expect(keys).toEqual(BUILT_IN_METRICS.map((m) => m.key).sort());
  });

  it("enforces one value per metric, team and week", async () => {
    const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
    const team = await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
    const metric = await db.metricDefinition.findUniqueOrThrow({ where: { key: "slo_attainment" } });
    const data = { metricId: metric.id, teamId: team.id, weekStart: new Date("2026-03-02"), value: 99 };
    await db.metricValue.create({ data });
    await expect(db.metricValue.create({ data })).rejects.toMatchObject({ code: "P2002" });
  });
});
