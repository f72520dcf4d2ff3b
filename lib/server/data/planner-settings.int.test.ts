import { describe, expect, it } from "vitest";
import { openSql } from "@/lib/server/data/runner";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { withPlannerSettings } from "./planner-settings";

/**
 * Planner settings a writer changes for its own statements are put back as they were for the rest of the
 * caller's transaction (the caller's own value, not the default), and a failing statement's error is the one the
 * caller sees. On the embedded database and on PostgreSQL alike.
 */
async function setting(tx: SqlRunner, name: string): Promise<string> {
  const [row] = await tx.query<{ value: string }>(`SELECT current_setting('${name}') AS value`);
  return row.value;
}

describe("withPlannerSettings", () => {
  it("applies the settings to work's statements and then puts back the caller's values, not the defaults", async () => {
    const sql = await openSql();
    const seen = await sql.transaction(async (tx) => {
      await tx.query(`SELECT set_config('enable_sort', 'off', true)`);
      const defaultWorkMem = await setting(tx, "work_mem");
      const during = await withPlannerSettings(tx, { enable_sort: "on", work_mem: "64MB" }, async () => [await setting(tx, "enable_sort"), await setting(tx, "work_mem")]);
      return { during, after: [await setting(tx, "enable_sort"), await setting(tx, "work_mem")], defaultWorkMem };
    });
    expect(seen.during).toEqual(["on", "64MB"]);
    expect(seen.after).toEqual(["off", seen.defaultWorkMem]);
    expect(seen.defaultWorkMem).not.toBe("64MB");
    // Set for the transaction only: the next one has the defaults.
    expect(await sql.transaction((tx) => setting(tx, "enable_sort"))).toBe("on");
  });

  it("nests: the inner settings end with the inner work, the outer ones with the outer", async () => {
    const sql = await openSql();
    const seen = await sql.transaction((tx) =>
      withPlannerSettings(tx, { enable_nestloop: "off" }, async () => {
        const inner = await withPlannerSettings(tx, { enable_sort: "off" }, async () => [await setting(tx, "enable_nestloop"), await setting(tx, "enable_sort")]);
        return { inner, outer: [await setting(tx, "enable_nestloop"), await setting(tx, "enable_sort")] };
      }),
    );
    expect(seen).toEqual({ inner: ["off", "off"], outer: ["off", "on"] });
  });

  it("lets work's own error through, and the transaction's rollback undoes the settings", async () => {
    const sql = await openSql();
    const failed = sql.transaction((tx) => withPlannerSettings(tx, { enable_seqscan: "off" }, () => tx.query(`SELECT 1 / (SELECT 0) AS x`)));
    await expect(failed).rejects.toThrow(/division by zero/);
    expect(await sql.transaction((tx) => setting(tx, "enable_seqscan"))).toBe("on");
  });

  it("refuses a name that is not a setting's before sending anything", async () => {
    const sql = await openSql();
    const sent: string[] = [];
    const counting: SqlRunner = { ...sql, query: (text, params) => (sent.push(text), sql.query(text, params)) };
    await expect(withPlannerSettings(counting, { "jit'), pg_sleep(1) --": "off" }, async () => "ran")).rejects.toThrow("Not a setting's name");
    expect(sent).toEqual([]);
  });
});
