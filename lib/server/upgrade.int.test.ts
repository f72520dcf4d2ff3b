import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "./migrate";
import { tablesInForeignKeyOrder } from "./services/backup";
import { pgClientRunner, pgliteRunner, type SqlRunner } from "./sql-runner";

/**
 * Upgrades keep every row: a database made by the previous release — its migrations, with rows in every table —
 * is migrated to this release, and every row it held is still there with the same values. The rows are generated
 * from the old schema itself (every column of every table filled, foreign keys pointing at real parents), so a
 * migration added later is covered without touching this test; move PREVIOUS_RELEASE forward at each release.
 * Runs on the embedded database and, in the PostgreSQL pass, on a fresh PostgreSQL database.
 */
const PREVIOUS_RELEASE = "20261121150000_deployment_success_index";
const ROWS_PER_TABLE = 3;

interface Column {
  table: string;
  column: string;
  dataType: string;
  udt: string;
  nullable: boolean;
  defaulted: boolean;
}

interface ForeignKey {
  table: string;
  column: string;
  parent: string;
  parentColumn: string;
}

let cleanup: (() => Promise<void>) | null = null;

afterAll(async () => {
  await cleanup?.();
});

/** An empty database beside the test's own: in-memory PGlite, or a new PostgreSQL database dropped afterwards. */
async function freshDatabase(): Promise<SqlRunner> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const db = new PGlite();
    cleanup = () => db.close();
    return pgliteRunner(db);
  }
  const name = `pillars_upgrade_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: target.toString() });
  await client.connect();
  cleanup = async () => {
    await client.end();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  return pgClientRunner(client);
}

async function describeSchema(runner: SqlRunner) {
  const columns = (
    await runner.query<{ table: string; column: string; data_type: string; udt_name: string; is_nullable: string; column_default: string | null; is_identity: string }>(
      `SELECT table_name AS "table", column_name AS "column", data_type, udt_name, is_nullable, column_default, is_identity
       FROM information_schema.columns WHERE table_schema = current_schema() AND table_name <> '_prisma_migrations'
       ORDER BY table_name, ordinal_position`,
    )
  ).map((c): Column => ({
    table: c.table, column: c.column, dataType: c.data_type, udt: c.udt_name, nullable: c.is_nullable === "YES",
    defaulted: c.is_identity === "YES" || (c.column_default ?? "").startsWith("nextval("),
  }));
  const foreignKeys = await runner.query<ForeignKey>(
    `SELECT cl.relname AS "table", a.attname AS "column", pl.relname AS "parent", pa.attname AS "parentColumn"
     FROM pg_constraint co
     JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class pl ON pl.oid = co.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     JOIN LATERAL unnest(co.conkey, co.confkey) AS k(child_att, parent_att) ON true
     JOIN pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = k.child_att
     JOIN pg_attribute pa ON pa.attrelid = co.confrelid AND pa.attnum = k.parent_att
     WHERE co.contype = 'f' AND n.nspname = current_schema()`,
  );
  const enums = await runner.query<{ name: string; label: string }>(
    `SELECT t.typname AS name, e.enumlabel AS label FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid ORDER BY t.typname, e.enumsortorder`,
  );
  const firstLabel = new Map<string, string>();
  for (const e of enums) if (!firstLabel.has(e.name)) firstLabel.set(e.name, e.label);
  return { columns, foreignKeys, firstLabel };
}

function valueFor(c: Column, i: number, firstLabel: Map<string, string>): unknown {
  const day = `2026-01-0${i + 1}`;
  switch (c.dataType) {
    case "text":
    case "character varying":
      return `${c.table}-${c.column}-${i}`;
    case "integer":
    case "smallint":
    case "bigint":
      return i + 1;
    case "double precision":
    case "real":
    case "numeric":
      return i + 0.5;
    case "boolean":
      return i % 2 === 0;
    case "date":
      return day;
    case "timestamp without time zone":
    case "timestamp with time zone":
      return `${day}T0${i}:30:00Z`;
    case "json":
    case "jsonb":
      return JSON.stringify({ row: i, from: c.table });
    case "uuid":
      return `00000000-0000-4000-8000-00000000000${i}`;
    case "ARRAY":
      return "{}";
    case "bytea":
      return Buffer.from(`${c.table}-${i}`);
    case "USER-DEFINED":
      return firstLabel.get(c.udt) ?? null;
    default:
      throw new Error(`No fixture value for ${c.table}.${c.column} (${c.dataType})`);
  }
}

/** Fills every table of the old schema, parents first, and returns each table's rows as JSON. */
async function fill(runner: SqlRunner): Promise<Map<string, string[]>> {
  const { columns, foreignKeys, firstLabel } = await describeSchema(runner);
  const order = await tablesInForeignKeyOrder(runner);
  const inserted = new Map<string, Record<string, unknown>[]>();
  for (const table of order) {
    const cols = columns.filter((c) => c.table === table && !c.defaulted);
    for (let i = 0; i < ROWS_PER_TABLE; i++) {
      const row: Record<string, unknown> = {};
      for (const c of cols) {
        const fk = foreignKeys.find((f) => f.table === table && f.column === c.column);
        if (fk) {
          const parents = inserted.get(fk.parent) ?? [];
          row[c.column] = fk.parent === table ? null : (parents[i % Math.max(1, parents.length)]?.[fk.parentColumn] ?? null);
        } else {
          row[c.column] = valueFor(c, i, firstLabel);
        }
      }
      const names = Object.keys(row);
      const [back] = await runner.query<Record<string, unknown>>(
        `INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map((_, k) => `$${k + 1}`).join(", ")}) RETURNING *`,
        names.map((n) => row[n]),
      );
      inserted.set(table, [...(inserted.get(table) ?? []), back]);
    }
  }
  return snapshot(runner, order);
}

async function snapshot(runner: SqlRunner, tables: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const table of tables) {
    const rows = await runner.query<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM "${table}" t`);
    out.set(table, rows.map((r) => r.j).sort());
  }
  return out;
}

/** A row as JSON with only the columns the old schema had (new columns may be added with defaults). */
function restricted(json: string, keep: readonly string[]): string {
  const row = JSON.parse(json) as Record<string, unknown>;
  return JSON.stringify(Object.fromEntries(keep.map((k) => [k, row[k]])));
}

describe("upgrading a database made by the previous release", () => {
  it("migrates it to this release and keeps every row with its values", async () => {
    const all = readMigrations();
    const previous = all.filter((m) => m.name <= PREVIOUS_RELEASE);
    expect(previous.at(-1)?.name).toBe(PREVIOUS_RELEASE);
    const runner = await freshDatabase();
    await applyMigrations(runner, { advisoryLock: false, migrations: previous });
    const before = await fill(runner);
    const oldColumns = new Map<string, string[]>();
    for (const table of before.keys()) oldColumns.set(table, Object.keys(JSON.parse(before.get(table)?.[0] ?? "{}") as object));
    expect([...before.values()].every((rows) => rows.length === ROWS_PER_TABLE)).toBe(true);

    const result = await applyMigrations(runner, { advisoryLock: false, migrations: all });
    expect(result.applied).toEqual(all.filter((m) => m.name > PREVIOUS_RELEASE).map((m) => m.name));

    const after = await snapshot(runner, [...before.keys()]);
    for (const [table, rows] of before) {
      const keep = oldColumns.get(table) ?? [];
      expect(after.get(table)?.map((j) => restricted(j, keep)).sort(), table).toEqual(rows.map((j) => restricted(j, keep)).sort());
    }
  }, 120_000);
});
