import "server-only";
import { withPlannerSettings } from "@/lib/server/data/planner-settings";
import { transactionCopy, transactionRunner, type Tx } from "@/lib/server/data/runner";
import type { EnteredValue, EnteredWrite, WriteEnteredResult } from "./entered";

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

export async function writeImport(write: Extract<EnteredWrite, { kind: "import" }>, tx: Tx): Promise<WriteEnteredResult> {
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
  // The before-images are read by one index probe per row. The planner would rather scan "MetricValue" once
  // per row while it believes the table small (an import into a new or empty table: its first batch took
  // 570 ms where the others take 200), and that scan wades through every row the statement has just written.
  // The penalty that setting puts on the staging table's own scan would make the statement look expensive
  // enough to compile (JIT: 300 ms more per batch), hence the second setting. Both are put back for the rest of
  // the import's transaction (lib/server/data/planner-settings.ts).
  await withPlannerSettings(transactionRunner(tx), { enable_seqscan: "off", jit: "off" }, async () => {
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
  });
  return { created, updated, metricIds: [...metricIds], weeks: [...weeks] };
}
