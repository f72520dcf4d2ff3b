import "server-only";
import type { Tx } from "@/lib/server/data/runner";
import { writeImport } from "./import-batch";
import type { EnteredSource } from "./sources";

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
