import "server-only";
import type { SqlRunner } from "@/lib/server/data/runner";

/** The cheapest round trip to the database: throws when it cannot be reached. */
export async function pingDatabase(runner: SqlRunner): Promise<void> {
  await runner.query("SELECT 1");
}
