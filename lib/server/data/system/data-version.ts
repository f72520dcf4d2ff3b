import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/** The sequences a version is read from: every dashboard write, or those that can change a disclosure decision. */
export const VERSION_SEQUENCES = { data: "pillars_data_version", disclosure: "pillars_disclosure_version" } as const;
export type VersionKind = keyof typeof VERSION_SEQUENCES;

/** The organisation's data version (or disclosure version), as text. */
export async function readDataVersion(runner: SqlRunner, kind: VersionKind = "data"): Promise<string> {
  const [row] = await runner.query<{ version: string }>(`SELECT "last_value"::text AS "version" FROM "${VERSION_SEQUENCES[kind]}"`);
  return row.version;
}

/**
 * The data version (or disclosure version), read first (FROM before the select list), then the transaction ids
 * other sessions of this database hold — those that have written and not yet committed or rolled back — sorted
 * and comma-separated ("" when none). PostgreSQL only.
 */
export async function readDataVersionWithWriters(runner: SqlRunner, kind: VersionKind = "data"): Promise<{ version: string; writers: string }> {
  const [row] = await runner.query<{ version: string; writers: string | null }>(
    `SELECT v."version",
            (SELECT string_agg("backend_xid"::text, ',' ORDER BY "backend_xid"::text) FROM pg_stat_activity
             WHERE "datname" = current_database() AND "backend_xid" IS NOT NULL AND "pid" <> pg_backend_pid()) AS "writers"
     FROM (SELECT "last_value"::text AS "version" FROM "${VERSION_SEQUENCES[kind]}" OFFSET 0) v`,
  );
  return { version: row.version, writers: row.writers ?? "" };
}

/**
 * Advances both versions, for a writer whose statements fire no triggers (a restore skips them to load rows in
 * any order): every instance then computes its dashboards and disclosure inputs again.
 */
export async function advanceVersions(runner: SqlRunner): Promise<void> {
  await runner.query(`SELECT ${Object.values(VERSION_SEQUENCES).map((s) => `nextval('"${s}"')`).join(", ")}`);
}
