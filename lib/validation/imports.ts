import { z } from "zod";

/** Field key → 0-based column index, as the mapping editor sends it. */
export const columnMapping = z.record(z.string().min(1).max(200), z.number().int().min(0).max(10_000));

export const importOptions = z.object({
  mapping: columnMapping.nullable().optional(),
  /** Import the valid rows and list the rest as rejects; otherwise any bad row stops the whole import. */
  skipInvalid: z.boolean().default(false),
  /** Create the teams/metrics the file names but the organisation lacks; otherwise they are row errors. */
  createUnknown: z.boolean().default(false),
  /** How to read "03/04/2026"; unset: only unambiguous dates are accepted. */
  dayOrder: z.enum(["DMY", "MDY"]).optional(),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const previewBody = importOptions.pick({ mapping: true, createUnknown: true, dayOrder: true });
export type PreviewOptions = z.input<typeof previewBody>;

export const runImportBody = importOptions.extend({
  /** Wait for the import to finish before answering (API clients); the page polls instead. */
  wait: z.boolean().default(false),
});

const flag = z.enum(["1", "0", "true", "false"]).transform((v) => v === "1" || v === "true");

export const uploadQuery = z.object({
  kind: z.string().min(1).max(60).optional(),
  fileName: z.string().min(1).max(255).optional(),
  /** With an API token: preview and run in one call. */
  run: flag.optional(),
  skipInvalid: flag.optional(),
  createUnknown: flag.optional(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const metricValuesExportQuery = z.object({
  /** `org`, `group:<id>` or `team:<id>`. */
  scope: z.string().max(200).optional(),
  /** Comma-separated metric keys; all metrics when absent. */
  metrics: z.string().max(5000).optional(),
  from: day.optional(),
  to: day.optional(),
});
export type MetricValuesExportQuery = z.infer<typeof metricValuesExportQuery>;
