/**
 * Query parameters of the delivery and flow read APIs: a scope (a team by slug or id, a group, a
 * service by name, or the whole organisation when none is given), optional segment filters narrowing a
 * team, group or org scope to the teams in a location, sourcing model or origin, and a period of local days in the
 * organisation's time zone (`from`, `to` inclusive; the last 12 weeks when absent).
 */
import { z } from "zod";
import { segmentFilterFields } from "./dashboard";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

export const deliveryQuery = z
  .object({
    team: z.string().trim().min(1).optional().describe("Team slug or id."),
    group: z.string().trim().min(1).optional().describe("Group slug or id (its sub-groups' teams included)."),
    service: z.string().trim().min(1).optional().describe("Service (repository) name."),
    from: day.optional().describe("First local day of the period (default: 12 weeks before `to`)."),
    to: day.optional().describe("Last local day of the period (default: today in the organisation's time zone)."),
    ...segmentFilterFields,
  })
  .refine((q) => [q.team, q.group, q.service].filter(Boolean).length <= 1, { message: "give at most one of team, group and service", path: ["team"] })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after to", path: ["from"] })
  .refine((q) => !q.service || !(q.location || q.sourcing || q.origin), { message: "location, sourcing and origin filter teams; choose a team, a group or the organisation", path: ["service"] });

export type DeliveryQuery = z.infer<typeof deliveryQuery>;

export const pullRequestQuery = z.object({ service: z.string().trim().min(1, "is required") });

export const allocationQuery = z.object({
  team: z.string().trim().min(1, "is required"),
  from: day.optional(),
  to: day.optional(),
});

/** Manager-entered investment allocation for a team over a run of weeks; the three shares must sum to 100. */
export const allocationInput = z
  .object({
    team: z.string().trim().min(1, "is required"),
    fromWeek: day,
    toWeek: day,
    newCapability: z.number().min(0).max(100),
    ktlo: z.number().min(0).max(100),
    techDebt: z.number().min(0).max(100),
  })
  .refine((a) => a.fromWeek <= a.toWeek, { message: "must not be after toWeek", path: ["fromWeek"] });

export type AllocationInput = z.infer<typeof allocationInput>;
