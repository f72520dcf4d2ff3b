import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import {
  assertMayWrite,
  normalizedNote,
  prepare,
  valueIssues,
  type PlannedRow,
  type RowError,
  type Saved,
  type TouchedCells,
  type ValueWrite,
  type WriteSource,
} from "@/lib/server/services/metric-values";

/**
 * Metric values from a CSV import: the same checks as every other write (./metric-values.ts), then one
 * set-based write per batch inside the import's transaction.
 */

/** An import's batch: written set-based inside the import's transaction (see writeImportBatch). */
export interface ImportWriteOptions {
  importId: string;
  tx: Prisma.TransactionClient;
  user?: SessionUser | null;
  now?: Date;
}

export type ImportWriteResult = (Saved & { touched: TouchedCells }) | { status: "invalid"; errors: RowError[] };

/**
 * One import batch in one statement per note/fraction shape: the values are upserted (a row whose value,
 * note and respondents are already stored is left alone, so a second import of the same file writes
 * nothing), the before-image of every row written goes to ImportChange for undo, and the counts and
 * touched metrics/weeks come back. Imports carry no versions to check and no note rule.
 */
const IMPORT_UPSERT_SQL = `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::text[], $3::date[], $4::float8[], $5::text[], $6::float8[], $7::float8[])
      AS u(metric_id, team_id, week, value, note, numerator, denominator)
  ), before AS (
    -- One index probe per row (LIMIT keeps the planner from hashing the whole table).
    SELECT b.* FROM input u CROSS JOIN LATERAL (
      SELECT v."id", v."value", v."note", v."version", v."numerator", v."denominator", v."source", v."enteredById", v."importId"
      FROM "MetricValue" v WHERE v."metricId" = u.metric_id AND v."teamId" = u.team_id AND v."weekStart" = u.week LIMIT 1
    ) b
  ), written AS (
    INSERT INTO "MetricValue" AS v ("metricId", "teamId", "weekStart", "value", "note", "numerator", "denominator", "source", "enteredById", "importId", "updatedAt")
    SELECT metric_id, team_id, week, value, note, numerator, denominator, $8::"ValueSource", $9, $10, now() FROM input
    ON CONFLICT ("metricId", "teamId", "weekStart") DO UPDATE SET
      "value" = EXCLUDED."value",
      "note" = CASE WHEN $11 THEN v."note" ELSE EXCLUDED."note" END,
      "numerator" = CASE WHEN $12 THEN v."numerator" ELSE EXCLUDED."numerator" END,
      "denominator" = CASE WHEN $12 THEN v."denominator" ELSE EXCLUDED."denominator" END,
      "version" = v."version" + 1, "source" = EXCLUDED."source", "enteredById" = EXCLUDED."enteredById",
      "importId" = EXCLUDED."importId", "updatedAt" = now()
    WHERE v."value" IS DISTINCT FROM EXCLUDED."value"
       OR (NOT $11 AND v."note" IS DISTINCT FROM EXCLUDED."note")
       OR (NOT $12 AND (v."numerator" IS DISTINCT FROM EXCLUDED."numerator" OR v."denominator" IS DISTINCT FROM EXCLUDED."denominator"))
    RETURNING v."id", v."metricId", v."teamId", v."weekStart", v."version" = 1 AS created
  ), images AS (
    INSERT INTO "ImportChange" ("importId", "entityType", "entityId", "before")
    SELECT $10, 'MetricValue', w."metricId" || ':' || w."teamId" || ':' || to_char(w."weekStart", 'YYYY-MM-DD'),
           CASE WHEN b."id" IS NULL THEN NULL ELSE jsonb_build_object(
             'value', b."value", 'note', b."note", 'version', b."version", 'numerator', b."numerator", 'denominator', b."denominator",
             'source', b."source"::text, 'enteredById', b."enteredById", 'importId', b."importId") END
    FROM written w LEFT JOIN before b ON b."id" = w."id"
  )
  SELECT count(*) FILTER (WHERE created)::int AS created, count(*) FILTER (WHERE NOT created)::int AS updated,
         coalesce(array_agg(DISTINCT "metricId"), '{}') AS metric_ids,
         coalesce(array_agg(DISTINCT to_char("weekStart", 'YYYY-MM-DD')), '{}') AS weeks
  FROM written`;

async function writeImportBatch(
  actor: Actor,
  planned: PlannedRow[],
  errors: RowError[],
  orgNotePct: number,
  options: ImportWriteOptions & { source: WriteSource },
): Promise<ImportWriteResult> {
  for (const p of planned) errors.push(...valueIssues(p, null, null, orgNotePct, options.source));
  if (errors.length > 0) return { status: "invalid", errors: errors.sort((a, b) => a.row - b.row) };
  // Rows without a note column keep the stored note; rows without respondents keep the stored ones.
  const shapes = new Map<string, PlannedRow[]>();
  for (const p of planned) {
    const shape = `${p.note === undefined}|${p.denominator === undefined}`;
    const group = shapes.get(shape);
    if (group) group.push(p);
    else shapes.set(shape, [p]);
  }
  let created = 0;
  let updated = 0;
  const metricIds = new Set<string>();
  const weeks = new Set<string>();
  for (const rows of shapes.values()) {
    const [result] = await options.tx.$queryRawUnsafe<{ created: number; updated: number; metric_ids: string[]; weeks: string[] }[]>(
      IMPORT_UPSERT_SQL,
      rows.map((p) => p.metric.id),
      rows.map((p) => p.teamId),
      rows.map((p) => p.week),
      rows.map((p) => p.value),
      rows.map((p) => normalizedNote(p.note) ?? null),
      rows.map((p) => p.numerator ?? null),
      rows.map((p) => p.denominator ?? null),
      options.source,
      options.user?.id ?? null,
      options.importId,
      rows[0].note === undefined,
      rows[0].denominator === undefined,
    );
    created += result.created;
    updated += result.updated;
    result.metric_ids.forEach((id) => metricIds.add(id));
    result.weeks.forEach((week) => weeks.add(week));
  }
  if (created + updated > 0) {
    const sorted = [...weeks].sort();
    await recordAudit(actor, {
      action: "import",
      entityType: "Import",
      entityId: options.importId,
      summary: `Metric values: ${created} created, ${updated} updated (${metricIds.size} ${metricIds.size === 1 ? "metric" : "metrics"}, weeks ${sorted[0]} to ${sorted[sorted.length - 1]})`,
      after: { created, updated, metricIds: [...metricIds], fromWeek: sorted[0], toWeek: sorted[sorted.length - 1] },
    }, options.tx);
  }
  return { status: "saved", created, updated, unchanged: planned.length - created - updated, touched: { metricIds: [...metricIds], weeks: [...weeks] } };
}

/**
 * An import's batch of values: the same checks against the metric definitions, then one set-based write
 * that records the before-images for undo and one audit entry (see writeImportBatch). Returns the rows'
 * errors, or the counts and the metrics/weeks written (the caller refreshes their roll-ups after commit).
 */
export async function importMetricValues(actor: Actor, rows: ValueWrite[], options: ImportWriteOptions): Promise<ImportWriteResult> {
  assertMayWrite(rows, options.user);
  const source = "IMPORT";
  const { planned, errors, noteChangePct } = await prepare(rows, { ...options, source });
  return writeImportBatch(actor, planned, errors, noteChangePct, { ...options, source });
}

