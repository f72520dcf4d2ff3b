import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/**
 * The whole-database statements behind backup and restore (services/backup.ts). Rows stay PostgreSQL's own
 * JSON text (`row_to_json`) end to end and go back in through `json_populate_recordset`.
 */
const ident = (name: string) => `"${name.replace(/"/g, "\"\"")}"`;

/** The application's tables (not the migration ledger), in no particular order. */
export async function listApplicationTables(runner: SqlRunner): Promise<string[]> {
  const rows = await runner.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'`,
  );
  return rows.map((r) => r.name);
}

/** Every foreign key of the schema, as child table → parent table. */
export async function listForeignKeyEdges(runner: SqlRunner): Promise<{ child: string; parent: string }[]> {
  return runner.query<{ child: string; parent: string }>(
    `SELECT cl.relname AS child, pl.relname AS parent FROM pg_constraint co
     JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_class pl ON pl.oid = co.confrelid
     JOIN pg_namespace n ON n.oid = cl.relnamespace
     WHERE co.contype = 'f' AND n.nspname = current_schema()`,
  );
}

/** The finished, not rolled back migrations, by name. */
export async function listAppliedMigrations(runner: SqlRunner): Promise<string[]> {
  const rows = await runner.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}

/** Row count and an order-independent checksum (md5 of the sorted row JSON) of one table. */
export async function tableCountAndChecksum(runner: SqlRunner, table: string): Promise<{ rows: number; checksum: string }> {
  const [row] = await runner.query<{ rows: number; checksum: string | null }>(
    `SELECT count(*)::int AS rows, md5(coalesce(string_agg(j, E'\\n' ORDER BY j), '')) AS checksum
       FROM (SELECT row_to_json(t)::text AS j FROM ${ident(table)} t) s`,
  );
  return { rows: Number(row?.rows ?? 0), checksum: row?.checksum ?? "" };
}

/** Makes the runner's (just opened) transaction one read-only snapshot. */
export async function useReadOnlySnapshot(runner: SqlRunner): Promise<void> {
  await runner.query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
}

/**
 * A table's rows as JSON text, `batchSize` at a time through a cursor (inside the runner's transaction).
 * `scrambled`: in an order unrelated to how they were stored.
 */
export async function* tableRowsAsJson(runner: SqlRunner, table: string, options: { scrambled: boolean; batchSize: number }): AsyncGenerator<string[]> {
  const order = options.scrambled ? " ORDER BY md5(row_to_json(t)::text)" : "";
  await runner.query(`DECLARE pillars_backup NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${ident(table)} t${order}`);
  for (;;) {
    const rows = await runner.query<{ j: string }>(`FETCH ${options.batchSize} FROM pillars_backup`);
    if (rows.length === 0) break;
    yield rows.map((r) => r.j);
  }
  await runner.query("CLOSE pillars_backup");
}

/** People plus teams: how much of an organisation the database holds. */
export async function countPeopleAndTeams(runner: SqlRunner): Promise<number> {
  const [row] = await runner.query<{ n: number }>(`SELECT ((SELECT count(*) FROM "User") + (SELECT count(*) FROM "Team"))::int AS n`);
  return Number(row?.n ?? 0);
}

export async function currentUserIsSuperuser(runner: SqlRunner): Promise<boolean> {
  const [{ superuser } = { superuser: false }] = await runner.query<{ superuser: boolean }>(`SELECT rolsuper AS superuser FROM pg_roles WHERE rolname = current_user`);
  return superuser;
}

/** Foreign keys are not checked row by row for the rest of the transaction (superusers only). */
export async function skipForeignKeyChecksLocally(runner: SqlRunner): Promise<void> {
  await runner.query("SET LOCAL session_replication_role = replica");
}

export async function truncateTables(runner: SqlRunner, tables: string[]): Promise<void> {
  await runner.exec(`TRUNCATE ${tables.map(ident).join(", ")} RESTART IDENTITY CASCADE`);
}

/** Inserts rows given as PostgreSQL row JSON into `table`. */
export async function insertRowsFromJson(runner: SqlRunner, table: string, rowsJson: string[]): Promise<void> {
  await runner.query(`INSERT INTO ${ident(table)} SELECT * FROM json_populate_recordset(null::${ident(table)}, $1::json)`, [`[${rowsJson.join(",")}]`]);
}

/** Identity and serial columns continue after the ids the tables now hold. */
export async function resetIdentitySequences(runner: SqlRunner): Promise<void> {
  const columns = await runner.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
     WHERE table_schema = current_schema() AND (column_default LIKE 'nextval(%' OR is_identity = 'YES')`,
  );
  for (const { table_name: table, column_name: column } of columns) {
    await runner.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), coalesce((SELECT max(${ident(column)}) FROM ${ident(table)}), 0) + 1, false)`,
      [ident(table), column],
    );
  }
}
