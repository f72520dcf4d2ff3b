import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/**
 * What PostgreSQL's autovacuum does, done at once for the whole database: dead row versions made reusable and the
 * planner's statistics read again. Outside any transaction (VACUUM refuses to run inside one).
 */
export async function vacuumAndAnalyze(runner: SqlRunner): Promise<void> {
  await runner.exec("VACUUM (ANALYZE)");
}
