import pg from "pg";
import { describe, expect, it } from "vitest";
import { cachedByDataVersion, cachedByDisclosureVersion, dashboardKey, dataVersion, DISCLOSURE_UNVERSIONED_TABLES, UNVERSIONED_TABLES } from "@/lib/server/cache";
import { databaseKind, db, sqlRunner } from "@/lib/server/db";

describe("data version", () => {
  // Each sequence is moved by a statement trigger on every table but those its list names: the data version by
  // what any dashboard reads, the disclosure version by what a disclosure decision reads (versioning.int.test.ts).
  it.each([
    ["pillars_data_version", UNVERSIONED_TABLES],
    ["pillars_disclosure_version", DISCLOSURE_UNVERSIONED_TABLES],
  ] as const)("%s is advanced by every table but those listed", async (trigger, unversioned) => {
    const runner = await sqlRunner();
    const tables = await runner.query<{ tablename: string; versioned: boolean }>(
      `SELECT t.tablename, EXISTS (SELECT 1 FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
                                   WHERE c.relname = t.tablename AND g.tgname = $1) AS versioned
       FROM pg_tables t WHERE t.schemaname = current_schema()`,
      [trigger],
    );
    expect(tables.length).toBeGreaterThan(40);
    for (const t of tables) {
      expect({ table: t.tablename, versioned: t.versioned }).toEqual({ table: t.tablename, versioned: !(unversioned as readonly string[]).includes(t.tablename) });
    }
  });

  it("keeps a result until a write changes the data, then computes again", async () => {
    let computed = 0;
    const key = dashboardKey("test", { scope: "org", range: "6m" });
    const compute = async () => ({ run: ++computed, groups: await db.group.count() });
    expect(await cachedByDataVersion(key, compute)).toEqual({ run: 1, groups: 0 });
    expect(await cachedByDataVersion(key, compute)).toEqual({ run: 1, groups: 0 });
    // Writes to tables no dashboard reads leave it alone…
    await db.auditLog.create({ data: { actorLabel: "test", action: "test", entityType: "Test", entityId: "1" } });
    expect(await cachedByDataVersion(key, compute)).toEqual({ run: 1, groups: 0 });
    // …a group appearing does not.
    await db.group.create({ data: { name: "New", slug: "new-group" } });
    expect(await cachedByDataVersion(key, compute)).toEqual({ run: 2, groups: 1 });
    expect(await cachedByDataVersion(dashboardKey("test", { range: "6m", scope: "org" }), compute)).toEqual({ run: 2, groups: 1 });
    expect(await cachedByDataVersion(dashboardKey("test", { scope: "org", range: "1y" }), compute)).toEqual({ run: 3, groups: 1 });
  });

  it("keeps disclosure inputs across a write of delivery data, not across a change of the organisation", async () => {
    let data = 0;
    let disclosure = 0;
    const read = async () => [
      await cachedByDataVersion("test:data", async () => ++data),
      await cachedByDisclosureVersion("test:disclosure", async () => ++disclosure),
    ];
    expect(await read()).toEqual([1, 1]);
    await db.metricRollup.deleteMany({ where: { scopeId: "nothing" } });
    expect(await read()).toEqual([2, 1]);
    await db.group.create({ data: { name: "Another", slug: "another-group" } });
    expect(await read()).toEqual([3, 2]);
  });

  it("computes a view once for the requests that miss together", async () => {
    let computed = 0;
    const slow = async () => {
      computed++;
      await new Promise((r) => setTimeout(r, 50));
      return { run: computed };
    };
    const key = dashboardKey("burst", {});
    const answers = await Promise.all(Array.from({ length: 10 }, () => cachedByDataVersion(key, slow)));
    expect(computed).toBe(1);
    expect(answers.every((a) => a === answers[0])).toBe(true);
  });

  it.skipIf(databaseKind === "embedded")("keeps what it computed beside a writer only until that writer commits", async () => {
    const writer = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await writer.connect();
    try {
      await writer.query("BEGIN");
      await writer.query(`INSERT INTO "Group" ("id", "name", "slug", "updatedAt") VALUES ('g-pending', 'Pending', 'pending', now())`);
      const [{ xid }] = (await writer.query<{ xid: string }>("SELECT pg_current_xact_id_if_assigned()::text AS xid")).rows;
      expect((await dataVersion()).writers.split(",")).toContain(xid);
      let computed = 0;
      const key = dashboardKey("pending", {});
      const compute = async () => ({ run: ++computed, groups: await db.group.count() });
      const before = await cachedByDataVersion(key, compute);
      // The writer still open and nothing else committed: the committed data is the same, the result too.
      expect(await cachedByDataVersion(key, compute)).toEqual(before);
      // A second writer that moves no version (job bookkeeping) comes and goes: still the same result.
      const bookkeeper = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await bookkeeper.connect();
      await bookkeeper.query("BEGIN");
      await bookkeeper.query(`INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId") VALUES ('test', 'test', 'Test', '1')`);
      expect(await cachedByDataVersion(key, compute)).toEqual(before);
      await bookkeeper.query("COMMIT");
      await bookkeeper.end();
      expect(await cachedByDataVersion(key, compute)).toEqual(before);
      // It writes again: the version moves.
      await writer.query(`INSERT INTO "Group" ("id", "name", "slug", "updatedAt") VALUES ('g-pending-2', 'Pending 2', 'pending-2', now())`);
      const again = await cachedByDataVersion(key, compute);
      expect(again).toEqual({ run: before.run + 1, groups: before.groups });
      await writer.query("COMMIT");
      // The commit moved no version, but the writer left the set: what was computed without its rows is not used.
      const after = await cachedByDataVersion(key, compute);
      expect(after).toEqual({ run: again.run + 1, groups: before.groups + 2 });
      expect(await cachedByDataVersion(key, compute)).toEqual(after);
      // A result computed with no writer about stays good while an unrelated writer is open.
      const idle = await cachedByDataVersion(dashboardKey("idle", {}), compute);
      await writer.query("BEGIN");
      await writer.query(`INSERT INTO "AuditLog" ("actorLabel", "action", "entityType", "entityId") VALUES ('test', 'test', 'Test', '2')`);
      expect(await cachedByDataVersion(dashboardKey("idle", {}), compute)).toEqual(idle);
      await writer.query("ROLLBACK");
    } finally {
      await writer.end();
    }
  });
});
