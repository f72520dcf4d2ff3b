/**
 * Integration tests run once on the embedded database (in memory) and, when DATABASE_URL is set by
 * scripts/test.mjs, once on PostgreSQL. On PostgreSQL the database is migrated here, once per run.
 */
import pg from "pg";

export default async function setup(): Promise<void> {
  if (!process.env.DATABASE_URL) return;
  const { applyMigrations } = await import("@/lib/server/migrate");
  const { pgClientRunner } = await import("@/lib/server/sql-runner");
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await applyMigrations(pgClientRunner(client), { advisoryLock: true });
  } finally {
    await client.end();
  }
  // The job queue's schema, as `pillars migrate` installs it (graphile-worker's own migrations).
  const { runMigrations } = await import("graphile-worker");
  await runMigrations({ connectionString: process.env.DATABASE_URL });
}
