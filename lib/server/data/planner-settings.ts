import "server-only";
import type { SqlRunner } from "@/lib/server/sql-runner";

/** A setting's name as PostgreSQL spells it (`enable_seqscan`, `work_mem`): it is written into the statement. */
const NAME = /^[a-z_]+$/;

/**
 * Runs `work` with planner settings changed for its statements, inside the transaction `tx` is (one rule for every
 * writer that steers the planner): each setting is set for the transaction only (`set_config(…, true)`, as
 * `SET LOCAL`) and, when `work` returns, put back to the value it had before, which may be the caller's own
 * rather than the default a `RESET` would restore. When `work` throws nothing more is sent: the transaction is
 * aborted, its rollback (or the caller's rollback to a savepoint) undoes the settings with it, and the error stays
 * `work`'s own rather than "current transaction is aborted".
 */
export async function withPlannerSettings<T>(tx: SqlRunner, settings: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  const names = Object.keys(settings);
  for (const name of names) if (!NAME.test(name)) throw new Error(`Not a setting's name: ${JSON.stringify(name)}`);
  if (names.length === 0) return work();
  const [before] = await tx.query<Record<string, string>>(
    `SELECT ${names.map((name, i) => `current_setting('${name}') AS b${i}, set_config('${name}', $${i + 1}, true) AS a${i}`).join(", ")}`,
    names.map((name) => settings[name]),
  );
  const result = await work();
  await tx.query(`SELECT ${names.map((name, i) => `set_config('${name}', $${i + 1}, true)`).join(", ")}`, names.map((_, i) => before[`b${i}`]));
  return result;
}
