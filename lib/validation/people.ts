/**
 * Schemas for the people roster and career framework, shared by the admin forms, the people API
 * (POST /api/v1/people), the roster CSV import and the retention report API.
 * Rules that need the database (levels exist, promotions move up the framework, teams exist)
 * are checked by lib/server/services/retention/check-records.ts.
 */
import { z } from "zod";
import { segmentFilterFields } from "./dashboard";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export const day = z
  .string()
  .regex(DAY, "must be a date YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), "is not a real date");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((s) => (s === "" ? null : s))
    .nullable()
    .optional()
    .transform((s) => s ?? null);

export const employeeId = z
  .string()
  .trim()
  .min(1, "is required")
  .max(64)
  .regex(/^[\w.@:-]+$/, "may contain letters, digits and . _ - : @ only");

export const EXIT_TYPES = ["voluntary", "involuntary"] as const;
export const exitType = z.enum(EXIT_TYPES);

export const SOURCING_VALUES = ["ONSHORE", "NEARSHORE", "OFFSHORE", "VENDOR"] as const;
export type SourcingValue = (typeof SOURCING_VALUES)[number];
/** Accepts any letter case ("onshore", "Onshore"), as HR exports write it. */
export const sourcing = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .pipe(z.enum(SOURCING_VALUES));

export const CAREER_TRACKS = ["IC", "M"] as const;

export const careerLevelInput = z.object({
  key: z.string().trim().min(1, "is required").max(20).regex(/^[A-Za-z0-9_-]+$/, "may contain letters, digits, - and _ only"),
  name: z.string().trim().min(1, "is required").max(80),
  track: z.enum(CAREER_TRACKS),
  order: z.coerce.number().int("must be a whole number").min(0).max(100),
});
export type CareerLevelInput = z.infer<typeof careerLevelInput>;
export const careerLevelPatch = careerLevelInput.partial();

export const employmentInput = z
  .object({
    hireDate: day,
    exitDate: day.nullable().optional().transform((d) => d ?? null),
    exitType: exitType.nullable().optional().transform((t) => t ?? null),
    regretted: z.boolean().optional().default(false),
    exitReason: optionalText(120),
  })
  .superRefine((e, ctx) => {
    if (e.exitDate !== null && e.exitDate < e.hireDate) ctx.addIssue({ code: "custom", path: ["exitDate"], message: "must be on or after the hire date" });
    if (e.exitDate !== null && e.exitType === null) ctx.addIssue({ code: "custom", path: ["exitType"], message: "is required when there is an exit date" });
    if (e.exitDate === null && (e.exitType !== null || e.regretted)) {
      ctx.addIssue({ code: "custom", path: ["exitDate"], message: "is required when an exit type or regretted flag is given" });
    }
  });
export type EmploymentInput = z.infer<typeof employmentInput>;

export const promotionInput = z.object({ date: day, fromLevel: z.string().trim().min(1), toLevel: z.string().trim().min(1) });
export type PromotionInput = z.infer<typeof promotionInput>;

/** `fromTeam`/`toTeam` are a team's id or slug. */
export const teamMoveInput = z.object({ date: day, fromTeam: z.string().trim().min(1), toTeam: z.string().trim().min(1) });
export type TeamMoveInput = z.infer<typeof teamMoveInput>;

/**
 * One person's full record. Sent again, it replaces what is stored (employments always;
 * promotions and team moves when the field is present), so re-sending the same record changes nothing.
 * `team` is the current team (id or slug); with moves, the first move's `fromTeam` is the team on hiring.
 */
export const personRecord = z
  .object({
    employeeId,
    team: z.string().trim().min(1, "is required"),
    level: z.string().trim().min(1, "is required"),
    roleFamily: optionalText(60),
    location: optionalText(60),
    sourcing: sourcing.nullable().optional().transform((s) => s ?? null),
    managerEmployeeId: employeeId.nullable().optional().transform((s) => s ?? null),
    employments: z.array(employmentInput).min(1, "needs at least one employment"),
    promotions: z.array(promotionInput).optional(),
    teamMoves: z.array(teamMoveInput).optional(),
  })
  .superRefine((p, ctx) => {
    const spans = p.employments;
    for (let i = 1; i < spans.length; i++) {
      const prev = spans[i - 1];
      if (prev.exitDate === null || prev.exitDate >= spans[i].hireDate) {
        ctx.addIssue({ code: "custom", path: ["employments", i, "hireDate"], message: "must come after the previous employment's exit date (list employments oldest first)" });
      }
    }
    if (p.managerEmployeeId !== null && p.managerEmployeeId === p.employeeId) {
      ctx.addIssue({ code: "custom", path: ["managerEmployeeId"], message: "cannot be the person themself" });
    }
    const dates = (list: { date: string }[] | undefined, field: string, onHireDay: boolean) => {
      const seen = new Set<string>();
      list?.forEach((x, i) => {
        if (seen.has(x.date)) ctx.addIssue({ code: "custom", path: [field, i, "date"], message: "has another event on the same date" });
        seen.add(x.date);
        const starts = (e: EmploymentInput) => (onHireDay ? e.hireDate <= x.date : e.hireDate < x.date);
        if (!spans.some((e) => starts(e) && (e.exitDate === null || x.date <= e.exitDate))) {
          ctx.addIssue({ code: "custom", path: [field, i, "date"], message: "must fall after a hire date and within that employment" });
        }
      });
    };
    dates(p.promotions, "promotions", false);
    // A move may fall on a (re)hire day: joining another team on rehiring is recorded as a move then.
    dates(p.teamMoves, "teamMoves", true);
  });
export type PersonRecord = z.infer<typeof personRecord>;

/** POST /api/v1/people: one record or an array of them; issues are reported as `<index>.<field>`. */
export const peopleIngestBody = z.preprocess((v) => (Array.isArray(v) ? v : [v]), z.array(personRecord).min(1).max(5000));

/** Editing a person's attributes (the admin form); history is changed through events. */
export const personAttributesInput = z.object({
  team: z.string().trim().min(1, "is required"),
  level: z.string().trim().min(1, "is required"),
  roleFamily: optionalText(60),
  location: optionalText(60),
  sourcing: sourcing.nullable().optional().transform((s) => s ?? null),
  managerEmployeeId: employeeId.nullable().optional().transform((s) => s ?? null),
});
export type PersonAttributesInput = z.infer<typeof personAttributesInput>;

/** Creating a person from the admin form: attributes plus the first hire date. */
export const newPersonInput = personAttributesInput.extend({ employeeId, hireDate: day });
export type NewPersonInput = z.infer<typeof newPersonInput>;

/** Events an admin records on a person. */
export const personEventInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("promotion"), date: day, toLevel: z.string().trim().min(1, "is required") }),
  z.object({ type: z.literal("move"), date: day, toTeam: z.string().trim().min(1, "is required") }),
  z.object({
    type: z.literal("exit"),
    date: day,
    exitType,
    regretted: z.boolean().default(false),
    exitReason: optionalText(120),
  }),
  z.object({ type: z.literal("rehire"), date: day, team: z.string().trim().min(1).optional(), level: z.string().trim().min(1).optional() }),
]);
export type PersonEventInput = z.infer<typeof personEventInput>;

export const peopleListQuery = z.object({
  team: z.string().trim().optional(),
  level: z.string().trim().optional(),
  location: z.string().trim().optional(),
  status: z.enum(["active", "exited", "all"]).default("active"),
  q: z.string().trim().max(64).optional(),
});
export type PeopleListQuery = z.infer<typeof peopleListQuery>;

export const RETENTION_SEGMENTS = ["team", "group", "location", "sourcing", "origin", "level"] as const;
export type RetentionSegment = (typeof RETENTION_SEGMENTS)[number];
export const RETENTION_PERIODS = ["week", "month", "quarter", "year"] as const;
export type RetentionPeriod = (typeof RETENTION_PERIODS)[number];

export const retentionQuery = z
  .object({
    segment: z.enum(RETENTION_SEGMENTS).default("team"),
    period: z.enum(RETENTION_PERIODS).default("month"),
    from: day.optional(),
    to: day.optional(),
    ...segmentFilterFields,
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ["from"], message: "must be on or before to" });
export type RetentionQuery = z.infer<typeof retentionQuery>;

export const importQuery = z.object({
  dryRun: z
    .enum(["1", "0", "true", "false"])
    .default("1")
    .transform((v) => v === "1" || v === "true"),
});
