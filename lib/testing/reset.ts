import { db, sqlRunner } from "@/lib/server/db";
import { ensureBuiltIns } from "@/lib/server/services/bootstrap";

/** Empties every table (keeping the migration history) and recreates the built-in rows. */
export async function resetDatabase(): Promise<void> {
  const runner = await sqlRunner();
  const tables = await runner.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length > 0) {
    await runner.exec(`TRUNCATE ${tables.map((t) => `"${t.tablename}"`).join(", ")} RESTART IDENTITY CASCADE`);
  }
  await ensureBuiltIns(db);
}

/**
 * Empties graphile-worker's queue (PostgreSQL only; the embedded database keeps its queue in the process). A job
 * another test file left behind, such as a connector sync retrying against a fake server that has gone, would
 * otherwise run during this file, against rows that no longer exist.
 */
export async function emptyJobQueue(): Promise<void> {
  const runner = await sqlRunner();
  const [queue] = await runner.query<{ jobs: string | null }>(`SELECT to_regclass('graphile_worker._private_jobs')::text AS jobs`);
  if (!queue?.jobs) return;
  await runner.exec(`TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues`);
}
