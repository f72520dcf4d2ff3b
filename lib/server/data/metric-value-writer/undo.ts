import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** What undoing an import's batches did, or the cells newer changes touched (then nothing was written). */
export interface BatchUndoResult {
  /** Cells changed since the import (another write, or gone): the undo must be refused. */
  blocked: string[];
  blockedCount: number;
  restored: number;
  deleted: number;
  metricIds: string[];
  weeks: string[];
}

/** An import's batch records expanded to one row per cell (m, t, w, b = before-image, JSON null when created). */
const BATCH_CELLS_SQL = `SELECT c.m, c.t, c.w, c.b
  FROM "ImportBatch" ib
  CROSS JOIN LATERAL unnest(ib."metricIds", ib."teamIds", ib."weeks", ARRAY(SELECT jsonb_array_elements(ib."before"))) AS c(m, t, w, b)
  WHERE ib."importId" = $1`;

/**
 * Undoing an import's metric values recorded per batch (ImportBatch), set-based: every cell must still be as the
 * import left it (this import's id, the version it wrote); then values it changed get their before-image back
 * (version moving on) and values it created are deleted. When any cell was changed since, nothing is written
 * and the cells are named.
 */
export async function undoImportBatches(importId: string, tx: Tx = client): Promise<BatchUndoResult> {
  const blockedRows = await tx.$queryRawUnsafe<{ cell: string; total: number }[]>(
    `WITH cells AS (${BATCH_CELLS_SQL})
     SELECT c.m || ':' || c.t || ':' || to_char(c.w, 'YYYY-MM-DD') AS cell, (count(*) OVER ())::int AS total
     FROM cells c LEFT JOIN "MetricValue" v ON v."metricId" = c.m AND v."teamId" = c.t AND v."weekStart" = c.w
     WHERE v."id" IS NULL OR v."importId" IS DISTINCT FROM $1
        OR v."version" <> CASE WHEN jsonb_typeof(c.b) = 'null' THEN 1 ELSE (c.b ->> 'version')::int + 1 END
     LIMIT 50`,
    importId,
  );
  if (blockedRows.length > 0) {
    return { blocked: blockedRows.map((r) => r.cell), blockedCount: blockedRows[0].total, restored: 0, deleted: 0, metricIds: [], weeks: [] };
  }
  const [result] = await tx.$queryRawUnsafe<{ restored: number; deleted: number; metric_ids: string[]; weeks: string[] }[]>(
    `WITH cells AS (${BATCH_CELLS_SQL}), restored AS (
       UPDATE "MetricValue" v SET
         "value" = (c.b ->> 'value')::float8, "note" = c.b ->> 'note',
         "numerator" = (c.b ->> 'numerator')::float8, "denominator" = (c.b ->> 'denominator')::float8,
         "source" = (c.b ->> 'source')::"ValueSource", "enteredById" = c.b ->> 'enteredById', "importId" = c.b ->> 'importId',
         "version" = v."version" + 1, "updatedAt" = now()
       FROM cells c
       WHERE jsonb_typeof(c.b) = 'object' AND v."metricId" = c.m AND v."teamId" = c.t AND v."weekStart" = c.w
       RETURNING 1
     ), deleted AS (
       DELETE FROM "MetricValue" v USING cells c
       WHERE jsonb_typeof(c.b) = 'null' AND v."metricId" = c.m AND v."teamId" = c.t AND v."weekStart" = c.w
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM restored)::int AS restored, (SELECT count(*) FROM deleted)::int AS deleted,
            coalesce((SELECT array_agg(DISTINCT m) FROM cells), '{}') AS metric_ids,
            coalesce((SELECT array_agg(DISTINCT to_char(w, 'YYYY-MM-DD')) FROM cells), '{}') AS weeks`,
    importId,
  );
  return { blocked: [], blockedCount: 0, ...result, metricIds: result.metric_ids, weeks: result.weeks };
}

/** Undoing an import of the release before ImportBatch: puts a value back as it was (its per-value `ImportChange` image). */
export async function restoreMetricValue(
  id: bigint,
  data: {
    value: number;
    note: string | null;
    numerator: number | null;
    denominator: number | null;
    source: "MANUAL" | "IMPORT" | "API" | "COMPUTED";
    enteredById: string | null;
    importId: string | null;
    version: number;
  },
  tx: Tx = client,
): Promise<void> {
  await tx.metricValue.update({ where: { id }, data });
}

/** Undoing an import of the release before ImportBatch: removes the values it created. */
export async function deleteMetricValuesById(ids: bigint[], tx: Tx = client): Promise<void> {
  await tx.metricValue.deleteMany({ where: { id: { in: ids } } });
}
