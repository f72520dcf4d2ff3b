import { z } from "zod";

export const PILLAR_KEYS = ["QUALITY", "ENGAGEMENT", "RETENTION", "SKILLS", "ALIGNMENT"] as const;
export const UNIT_KEYS = ["count", "percent", "minutes", "days", "hours", "score", "people", "currency"] as const;
export const DIRECTION_KEYS = ["HIGHER_IS_BETTER", "LOWER_IS_BETTER", "NEUTRAL"] as const;
export const AGGREGATION_KEYS = ["SUM", "MEAN", "MEDIAN", "LAST", "RATIO", "RATE"] as const;
export const CADENCE_KEYS = ["WEEKLY", "MONTHLY"] as const;

const optionalNumber = z.number().finite().nullable();

/** The fields an admin edits; the key is set once at creation. */
const editable = z.object({
  name: z.string().trim().min(1, "enter a name").max(120),
  pillar: z.enum(PILLAR_KEYS),
  unit: z.enum(UNIT_KEYS),
  direction: z.enum(DIRECTION_KEYS),
  aggregation: z.enum(AGGREGATION_KEYS),
  cadence: z.enum(CADENCE_KEYS),
  minValue: optionalNumber,
  maxValue: optionalNumber,
  integer: z.boolean(),
  /** % move from the previous value that needs a note; null = the organisation's setting. */
  noteChangePct: z.number().finite().min(0).max(10_000).nullable(),
  description: z.string().max(2000),
  howComputed: z.string().max(2000),
  headline: z.boolean(),
  appliesToAll: z.boolean(),
  teamIds: z.array(z.string().min(1)).max(1000),
});

type Editable = z.infer<typeof editable>;

function checkRange(m: Partial<Editable>, ctx: z.RefinementCtx) {
  if (m.minValue != null && m.maxValue != null && m.minValue > m.maxValue) {
    ctx.addIssue({ code: "custom", path: ["maxValue"], message: "the maximum must not be below the minimum" });
  }
  if (m.appliesToAll === false && m.teamIds !== undefined && m.teamIds.length === 0) {
    ctx.addIssue({ code: "custom", path: ["teamIds"], message: "choose at least one team, or apply it to all teams" });
  }
}

export const metricKey = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{1,59}$/, "use 2–60 lowercase letters, digits and underscores, starting with a letter");

export const createMetricBody = editable
  .extend({
    key: metricKey,
    description: editable.shape.description.default(""),
    howComputed: editable.shape.howComputed.default(""),
    cadence: editable.shape.cadence.default("WEEKLY"),
    direction: editable.shape.direction.default("HIGHER_IS_BETTER"),
    aggregation: editable.shape.aggregation.default("MEAN"),
    minValue: optionalNumber.default(null),
    maxValue: optionalNumber.default(null),
    integer: z.boolean().default(false),
    noteChangePct: editable.shape.noteChangePct.default(null),
    headline: z.boolean().default(false),
    appliesToAll: z.boolean().default(true),
    teamIds: editable.shape.teamIds.default([]),
  })
  .superRefine(checkRange);

export type CreateMetricInput = z.infer<typeof createMetricBody>;

export const updateMetricBody = editable.partial().strict().superRefine(checkRange);
export type UpdateMetricInput = z.infer<typeof updateMetricBody>;

export const listMetricsQuery = z.object({
  pillar: z.enum(PILLAR_KEYS).optional(),
  archived: z.enum(["include", "exclude", "only"]).default("exclude"),
});

export const deleteMetricQuery = z.object({
  /** Must be "true" to archive a metric that has values (the caller confirmed). */
  confirm: z.enum(["true", "false"]).default("false"),
});
