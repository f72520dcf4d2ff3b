import { z } from "zod";
import { addDays } from "@/lib/domain/time";

/**
 * Survey inputs shared by the compose and run forms, the /api/v1/surveys handlers and the respondent
 * page. Item shapes follow lib/engagement/items.ts; `index` names the engagement metric an item feeds
 * (psychological safety, eNPS, a pulse dimension), so results can be stored as metric values.
 */

export const ITEM_KINDS = ["likert5", "likert7", "scale0to10", "singleChoice", "text"] as const;
export const SCALE_KINDS = ["likert5", "likert7", "scale0to10"] as const;
export const INDEX_KEYS = [
  "psych_safety",
  "enps",
  "pulse_autonomy",
  "pulse_trust",
  "pulse_workload",
  "pulse_growth",
  "pulse_belonging",
] as const;
export type IndexKey = (typeof INDEX_KEYS)[number];
export const REPEATS = ["none", "monthly", "quarterly"] as const;
export type Repeat = (typeof REPEATS)[number];
export const TEMPLATE_KEYS = ["psychological-safety", "enps", "pulse"] as const;

/** Most seats one generation may ask for per team; a team is rarely bigger than a few dozen. */
export const MAX_SEATS_PER_TEAM = 500;
export const MAX_TEXT_ANSWER = 2000;

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD.")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "Not a real date.");
const itemId = z.string().trim().min(1).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, "Item ids use lower-case letters, digits and hyphens.");
const itemText = z.string().trim().min(3, "Write the question (at least 3 characters).").max(300, "At most 300 characters.");

const scaleItem = z.object({
  id: itemId,
  kind: z.enum(SCALE_KINDS),
  text: itemText,
  reverseScored: z.boolean().optional(),
  index: z.enum(INDEX_KEYS).optional(),
});
const choiceItem = z.object({
  id: itemId,
  kind: z.literal("singleChoice"),
  text: itemText,
  options: z
    .array(z.object({ id: itemId, label: z.string().trim().min(1, "Each option needs a label.").max(120) }))
    .min(2, "Give at least two options.")
    .max(12, "At most 12 options.")
    .refine((o) => new Set(o.map((x) => x.id)).size === o.length, "Option ids must be unique."),
});
const textItem = z.object({ id: itemId, kind: z.literal("text"), text: itemText });

/** An item as stored in Survey.items. */
export const storedItem = z.discriminatedUnion("kind", [scaleItem, choiceItem, textItem]);
export type StoredItem = z.infer<typeof storedItem>;
export const storedItems = z.array(storedItem);

/** An item the author writes: the server gives it an id, and it feeds no built-in index. */
export const customItemInput = z.discriminatedUnion("kind", [
  z.object({ kind: z.enum(SCALE_KINDS), text: itemText, reverseScored: z.boolean().optional() }),
  z.object({
    kind: z.literal("singleChoice"),
    text: itemText,
    options: z.array(z.string().trim().min(1, "Each option needs a label.").max(120)).min(2, "Give at least two options.").max(12),
  }),
  z.object({ kind: z.literal("text"), text: itemText }),
]);
export type CustomItemInput = z.infer<typeof customItemInput>;

export const createSurveyInput = z
  .object({
    title: z.string().trim().min(3, "Give the survey a title (at least 3 characters).").max(120, "At most 120 characters."),
    description: z.string().trim().max(500).optional(),
    /** Template keys whose items are included, in order. */
    templates: z.array(z.enum(TEMPLATE_KEYS)).max(TEMPLATE_KEYS.length).default([]),
    /** Template item ids to leave out (e.g. the comment item). */
    excludeItems: z.array(itemId).default([]),
    items: z.array(customItemInput).max(30, "At most 30 own items.").default([]),
  })
  .refine((v) => v.templates.length + v.items.length > 0, { message: "Pick a template or add an item.", path: ["templates"] });
export type CreateSurveyInput = z.infer<typeof createSurveyInput>;

/** A run stays open two weeks unless its author says otherwise: long enough for people on leave to answer. */
export const DEFAULT_RUN_DAYS = 14;

/** The closing day a new run is offered: the last of DEFAULT_RUN_DAYS days from the day it opens. */
export function defaultClosesOn(opensOn: string): string {
  // The date input may hold a half-typed value for a moment: it is offered back unchanged.
  return /^\d{4}-\d{2}-\d{2}$/.test(opensOn) ? addDays(opensOn, DEFAULT_RUN_DAYS - 1) : opensOn;
}

export const createRunInput = z
  .object({
    title: z.string().trim().max(120).optional(),
    opensOn: isoDate,
    closesOn: isoDate,
    repeat: z.enum(REPEATS).default("none"),
    teamIds: z.array(z.string().min(1).max(64)).max(500).default([]),
    /** Groups expand to every team in them and their sub-groups. */
    groupIds: z.array(z.string().min(1).max(64)).max(200).default([]),
  })
  .refine((v) => v.closesOn >= v.opensOn, { message: "The run must close on or after the day it opens.", path: ["closesOn"] })
  .refine((v) => v.teamIds.length + v.groupIds.length > 0, { message: "Choose at least one team or group.", path: ["teamIds"] });
export type CreateRunInput = z.infer<typeof createRunInput>;

export const generateLinksInput = z.object({
  /** Seats per team; a team left out gets its current headcount from the roster. */
  seats: z
    .array(z.object({ teamId: z.string().min(1).max(64), count: z.number().int().min(0).max(MAX_SEATS_PER_TEAM) }))
    .max(500)
    .default([]),
  /** Only these teams (default: every team of the run). */
  teamIds: z.array(z.string().min(1).max(64)).max(500).optional(),
});
export type GenerateLinksInput = z.infer<typeof generateLinksInput>;

export const linksFormatQuery = z.object({ format: z.enum(["json", "csv"]).default("json") });

export const resultsQuery = z.object({
  team: z.string().min(1).max(64).optional(),
  group: z.string().min(1).max(64).optional(),
  location: z.string().min(1).max(120).optional(),
  sourcing: z.enum(["ONSHORE", "NEARSHORE", "OFFSHORE", "VENDOR"]).optional(),
  format: z.enum(["json", "csv"]).default("json"),
});
export type ResultsQuery = z.infer<typeof resultsQuery>;

export const commentVisibilityInput = z.object({ hidden: z.boolean() });

/** Answers as the respondent page and API send them: item id → a number, an option id or free text. */
export const answersInput = z.object({
  answers: z.record(itemId, z.union([z.number().int().min(0).max(10), z.string().max(MAX_TEXT_ANSWER), z.null()])),
});
export type AnswersInput = z.infer<typeof answersInput>;

/** Invitation tokens are 32 url-safe base64 characters; anything else is not ours. */
export const tokenParam = z.string().regex(/^[A-Za-z0-9_-]{32}$/);

/** Most addresses one "Email links" request may send to; sending happens within the request. */
export const MAX_EMAIL_INVITATIONS = 1000;

/**
 * One address: trimmed, at most 254 characters, the usual local@domain.tld shape. No spaces, CR or LF can
 * pass, so an address can never add a header to a message.
 */
export const emailAddress = z
  .string()
  .trim()
  .max(254, "An email address has at most 254 characters.")
  .pipe(z.email("Not a valid email address."));

export const emailInvitationsInput = z
  .object({
    teamId: z.string().min(1).max(64),
    addresses: z
      .array(emailAddress)
      .min(1, "Add at least one email address.")
      .max(MAX_EMAIL_INVITATIONS, `At most ${MAX_EMAIL_INVITATIONS} addresses per request.`),
  })
  .superRefine((v, ctx) => {
    const seen = new Map<string, number>();
    v.addresses.forEach((address, index) => {
      const key = address.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else ctx.addIssue({ code: "custom", path: ["addresses", index], message: `Listed twice (first at ${first}); each person gets one link.` });
    });
  });
export type EmailInvitationsInput = z.infer<typeof emailInvitationsInput>;
