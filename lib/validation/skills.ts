/**
 * Request bodies for the Skills & capabilities pillar: learning records and budgets, AI-tool usage
 * (generic rows and the GitHub Copilot exports), experiments and the skills matrix. Shared by the
 * route handlers, the forms and the importers. Batch endpoints take one object or an array; a
 * single object becomes a batch of one so issue paths always start with the item index.
 */
import { z } from "zod";
import { PROFICIENCY_MAX, PROFICIENCY_MIN } from "@/lib/skills/coverage";
import { batchOf } from "./ingest";

const day = z.iso.date({ message: "must be a date, YYYY-MM-DD" });
const teamSlug = z.string().trim().regex(/^[a-z0-9][a-z0-9-]*$/, "must be a team slug (lower-case letters, digits, dashes)");
const employeeId = z.string().trim().min(1, "is required").max(100);
const money = z.number().min(0, "must be 0 or more").max(10_000_000, "is too large");
const count = z.number().int("must be a whole number").min(0, "must be 0 or more").max(10_000_000, "is too large");

export const LEARNING_CATEGORIES = ["course", "conference", "certification", "internal", "other"] as const;
export type LearningCategory = (typeof LEARNING_CATEGORIES)[number];

/** A learning record for a whole team (team) or one person (employeeId, whose team it counts in). */
export const learningInput = z
  .object({
    externalId: z.string().trim().min(1).max(200).optional().describe("Makes the call idempotent: a second call with the same id updates the record."),
    team: teamSlug.optional().describe("Team slug; optional when employeeId names a person on the roster."),
    employeeId: employeeId.optional(),
    date: day,
    hours: z.number().min(0, "must be 0 or more").max(2000, "is too large").default(0),
    spend: money.default(0),
    category: z.enum(LEARNING_CATEGORIES, { message: `must be one of ${LEARNING_CATEGORIES.join(", ")}` }),
    title: z.string().trim().max(300).optional(),
  })
  .refine((r) => r.team !== undefined || r.employeeId !== undefined, { message: "give a team or an employeeId", path: ["team"] })
  .refine((r) => r.hours > 0 || r.spend > 0, { message: "record some hours or some spend", path: ["hours"] });
export type LearningInput = z.infer<typeof learningInput>;
export const learningBatch = batchOf(learningInput);

export const learningListQuery = z.object({
  team: z.string().min(1).optional(),
  from: day.optional(),
  to: day.optional(),
});

export const learningBudgetInput = z.object({
  teamId: z.string().min(1, "is required"),
  year: z.number().int().min(2000).max(2100),
  amount: money,
});
export type LearningBudgetInput = z.infer<typeof learningBudgetInput>;

export const SEGMENTS = ["team", "location", "sourcing", "origin"] as const;
export type Segment = (typeof SEGMENTS)[number];

export const learningSummaryQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  segment: z.enum(SEGMENTS).default("team"),
});

/** One AI coding tool's usage for a team on a day (the generic import). */
export const aiUsageInput = z.object({
  tool: z.string().trim().min(1, "is required").max(100),
  team: teamSlug,
  date: day,
  seats: count.optional(),
  activeUsers: count,
  engagedUsers: count.optional(),
  suggestions: count.optional(),
  acceptances: count.optional(),
  agentTasks: count.optional(),
});
export type AiUsageInput = z.infer<typeof aiUsageInput>;
export const aiUsageBatch = batchOf(aiUsageInput);

/**
 * The GitHub Copilot exports: the seat list (`GET /orgs/{org}/copilot/billing/seats`) and/or the
 * text of a users usage-report NDJSON file. Copilot team slugs match Pillars team slugs unless
 * `teamMap` maps them (to a team id, or to null to leave that Copilot team out).
 */
export const copilotImportBody = z
  .object({
    seats: z.unknown().optional(),
    report: z.string().max(20 * 1024 * 1024).optional(),
    asOf: day.optional().describe("The day the seat list describes (default: today)."),
    teamMap: z.record(z.string(), z.string().nullable()).default({}),
    dryRun: z.boolean().default(false),
  })
  .refine((b) => b.seats !== undefined || b.report !== undefined, { message: "send a seat list, a usage report or both", path: ["seats"] });
export type CopilotImportBody = z.infer<typeof copilotImportBody>;

export const EXPECTATION_DIRECTIONS = ["up", "down"] as const;

export const experimentInput = z
  .object({
    title: z.string().trim().min(1, "is required").max(200),
    hypothesis: z.string().trim().min(1, "is required").max(2000),
    owner: z.string().trim().min(1, "is required").max(200),
    teamIds: z.array(z.string().min(1)).min(1, "choose at least one team").max(100),
    startDate: day,
    endDate: day.nullable().default(null),
    expectations: z
      .array(z.object({ metricKey: z.string().trim().min(1, "is required").max(100), direction: z.enum(EXPECTATION_DIRECTIONS) }))
      .min(1, "name at least one metric expected to move")
      .max(20),
    outcome: z.string().trim().max(4000).nullable().default(null),
    notes: z.string().trim().max(4000).nullable().default(null),
  })
  .refine((e) => e.endDate === null || e.endDate >= e.startDate, { message: "must be on or after the start", path: ["endDate"] });
export type ExperimentInput = z.infer<typeof experimentInput>;

export const markersQuery = z.object({
  scope: z
    .string()
    .regex(/^(org|group:[\w-]+|team:[\w-]+)$/, "must be org, group:<id> or team:<id>")
    .default("org"),
});

export const skillInput = z.object({
  name: z.string().trim().min(1, "is required").max(100),
  category: z.string().trim().max(100).nullable().default(null),
});
export type SkillInput = z.infer<typeof skillInput>;

export const teamNeedsInput = z.object({ skillIds: z.array(z.string().min(1)).max(500) });

const level = z
  .number()
  .int("must be a whole number")
  .min(PROFICIENCY_MIN, `must be ${PROFICIENCY_MIN}–${PROFICIENCY_MAX}`)
  .max(PROFICIENCY_MAX, `must be ${PROFICIENCY_MIN}–${PROFICIENCY_MAX}`);

export const proficiencyInput = z.object({ employeeId, skillId: z.string().min(1, "is required"), level });
export type ProficiencyInput = z.infer<typeof proficiencyInput>;
export const proficiencyBatch = batchOf(proficiencyInput);

export const proficiencyCsvBody = z.object({ csv: z.string().min(1, "is required").max(5 * 1024 * 1024) });
