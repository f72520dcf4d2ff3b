import "server-only";
import pg from "pg";

/**
 * The database gate's own connection: one small pool per instance, apart from the app's client, so asking
 * whether PostgreSQL answers never waits behind the app's work.
 */
const TIMEOUT_MS = 2000;
let pool: pg.Pool | null = null;

function gatePool(url: string): pg.Pool {
  if (!pool) {
    pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: TIMEOUT_MS, query_timeout: TIMEOUT_MS, idleTimeoutMillis: 30_000 });
    pool.on("error", () => {}); // an idle connection dropped by the server is not a crash
  }
  return pool;
}

/** Resolves when the database at `url` answers a trivial query within the timeout; rejects otherwise. */
export async function pingDatabase(url: string): Promise<void> {
  await gatePool(url).query("SELECT 1");
}
