import "server-only";
import type { PGlite } from "@electric-sql/pglite";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import type pg from "pg";
import { from as copyFromStream } from "pg-copy-streams";

/** The few raw-SQL operations the migration step and bulk paths need, over PGlite or a pg client. */
export interface SqlRunner {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a multi-statement script (no parameters). */
  exec(script: string): Promise<void>;
  /** Runs `work` in one transaction on one connection. */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
  /**
   * `COPY <target> FROM STDIN (FORMAT csv)` of the given CSV text pieces, inside the runner's transaction when
   * it is one; how many rows. `target` is a table with its column list, e.g. `"T" ("a", "b")`.
   */
  copyFrom(target: string, csv: Iterable<string>): Promise<number>;
}

/** COPY over one PostgreSQL connection (pg-copy-streams); the connection queues it behind its other queries. */
export async function copyOverConnection(client: pg.ClientBase, target: string, csv: Iterable<string>): Promise<number> {
  const stream = client.query(copyFromStream(`COPY ${target} FROM STDIN (FORMAT csv)`));
  await pipeline(Readable.from(csv, { objectMode: false }), stream);
  return stream.rowCount;
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
    async copyFrom(target, csv) {
      // PGlite reads COPY data from a blob given with the query, named '/dev/blob'.
      const result = await db.query(`COPY ${target} FROM '/dev/blob' (FORMAT csv)`, [], { blob: new Blob([...csv]) });
      return result.affectedRows ?? 0;
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
    copyFrom: (target, csv) => copyOverConnection(client, target, csv),
  };
  return runner;
}
