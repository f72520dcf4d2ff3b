import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";

/** The few raw-SQL operations the migration step and bulk paths need, over PGlite or a pg client. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (no parameters). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

type PGliteLike = Pick<PGlite, "query" | "exec"> & Partial<Pick<PGlite, "transaction">>;

export function pgliteRunner(db: PGliteLike): SqlRunner {
  const runner: SqlRunner = {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await db.query<T>(sql, params)).rows;
    },
    async exec(script) {
      await db.exec(script);
    },
    transaction(work) {
      // Inside a transaction already (PGlite's Transaction has no nested form): run in the same one.
      if (!db.transaction) return work(runner);
      return db.transaction((tx) => work(pgliteRunner(tx)));
    },
  };
  return runner;
}

export function pgClientRunner(client: pg.ClientBase): SqlRunner {
  const runner: SqlRunner = {
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exec(script) {
      await client.query(script);
    },
    async transaction(work) {
      await client.query("BEGIN");
      try {
        const result = await work(runner);
        await client.query("COMMIT");
        return result;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      }
    },
  };
  return runner;
}
