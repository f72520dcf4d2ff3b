import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { copyIntoConnection, databaseKind, db, sqlRunner } from "@/lib/server/db";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * What a data function runs on. Data functions take a `Tx` (Prisma) or a `SqlRunner` (raw SQL) so that a
 * service can compose several of them in one transaction: `inTransaction(async (tx) => { await a(…, tx);
 * await b(…, tx); })`. Outside a transaction they default to the shared client.
 *
 * Only `lib/server/data/` imports the client (`@/lib/server/db`) or `client` below; the lint enforces it.
 * Services hold a `Tx` or `SqlRunner` only to pass it on: they write no query themselves (lint as well).
 */
export type Tx = Prisma.TransactionClient;
export type { SqlRunner };

/** The shared client, outside any transaction. For data functions' defaults only. */
export const client: Tx = db;

export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

/** Runs `work` in one Prisma interactive transaction: all or nothing. */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  return db.$transaction(work, options);
}

/**
 * Runs `work` on the shared client outside any transaction, for long reads that must not hold one open (an
 * import preview reads its whole stored file this way; the dry run that follows has its own transaction).
 */
export function outsideTransaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  return work(db);
}

/** A raw-SQL runner outside any transaction (each statement on its own; `transaction()` for a unit). */
export function openSql(): Promise<SqlRunner> {
  return sqlRunner();
}

/** Runs `work` in one raw-SQL transaction on one connection. */
export async function inSqlTransaction<T>(work: (runner: SqlRunner) => Promise<T>): Promise<T> {
  return (await sqlRunner()).transaction(work);
}

/**
 * The raw-SQL runner over a Prisma interactive transaction, so raw statements (the ingest writers, the
 * computed-value writer) run inside a Prisma transaction, e.g. a CSV import's.
 */
export function transactionRunner(tx: Tx): SqlRunner {
  const runner: SqlRunner = {
    query: <T>(sql: string, params: unknown[] = []) => tx.$queryRawUnsafe<T[]>(sql, ...params),
    async exec(script) {
      await tx.$executeRawUnsafe(script);
    },
    // Already inside the caller's transaction: nested work runs in it.
    transaction: (work) => work(runner),
    async copyFrom(target, csv) {
      const copy = await transactionCopy(tx);
      if (!copy) throw new Error("COPY inside a transaction needs PostgreSQL.");
      return copy(target, csv);
    },
  };
  return runner;
}

const copiers = new WeakMap<Tx, (target: string, csv: Iterable<string>) => Promise<number>>();

/**
 * COPY … FROM STDIN into the Prisma transaction `tx` (on its own connection, so inside it), or null where the
 * database has no such path (the embedded one: its single connection is the transaction's, reached only
 * through Prisma).
 */
export async function transactionCopy(tx: Tx): Promise<((target: string, csv: Iterable<string>) => Promise<number>) | null> {
  if (databaseKind !== "postgresql") return null;
  const known = copiers.get(tx);
  if (known) return known;
  const [{ pid }] = await tx.$queryRawUnsafe<{ pid: number }[]>("SELECT pg_backend_pid() AS pid");
  const copy = copyIntoConnection(pid);
  if (copy) copiers.set(tx, copy);
  return copy;
}
