import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/** The organisation's data version (the `pillars_data_version` sequence), as text. */
export async function readDataVersion(runner: SqlRunner): Promise<string> {
  const [row] = await runner.query<{ version: string }>(`SELECT "last_value"::text AS "version" FROM "pillars_data_version"`);
  return row.version;
}

/**
 * The data version, read first (FROM before the select list), then the transaction ids other sessions of this
 * database hold — those that have written and not yet committed or rolled back — sorted and comma-separated
 * ("" when none). PostgreSQL only.
 */
export async function readDataVersionWithWriters(runner: SqlRunner): Promise<{ version: string; writers: string }> {
  const [row] = await runner.query<{ version: string; writers: string | null }>(
    `SELECT v."version",
            (SELECT string_agg("backend_xid"::text, ',' ORDER BY "backend_xid"::text) FROM pg_stat_activity
             WHERE "datname" = current_database() AND "backend_xid" IS NOT NULL AND "pid" <> pg_backend_pid()) AS "writers"
     FROM (SELECT "last_value"::text AS "version" FROM "pillars_data_version" OFFSET 0) v`,
  );
  return { version: row.version, writers: row.writers ?? "" };
}
