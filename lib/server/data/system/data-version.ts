import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/** The organisation's data version (the `pillars_data_version` sequence), as text. */
export async function readDataVersion(runner: SqlRunner): Promise<string> {
  const [row] = await runner.query<{ version: string }>(`SELECT "last_value"::text AS "version" FROM "pillars_data_version"`);
  return row.version;
}

/**
 * The data version, read first (FROM before the select list), then how many other sessions of this database
 * hold a transaction id, i.e. have written and not yet committed or rolled back. PostgreSQL only.
 */
export async function readDataVersionWithWriters(runner: SqlRunner): Promise<{ version: string; busy: number }> {
  const [row] = await runner.query<{ version: string; busy: number }>(
    `SELECT v."version",
            (SELECT count(*) FROM pg_stat_activity
             WHERE "datname" = current_database() AND "backend_xid" IS NOT NULL AND "pid" <> pg_backend_pid())::int AS "busy"
     FROM (SELECT "last_value"::text AS "version" FROM "pillars_data_version" OFFSET 0) v`,
  );
  return row;
}
