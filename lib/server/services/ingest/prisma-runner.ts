import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * The ingest writers' raw-SQL runner over a Prisma interactive transaction, so a CSV import writes
 * events with the same statements as the ingestion API, inside the import's own transaction.
 */
export function transactionRunner(tx: Prisma.TransactionClient): SqlRunner {
  const runner: SqlRunner = {
    query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params),
    async exec(script) {
      await tx.$executeRawUnsafe(script);
    },
    // Already inside the import's transaction: nested work runs in it.
    transaction: (work) => work(runner),
  };
  return runner;
}
