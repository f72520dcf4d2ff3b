import { z } from "zod";

export const createTargetBody = z
  .object({
    metricId: z.string().min(1),
    scopeType: z.enum(["ORG", "GROUP", "TEAM"]),
    /** Group or team id; omitted or null for the organisation. */
    scopeId: z.string().min(1).nullable().optional(),
    green: z.number().finite(),
    amber: z.number().finite(),
    effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
  })
  .superRefine((t, ctx) => {
    if (t.scopeType !== "ORG" && !t.scopeId) ctx.addIssue({ code: "custom", path: ["scopeId"], message: "choose the group or team" });
  });

export type CreateTargetInput = z.infer<typeof createTargetBody>;

/** Correcting a target in place: its bands and the day it applies from (its metric and scope stay). */
export const updateTargetBody = z.object({
  green: z.number().finite(),
  amber: z.number().finite(),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD"),
});
export type UpdateTargetInput = z.infer<typeof updateTargetBody>;

export const listTargetsQuery = z.object({ metricId: z.string().min(1).optional() });

/**
 * Green must be at least as good as amber in the metric's direction: for higher-is-better green ≥ amber,
 * for lower-is-better green ≤ amber. Neutral metrics have no better side, so no target. Null when fine.
 */
export function targetBandsProblem(direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL", green: number, amber: number): string | null {
  if (direction === "NEUTRAL") return "This metric has no better direction, so it cannot have a target. Set its direction first.";
  if (direction === "HIGHER_IS_BETTER" && green < amber) return "Higher is better for this metric: green must be at or above amber.";
  if (direction === "LOWER_IS_BETTER" && green > amber) return "Lower is better for this metric: green must be at or below amber.";
  return null;
}
