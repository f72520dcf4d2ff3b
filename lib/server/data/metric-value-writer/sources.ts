import "server-only";

/**
 * THE writer of metric values: only the files of this folder write "MetricValue" (ESLint holds it), under one
 * rule:
 *
 *   **A value a person gave stands.** A value typed in the entry grid, imported from a file or sent through the
 *   API (`MANUAL`, `IMPORT`, `API`) is never overwritten or deleted by a computation; the computation's value for
 *   that cell is not stored. Computed (and demo `SEED`) values are replaced by the computation, and those of the
 *   recomputed cells it no longer produces are deleted.
 *
 * - `computed.ts` — `writeComputed`: every computation (delivery and flow from events, retention from the
 *   roster, engagement from published survey runs, skills from learning records and AI usage) stores its values
 *   there.
 * - `entered.ts` — `writeEntered`: people's values, from the entry and import path
 *   (`lib/server/services/metric-values.ts`: checks, versions, notes, audit, undo) and the allocation entry; it
 *   may replace a computed value — recorded in the audit log like any other change. A file's batches go through
 *   `import-batch.ts` (staged, merged set-based, one undo record per batch).
 * - `undo.ts` — undoing an import: the batch records put back, or the cells changed since named.
 */

/** Sources of values people gave: a computation leaves them alone. */
export const ENTERED_SOURCES = ["MANUAL", "IMPORT", "API"] as const;

export type EnteredSource = (typeof ENTERED_SOURCES)[number];

/** The entered sources as an SQL list, for statements that leave values people gave alone. */
export const ENTERED_SQL = ENTERED_SOURCES.map((s) => `'${s}'`).join(", ");
