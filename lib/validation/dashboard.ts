import { z } from "zod";
import { RANGE_KEYS } from "@/lib/metrics/series-types";
import { FILTER_PATTERNS } from "@/lib/segments/segment-filter";

export const scopeParam = z
  .string()
  .regex(/^(org|group:[\w-]+|team:[\w-]+)$/, "must be org, group:<id> or team:<id>")
  .default("org");

/** Segment filters (lib/segments/segment-filter.ts); a well-formed value no team has matches nothing. */
export const segmentFilterFields = {
  location: z.string().trim().regex(FILTER_PATTERNS.location, "must be a location name (up to 80 characters, no commas)").optional().describe("Only teams in this location."),
  sourcing: z.enum(["ONSHORE", "NEARSHORE", "OFFSHORE", "VENDOR"], "must be ONSHORE, NEARSHORE, OFFSHORE or VENDOR").optional().describe("Only teams with this sourcing model."),
  origin: z.string().regex(FILTER_PATTERNS.origin, "must be organic, acquired or acquired:<acquisition name>").optional().describe("Only organic teams, acquired teams, or one acquisition's teams."),
};

export const dashboardQuery = z.object({
  scope: scopeParam,
  ...segmentFilterFields,
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
