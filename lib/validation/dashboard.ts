import { z } from "zod";
import { RANGE_KEYS } from "@/lib/metrics/series-types";

export const scopeParam = z
  .string()
  .regex(/^(org|group:[\w-]+|team:[\w-]+)$/, "must be org, group:<id> or team:<id>")
  .default("org");

export const dashboardQuery = z.object({
  scope: scopeParam,
  range: z.enum(RANGE_KEYS as [string, ...string[]]).default("6m").transform((r) => r as (typeof RANGE_KEYS)[number]),
  granularity: z.enum(["week", "month", "quarter"]).default("week"),
});

export const seriesQuery = dashboardQuery.extend({
  metrics: z
    .string()
    .default("")
    .transform((s) => s.split(",").map((k) => k.trim()).filter(Boolean)),
  pillar: z.enum(["QUALITY", "ENGAGEMENT", "RETENTION", "SKILLS", "ALIGNMENT"]).optional(),
});
