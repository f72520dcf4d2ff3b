import "server-only";
import { client, transactionCopy, type Tx } from "@/lib/server/data/runner";
import type { SqlRunner } from "@/lib/server/sql-runner";

/**
 * THE writer of computed metric values. Every computation (delivery and flow from events, retention from the
 * roster, engagement from published survey runs, skills from learning records and AI usage) stores its values
 * here, under one rule:
 *
 *   **A value a person gave stands.** A value typed in the entry grid, imported from a file or sent through the
 *   API (`MANUAL`, `IMPORT`, `API`) is never overwritten or deleted by a computation; the computation's value for
 *   that cell is not stored. Computed (and demo `SEED`) values are replaced by the computation, and those of the
 *   recomputed cells it no longer produces are deleted.
 *
 * People's values are written by `writeEntered` below, called by the entry and import path
 * (`lib/server/services/metric-values.ts`: checks, versions, notes, audit, undo) and the allocation entry; it
 * may replace a computed value — recorded in the audit log like any other change.
 */

/** Sources of values people gave: a computation leaves them alone. */
export const ENTERED_SOURCES = ["MANUAL", "IMPORT", "API"] as const;

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
const ENTERED_SQL = ENTERED_SOURCES.map((s) => `'${s}'`).join(", ");

/** Writes one computation's values inside the caller's transaction (`tx`), under the rule above. */
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

/* ------------------------------------------------------------------------------------------------------ */

export type EnteredSource = (typeof ENTERED_SOURCES)[number];

/** One value a person gave for a cell. */
export interface EnteredValue {
  metricId: string;
  teamId: string;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  value: number;
  /** Undefined keeps the stored note. */
  note?: string | null;
  /** Respondents behind a survey aggregate; undefined keeps the stored ones. */
  numerator?: number | null;
  denominator?: number | null;
}

/** A stored value the entry path read, updated only while it is still at the version read. */
export interface GuardedUpdate {
  id: bigint;
  version: number;
  value: number;
  note: string | null;
}

/**
 * What a person gave, as each path writes it:
 * - `checked` (entry grid, API): new cells are inserted (a concurrent insert fails on the unique key) and
 *   stored ones updated only while at the version read; `updated` says how many were, so the caller can
 *   start again when someone wrote in between. Respondents are left as stored.
 * - `allocation` (investment allocation entry): each cell's value and respondents are set whatever is stored;
 *   its note and import are left as stored.
 * - `import` (a file's batch): set-based, one statement per note/respondents shape (on PostgreSQL merged from a
 *   temporary table the batch is COPied into); a row whose value, note and respondents are already stored is
 *   left alone, and the batch's cells and before-images are recorded as one `ImportBatch` row for undo.
 */
export type EnteredWrite =
  | { kind: "checked"; source: EnteredSource; enteredById: string | null; creates: readonly EnteredValue[]; updates: readonly GuardedUpdate[] }
  | { kind: "allocation"; source: EnteredSource; enteredById: string | null; values: readonly EnteredValue[] }
  | { kind: "import"; source: EnteredSource; enteredById: string | null; importId: string; values: readonly EnteredValue[] };

export interface WriteEnteredResult {
  created: number;
  updated: number;
  /** The metrics and weeks written, for the roll-up refresh. */
  metricIds: string[];
  weeks: string[];
}

/** THE write of values people gave, inside the caller's transaction (`tx`, which also holds its audit). */
export async function writeEntered(write: EnteredWrite, tx: Tx): Promise<WriteEnteredResult> {
  if (write.kind === "checked") return writeChecked(write, tx);
  if (write.kind === "allocation") return writeAllocation(write, tx);
  return writeImport(write, tx);
}

const GUARDED_UPDATE_SQL = `UPDATE "MetricValue" AS v
  SET "value" = u.value, "note" = u.note, "version" = v."version" + 1, "source" = $5::"ValueSource",
      "enteredById" = $6, "importId" = NULL, "updatedAt" = now()
  FROM unnest($1::bigint[], $2::int[], $3::float8[], $4::text[]) AS u(id, version, value, note)
  WHERE v."id" = u.id AND v."version" = u.version
  RETURNING v."metricId", to_char(v."weekStart", 'YYYY-MM-DD') AS week`;

async function writeChecked(write: Extract<EnteredWrite, { kind: "checked" }>, tx: Tx): Promise<WriteEnteredResult> {
  const metricIds = new Set(write.creates.map((v) => v.metricId));
  const weeks = new Set(write.creates.map((v) => v.week));
  if (write.creates.length > 0) {
    await tx.metricValue.createMany({
      data: write.creates.map((v) => ({
        metricId: v.metricId, teamId: v.teamId, weekStart: new Date(v.week), value: v.value,
        note: v.note ?? null, source: write.source, enteredById: write.enteredById, importId: null,
      })),
    });
  }
  let updated = 0;
  if (write.updates.length > 0) {
    const rows = await tx.$queryRawUnsafe<{ metricId: string; week: string }[]>(
      GUARDED_UPDATE_SQL,
      write.updates.map((u) => u.id),
      write.updates.map((u) => u.version),
      write.updates.map((u) => u.value),
      write.updates.map((u) => u.note),
      write.source,
      write.enteredById,
    );
    updated = rows.length;
    for (const r of rows) {
      metricIds.add(r.metricId);
      weeks.add(r.week);
    }
  }
  return { created: write.creates.length, updated, metricIds: [...metricIds], weeks: [...weeks] };
}

async function writeAllocation(write: Extract<EnteredWrite, { kind: "allocation" }>, tx: Tx): Promise<WriteEnteredResult> {
  let created = 0;
  for (const v of write.values) {
    const data = { value: v.value, numerator: v.numerator, denominator: v.denominator, source: write.source, enteredById: write.enteredById };
    const row = await tx.metricValue.upsert({
      where: { metricId_teamId_weekStart: { metricId: v.metricId, teamId: v.teamId, weekStart: new Date(v.week) } },
      create: { metricId: v.metricId, teamId: v.teamId, weekStart: new Date(v.week), ...data },
      update: { ...data, version: { increment: 1 } },
      select: { version: true },
    });
    if (row.version === 1) created++;
  }
  return {
    created,
    updated: write.values.length - created,
    metricIds: [...new Set(write.values.map((v) => v.metricId))],
    weeks: [...new Set(write.values.map((v) => v.week))],
  };
}

/**
 * One import batch in one statement: the values are upserted (a row whose value, note and respondents are
 * already stored is left alone, so a second import of the same file writes nothing), the batch's undo record
 * goes to ImportBatch — ONE row: the cells written as three parallel arrays and their before-images as one JSON
 * array, null where the batch created the value — and the counts and touched metrics/weeks come back.
 * `input` is the batch's rows: a staging table filled by COPY (PostgreSQL) or `unnest` of array parameters.
 * `$1` source, `$2` enteredById, `$3` importId, `$4` keep stored notes, `$5` keep stored respondents.
 */
function importUpsertSql(input: string): string {
  return `WITH input AS (${input}), before AS (
    -- One index probe per row (LIMIT keeps the planner from hashing the whole table).
    SELECT b.* FROM input u CROSS JOIN LATERAL (
      SELECT v."id", v."value", v."note", v."version", v."numerator", v."denominator", v."source", v."enteredById", v."importId"
      FROM "MetricValue" v WHERE v."metricId" = u.metric_id AND v."teamId" = u.team_id AND v."weekStart" = u.week LIMIT 1
    ) b
  ), written AS (
    INSERT INTO "MetricValue" AS v ("metricId", "teamId", "weekStart", "value", "note", "numerator", "denominator", "source", "enteredById", "importId", "updatedAt")
    SELECT metric_id, team_id, week, value, note, numerator, denominator, $1::"ValueSource", $2, $3, now() FROM input
    ON CONFLICT ("metricId", "teamId", "weekStart") DO UPDATE SET
      "value" = EXCLUDED."value",
      "note" = CASE WHEN $4 THEN v."note" ELSE EXCLUDED."note" END,
      "numerator" = CASE WHEN $5 THEN v."numerator" ELSE EXCLUDED."numerator" END,
      "denominator" = CASE WHEN $5 THEN v."denominator" ELSE EXCLUDED."denominator" END,
      "version" = v."version" + 1, "source" = EXCLUDED."source", "enteredById" = EXCLUDED."enteredById",
      "importId" = EXCLUDED."importId", "updatedAt" = now()
    WHERE v."value" IS DISTINCT FROM EXCLUDED."value"
       OR (NOT $4 AND v."note" IS DISTINCT FROM EXCLUDED."note")
       OR (NOT $5 AND (v."numerator" IS DISTINCT FROM EXCLUDED."numerator" OR v."denominator" IS DISTINCT FROM EXCLUDED."denominator"))
    RETURNING v."id", v."metricId", v."teamId", v."weekStart", v."version" = 1 AS created
  ), record AS (
    -- One aggregation pass feeds every array in the same row order, so they stay aligned.
    INSERT INTO "ImportBatch" ("importId", "metricIds", "teamIds", "weeks", "before")
    SELECT $3, array_agg(w."metricId"), array_agg(w."teamId"), array_agg(w."weekStart"),
           jsonb_agg(CASE WHEN b."id" IS NULL THEN NULL ELSE jsonb_build_object(
             'value', b."value", 'note', b."note", 'version', b."version", 'numerator', b."numerator", 'denominator', b."denominator",
             'source', b."source"::text, 'enteredById', b."enteredById", 'importId', b."importId") END)
    FROM written w LEFT JOIN before b ON b."id" = w."id"
    HAVING count(*) > 0
  )
  SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated,
         coalesce(array_agg(DISTINCT "metricId"), '{}') AS metric_ids,
         coalesce(array_agg(DISTINCT to_char("weekStart", 'YYYY-MM-DD')), '{}') AS weeks
  FROM written`;
}

const STAGE = "pg_temp.import_stage";
const STAGE_COLUMNS = "metric_id, team_id, week, value, note, numerator, denominator";
const UNNEST_INPUT = `SELECT * FROM unnest($6::text[], $7::text[], $8::date[], $9::float8[], $10::text[], $11::float8[], $12::float8[])
  AS u(${STAGE_COLUMNS})`;
const STAGED_UPSERT_SQL = importUpsertSql(`SELECT ${STAGE_COLUMNS} FROM ${STAGE}`);
const UNNEST_UPSERT_SQL = importUpsertSql(UNNEST_INPUT);

/** A CSV field for COPY: unquoted empty is NULL; text is always quoted (so "" is an empty string). */
function csvText(text: string | null | undefined): string {
  return text == null ? "" : `"${text.replaceAll('"', '""')}"`;
}

function csvNumber(n: number | null | undefined): string {
  return n == null ? "" : String(n);
}

/** The batch's rows as COPY CSV text, in pieces. */
function* stagedCsv(rows: readonly EnteredValue[]): Generator<string> {
  let piece = "";
  for (const v of rows) {
    piece += `${csvText(v.metricId)},${csvText(v.teamId)},${v.week},${csvNumber(v.value)},${csvText(v.note)},${csvNumber(v.numerator)},${csvNumber(v.denominator)}\n`;
    if (piece.length > 64 * 1024) {
      yield piece;
      piece = "";
    }
  }
  if (piece) yield piece;
}

async function writeImport(write: Extract<EnteredWrite, { kind: "import" }>, tx: Tx): Promise<WriteEnteredResult> {
  // Rows without a note keep the stored note; rows without respondents keep the stored ones.
  const shapes = new Map<string, EnteredValue[]>();
  for (const v of write.values) {
    const shape = `${v.note === undefined}|${v.denominator === undefined}`;
    const group = shapes.get(shape);
    if (group) group.push(v);
    else shapes.set(shape, [v]);
  }
  // PostgreSQL: each batch is staged by COPY into a temporary table of the transaction, then merged from it.
  // The embedded database has no COPY path inside a Prisma transaction; it passes the rows as arrays.
  const copy = await transactionCopy(tx);
  if (copy) {
    await tx.$executeRawUnsafe(
      `CREATE TEMP TABLE IF NOT EXISTS import_stage (metric_id text, team_id text, week date, value float8, note text, numerator float8, denominator float8) ON COMMIT DROP`,
    );
  }
  let created = 0;
  let updated = 0;
  const metricIds = new Set<string>();
  const weeks = new Set<string>();
  for (const rows of shapes.values()) {
    const flags = [write.source, write.enteredById, write.importId, rows[0].note === undefined, rows[0].denominator === undefined];
    let result: { created: number; updated: number; metric_ids: string[]; weeks: string[] };
    if (copy) {
      await tx.$executeRawUnsafe(`TRUNCATE ${STAGE}`);
      await copy(`${STAGE} (${STAGE_COLUMNS})`, stagedCsv(rows));
      [result] = await tx.$queryRawUnsafe<(typeof result)[]>(STAGED_UPSERT_SQL, ...flags);
    } else {
      [result] = await tx.$queryRawUnsafe<(typeof result)[]>(
        UNNEST_UPSERT_SQL,
        ...flags,
        rows.map((v) => v.metricId),
        rows.map((v) => v.teamId),
        rows.map((v) => v.week),
        rows.map((v) => v.value),
        rows.map((v) => v.note ?? null),
        rows.map((v) => v.numerator ?? null),
        rows.map((v) => v.denominator ?? null),
      );
    }
    created += result.created;
    updated += result.updated;
    result.metric_ids.forEach((id) => metricIds.add(id));
    result.weeks.forEach((week) => weeks.add(week));
  }
  return { created, updated, metricIds: [...metricIds], weeks: [...weeks] };
}

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
