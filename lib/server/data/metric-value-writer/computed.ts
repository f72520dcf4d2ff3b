import "server-only";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { ENTERED_SQL } from "./sources";

export interface ComputedValue {
  metricId: string;
  teamId: string;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  value: number;
  numerator?: number | null;
  denominator?: number | null;
}

/** The cells a computation recomputed: its values replace theirs, and its silence deletes theirs. */
export type RecomputedCells =
  | { kind: "range"; metricIds: readonly string[]; teamIds: readonly string[]; fromWeek: string; toWeek: string }
  | { kind: "cells"; cells: readonly { metricId: string; teamId: string; week: string }[] }
  /** Only the cells given values: nothing is deleted. */
  | { kind: "values" };

export interface WriteComputedResult {
  /**
   * The (metric, week) pairs where a team's stored value changed (written or deleted), each once: what the
   * roll-up refresh needs. The database answers per pair, not per value, so a full recompute of every team does
   * not bring back one row per value it rewrote.
   */
  changed: { metricId: string; week: string }[];
  /** Cells where a person's value stood and the computed one was not stored. */
  kept: number;
}

const BATCH = 5000;
/** Writes one computation's values inside the caller's transaction (`tx`), under the rule of sources.ts: values people gave stand. */
export async function writeComputed(tx: SqlRunner, values: readonly ComputedValue[], recomputed: RecomputedCells): Promise<WriteComputedResult> {
  const changed = new Map<string, { metricId: string; week: string }>();
  const note = (r: { metricId: string; week: string }) => changed.set(`${r.metricId}|${r.week}`, { metricId: r.metricId, week: r.week });
  let kept = 0;
  for (let i = 0; i < values.length; i += BATCH) {
    const batch = values.slice(i, i + BATCH);
    const rows = await tx.query<{ metricId: string; week: string; entered: boolean; n: number }>(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::float8[], $6::float8[]) AS x(m, t, w, v, n, d)
       ), written AS (
         INSERT INTO "MetricValue" AS v ("metricId", "teamId", "weekStart", "value", "numerator", "denominator", "source", "updatedAt")
         SELECT m, t, w, v, n, d, 'COMPUTED'::"ValueSource", CURRENT_TIMESTAMP FROM input
         ON CONFLICT ("metricId", "teamId", "weekStart") DO UPDATE
           SET "value" = EXCLUDED."value", "numerator" = EXCLUDED."numerator", "denominator" = EXCLUDED."denominator",
               "source" = 'COMPUTED', "note" = NULL, "enteredById" = NULL, "importId" = NULL,
               "version" = v."version" + 1, "updatedAt" = CURRENT_TIMESTAMP
           WHERE v."source" NOT IN (${ENTERED_SQL})
             AND (v."source" <> 'COMPUTED' OR (v."value", v."numerator", v."denominator") IS DISTINCT FROM (EXCLUDED."value", EXCLUDED."numerator", EXCLUDED."denominator"))
         RETURNING v."metricId", v."weekStart"
       )
       SELECT "metricId", to_char("weekStart", 'YYYY-MM-DD') AS week, false AS entered, count(*)::int AS n FROM written GROUP BY 1, 2
       UNION ALL
       SELECT v."metricId", to_char(v."weekStart", 'YYYY-MM-DD'), true, count(*)::int
       FROM "MetricValue" v JOIN input ON v."metricId" = input.m AND v."teamId" = input.t AND v."weekStart" = input.w
       WHERE v."source" IN (${ENTERED_SQL})
       GROUP BY 1, 2`,
      [
        batch.map((r) => r.metricId),
        batch.map((r) => r.teamId),
        batch.map((r) => r.week),
        batch.map((r) => r.value),
        batch.map((r) => r.numerator ?? null),
        batch.map((r) => r.denominator ?? null),
      ],
    );
    for (const r of rows) {
      if (r.entered) kept += r.n;
      else note(r);
    }
  }
  for (const r of await deleteSilent(tx, values, recomputed)) note(r);
  return { changed: [...changed.values()], kept };
}

/** Computed values of recomputed cells the computation no longer produces. */
async function deleteSilent(tx: SqlRunner, values: readonly ComputedValue[], recomputed: RecomputedCells): Promise<{ metricId: string; week: string }[]> {
  if (recomputed.kind === "values") return [];
  const produced = [values.map((v) => v.teamId), values.map((v) => v.metricId), values.map((v) => v.week)];
  const notProduced = `NOT EXISTS (SELECT 1 FROM unnest($1::text[], $2::text[], $3::date[]) AS p(t, m, w)
                                   WHERE p.t = v."teamId" AND p.m = v."metricId" AND p.w = v."weekStart")`;
  if (recomputed.kind === "range") {
    if (recomputed.metricIds.length === 0 || recomputed.teamIds.length === 0) return [];
    return tx.query<{ metricId: string; week: string }>(
      `WITH deleted AS (
         DELETE FROM "MetricValue" v
         WHERE v."metricId" = ANY($4::text[]) AND v."teamId" = ANY($5::text[]) AND v."weekStart" BETWEEN $6::date AND $7::date
           AND v."source" NOT IN (${ENTERED_SQL}) AND ${notProduced}
         RETURNING v."metricId", v."weekStart"
       )
       SELECT DISTINCT "metricId", to_char("weekStart", 'YYYY-MM-DD') AS week FROM deleted`,
      [...produced, [...recomputed.metricIds], [...recomputed.teamIds], recomputed.fromWeek, recomputed.toWeek],
    );
  }
  const removed: { metricId: string; week: string }[] = [];
  for (let i = 0; i < recomputed.cells.length; i += BATCH) {
    const cells = recomputed.cells.slice(i, i + BATCH);
    removed.push(
      ...(await tx.query<{ metricId: string; week: string }>(
        `WITH deleted AS (
           DELETE FROM "MetricValue" v
           USING unnest($4::text[], $5::text[], $6::date[]) AS c(t, m, w)
           WHERE v."teamId" = c.t AND v."metricId" = c.m AND v."weekStart" = c.w
             AND v."source" NOT IN (${ENTERED_SQL}) AND ${notProduced}
           RETURNING v."metricId", v."weekStart"
         )
         SELECT DISTINCT "metricId", to_char("weekStart", 'YYYY-MM-DD') AS week FROM deleted`,
        [...produced, cells.map((c) => c.teamId), cells.map((c) => c.metricId), cells.map((c) => c.week)],
      )),
    );
  }
  return removed;
}
