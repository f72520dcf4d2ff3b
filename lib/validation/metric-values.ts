import { z } from "zod";

/** One value to write: by metric id or key, for a team and an ISO week (its Monday). */
export const metricValueRow = z
  .object({
    metricId: z.string().min(1).optional(),
    metricKey: z.string().min(1).optional(),
    teamId: z.string().min(1),
    weekStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
    value: z.number().finite(),
    /** Omitted: keep the stored note. null or "": clear it. */
    note: z.string().max(500).nullable().optional(),
    /** The version the editor saw; null when the cell was empty. Omitted: no conflict check (last write wins). */
    expectedVersion: z.number().int().positive().nullable().optional(),
  })
  .refine((r) => r.metricId || r.metricKey, { message: "metricId or metricKey is required", path: ["metricId"] });

export type MetricValueRow = z.infer<typeof metricValueRow>;

export const putMetricValuesBody = z.object({
  values: z.array(metricValueRow).min(1, "send at least one value").max(10_000, "send at most 10,000 values per request"),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const getMetricValuesQuery = z.object({
  team: z.string().min(1),
  from: day,
  to: day,
});

export const valueHistoryQuery = z.object({
  metric: z.string().min(1),
  team: z.string().min(1),
  week: day,
});
