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
