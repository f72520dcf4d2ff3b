/**
 * Query parameters of the delivery and flow read APIs: a scope (a team by slug or id, a group, a
 * service by name, or the whole organisation when none is given), optional segment filters narrowing a
 * team, group or org scope to the teams in a location, sourcing model or origin, and a period of local days in the
 * organisation's time zone (`from`, `to` inclusive; the last 12 weeks when absent).
 */
import { z } from "zod";
import { segmentFilterFields } from "./dashboard";
import { CHANGE_SORTS, CHANGE_SUBSETS, DEPLOYMENT_SORTS, DEPLOYMENT_SUBSETS, INCIDENT_SORTS, INCIDENT_SUBSETS, type DeploymentSubset } from "@/lib/delivery/drilldown";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");

const deliveryFields = {
  team: z.string().trim().min(1).optional().describe("Team slug or id."),
  group: z.string().trim().min(1).optional().describe("Group slug or id (its sub-groups' teams included)."),
  service: z.string().trim().min(1).optional().describe("Service (repository) name."),
  from: day.optional().describe("First local day of the period (default: 12 weeks before `to`)."),
  to: day.optional().describe("Last local day of the period (default: today in the organisation's time zone)."),
  ...segmentFilterFields,
};

type DeliveryShape = { team?: string; group?: string; service?: string; from?: string; to?: string; location?: string; sourcing?: string; origin?: string };

function withDeliveryRules<T extends z.ZodType<DeliveryShape>>(schema: T) {
  return schema
    .refine((q) => [q.team, q.group, q.service].filter(Boolean).length <= 1, { message: "give at most one of team, group and service", path: ["team"] })
    .refine((q) => !q.from || !q.to || q.from <= q.to, { message: "must not be after to", path: ["from"] })
    .refine((q) => !q.service || !(q.location || q.sourcing || q.origin), { message: "location, sourcing and origin filter teams; choose a team, a group or the organisation", path: ["service"] });
}

export const deliveryQuery = withDeliveryRules(z.object(deliveryFields));

/** Largest page a drill-down serves; the CSV (`format=csv`) holds every matching row. */
export const MAX_PAGE_SIZE = 500;

const positiveInt = (what: string, max?: number) => {
  const base = z.coerce.number(`must be a whole number`).int(`must be a whole number`).min(1, `must be at least 1`);
  return (max ? base.max(max, `must be at most ${max}`) : base).describe(what);
};

/**
 * A drill-down's rows: the delivery scope and period, which rows (the subset a number counts), a service and
 * text filter, a sort column and direction, and a page — or every matching row as CSV.
 */
function rowsQuery<Sub extends readonly [string, ...string[]], Sort extends readonly [string, ...string[]]>(subsets: Sub, sorts: Sort, defaultSort: Sort[number], subsetHelp: string) {
  return withDeliveryRules(
    z.object({
      ...deliveryFields,
      subset: z.enum(subsets, `must be one of ${subsets.join(", ")}`).default(subsets[0] as Sub[number]).describe(subsetHelp),
      sort: z.enum(sorts, `must be one of ${sorts.join(", ")}`).default(defaultSort).describe(`Column to sort by: ${sorts.join(", ")}.`),
      dir: z.enum(["asc", "desc"], "must be asc or desc").default("desc").describe("Sort direction (default desc: newest, longest first)."),
      page: positiveInt("Page number, from 1 (default 1).").default(1),
      pageSize: positiveInt(`Rows per page, 1–${MAX_PAGE_SIZE} (default 50).`, MAX_PAGE_SIZE).default(50),
      q: z.string().trim().max(200, "must be at most 200 characters").optional().describe("Text search (case-insensitive) over ids, SHAs and titles."),
      filterService: z.string().trim().min(1, "must not be empty").optional().describe("Only rows of this service (within the scope)."),
      format: z.enum(["json", "csv"], "must be json or csv").default("json").describe("csv: every matching row (no paging) as a CSV download."),
    }),
  );
}

export const deploymentRowsQuery = rowsQuery(
  Object.keys(DEPLOYMENT_SUBSETS) as [DeploymentSubset, ...DeploymentSubset[]],
  DEPLOYMENT_SORTS,
  "finished",
  "all: every production deployment run; successful (deployment frequency); failed (change failure rate); recovered (failed deployment recovery time); rework (rework rate).",
);
export const changeRowsQuery = rowsQuery(CHANGE_SUBSETS, CHANGE_SORTS, "date", "all: deployed or merged in the period; counted: the changes the lead time is computed over.");
export const incidentRowsQuery = rowsQuery(INCIDENT_SUBSETS, INCIDENT_SORTS, "opened", "all: opened or resolved in the period; opened (incidents opened); resolved (time to restore's sample).");

export type DeploymentRowsQuery = z.infer<typeof deploymentRowsQuery>;
export type ChangeRowsQuery = z.infer<typeof changeRowsQuery>;
export type IncidentRowsQuery = z.infer<typeof incidentRowsQuery>;

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
