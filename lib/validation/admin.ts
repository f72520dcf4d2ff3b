import { z } from "zod";
import { password } from "./password";

/**
 * Administration inputs (users, organisation settings, groups/teams/services, API tokens), shared by the
 * admin forms and the /api/v1/admin route handlers. Rules that need the server (the common-password list,
 * uniqueness, the group tree) are checked again in the services.
 */

export const ROLES = ["ADMIN", "LEADER", "MANAGER", "VIEWER"] as const;
/** A new user's role until an admin chooses another: read-only. */
export const DEFAULT_ROLE: (typeof ROLES)[number] = "VIEWER";

/** Only managers' team lists grant anything: a user of another role holds no managed teams (forms hide the list). */
export function roleManagesTeams(role: string): boolean {
  return role === "MANAGER";
}
export const SOURCINGS = ["ONSHORE", "NEARSHORE", "OFFSHORE", "VENDOR"] as const;
export const ORIGINS = ["ORGANIC", "ACQUIRED"] as const;
export const TOKEN_SCOPE_VALUES = ["ingest", "read"] as const;
export { ANONYMITY_THRESHOLD_MIN as ANONYMITY_MIN, ANONYMITY_THRESHOLD_MAX as ANONYMITY_MAX } from "@/lib/disclosure/reasons";
import { ANONYMITY_THRESHOLD_MIN as ANONYMITY_MIN, ANONYMITY_THRESHOLD_MAX as ANONYMITY_MAX } from "@/lib/disclosure/reasons";

/** "UTC" is not in the IANA list the runtime reports, but it is the default and always valid. */
export function isTimeZone(value: string): boolean {
  return value === "UTC" || Intl.supportedValuesOf("timeZone").includes(value);
}

export function isCurrency(value: string): boolean {
  return Intl.supportedValuesOf("currency").includes(value);
}

const id = z.string().min(1).max(64);
const name = z.string().trim().min(1, "Enter a name.").max(120, "At most 120 characters.");
const slug = z
  .string()
  .trim()
  .min(2, "At least 2 characters.")
  .max(60, "At most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, digits and single hyphens (e.g. billing-payments).");
const timeZone = z.string().trim().refine(isTimeZone, "Choose a time zone from the list (IANA name, e.g. Europe/Berlin).");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD.");

// ───────────── Users ─────────────

export const email = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(200));
export const userCreateInput = z.object({
  name,
  email,
  role: z.enum(ROLES),
  /** Absent: the server generates one and shows it once. */
  password: password.optional(),
  managedTeamIds: z.array(id).max(500).default([]),
});
export type UserCreateInput = z.infer<typeof userCreateInput>;

export const userUpdateInput = z
  .object({
    name: name.optional(),
    role: z.enum(ROLES).optional(),
    active: z.boolean().optional(),
    managedTeamIds: z.array(id).max(500).optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");
export type UserUpdateInput = z.infer<typeof userUpdateInput>;

export const passwordResetInput = z.object({ password: password.optional() });
export type PasswordResetInput = z.infer<typeof passwordResetInput>;

// ───────────── Organisation settings ─────────────

export const settingsInput = z.object({
  name,
  timeZone,
  anonymityThreshold: z
    .number({ error: "Enter a whole number." })
    .int("Enter a whole number.")
    .min(ANONYMITY_MIN, `At least ${ANONYMITY_MIN}.`)
    .max(ANONYMITY_MAX, `At most ${ANONYMITY_MAX}.`),
  noteChangePct: z.number({ error: "Enter a percentage." }).gt(0, "Must be above 0.").max(1000, "At most 1000."),
  currency: z.string().trim().toUpperCase().refine(isCurrency, "Use an ISO 4217 currency code, e.g. USD or EUR."),
  incidentLabel: z.string().trim().min(1, "Enter a label.").max(50, "At most 50 characters."),
  /** When the weekly digest goes out (ISO weekday 1 = Monday, hour 0–23, in the time zone); left out: unchanged. */
  digestWeekday: z.number({ error: "Choose a day." }).int().min(1, "Choose a day.").max(7, "Choose a day.").optional(),
  digestHour: z.number({ error: "Choose an hour." }).int().min(0, "Choose an hour.").max(23, "Choose an hour.").optional(),
});
export type SettingsInput = z.infer<typeof settingsInput>;

export const locationCostInput = z.object({
  location: z.string().trim().min(1, "Enter a location.").max(100, "At most 100 characters."),
  sourcing: z.enum(SOURCINGS),
  annualCost: z.number({ error: "Enter an amount." }).positive("Must be above 0.").max(100_000_000, "Too large."),
});
export type LocationCostInput = z.infer<typeof locationCostInput>;

// ───────────── Groups, teams, services ─────────────

export const groupCreateInput = z.object({ name, slug: slug.optional(), parentId: id.nullable().default(null) });
export type GroupCreateInput = z.infer<typeof groupCreateInput>;

export const groupUpdateInput = z
  .object({ name: name.optional(), parentId: id.nullable().optional() })
  .refine((v) => v.name !== undefined || v.parentId !== undefined, "Nothing to change.");
export type GroupUpdateInput = z.infer<typeof groupUpdateInput>;

const teamFields = z.object({
  name,
  slug,
  groupId: id,
  location: z.string().trim().min(1, "Enter a location.").max(100, "At most 100 characters."),
  sourcing: z.enum(SOURCINGS),
  origin: z.enum(ORIGINS),
  acquisitionName: z.string().trim().max(120).nullable().default(null),
  acquisitionDate: isoDate.nullable().default(null),
  timeZone: timeZone.nullable().default(null),
});

/** An acquired team must say what it came from and when; an organic team carries neither. */
function acquisitionIssues(
  v: { origin?: string; acquisitionName?: string | null; acquisitionDate?: string | null },
  ctx: z.RefinementCtx,
): void {
  if (v.origin !== "ACQUIRED") return;
  if (!v.acquisitionName) ctx.addIssue({ code: "custom", path: ["acquisitionName"], message: "An acquired team needs the acquisition's name." });
  if (!v.acquisitionDate) ctx.addIssue({ code: "custom", path: ["acquisitionDate"], message: "An acquired team needs the acquisition date." });
}

export const teamCreateInput = teamFields.superRefine(acquisitionIssues);
export type TeamCreateInput = z.infer<typeof teamCreateInput>;

/** Partial; the service re-checks the acquisition rule against the merged row. */
export const teamUpdateInput = teamFields
  .partial()
  .extend({
    acquisitionName: z.string().trim().max(120).nullable().optional(),
    acquisitionDate: isoDate.nullable().optional(),
    timeZone: timeZone.nullable().optional(),
    archived: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), "Nothing to change.");
export type TeamUpdateInput = z.infer<typeof teamUpdateInput>;

export const serviceCreateInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(200, "At most 200 characters."),
  teamId: id.nullable().default(null),
});
export type ServiceCreateInput = z.infer<typeof serviceCreateInput>;

export const serviceUpdateInput = z
  .object({ name: serviceCreateInput.shape.name.optional(), teamId: id.nullable().optional() })
  .refine((v) => v.name !== undefined || v.teamId !== undefined, "Nothing to change.");
export type ServiceUpdateInput = z.infer<typeof serviceUpdateInput>;

// ───────────── API tokens ─────────────

export const tokenCreateInput = z.object({
  name: z.string().trim().min(1, "Enter a name.").max(100, "At most 100 characters."),
  scopes: z.array(z.enum(TOKEN_SCOPE_VALUES)).min(1, "Choose at least one scope."),
  /** Last valid day (YYYY-MM-DD, end of that day UTC); null = never expires. */
  expiresOn: isoDate.nullable().default(null),
});
export type TokenCreateInput = z.infer<typeof tokenCreateInput>;

/** A URL-safe slug suggestion from a name ("Billing & Payments" → "billing-payments"). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
}
