/**
 * Schemas for the leadership views: annotations, the weekly review, comparisons of teams and segments,
 * and meeting packs. Shared by the forms and the route handlers.
 */
import { z } from "zod";
import { RANGE_KEYS, type RangeKey } from "@/lib/metrics/series-types";
import { scopeParam } from "./dashboard";

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date YYYY-MM-DD");
const granularity = z.enum(["week", "month", "quarter"]);
const range = z.enum(RANGE_KEYS as [RangeKey, ...RangeKey[]]);
const commaList = (s: string) => s.split(",").map((x) => x.trim()).filter(Boolean);

// ── Annotations ──

export const ANNOTATION_SCOPES = ["ORG", "GROUP", "TEAM"] as const;

export const annotationInput = z
  .object({
    scopeType: z.enum(ANNOTATION_SCOPES),
    scopeId: z.string().min(1).nullable().optional(),
    date: day,
    title: z.string().trim().min(1, "enter a title").max(120, "keep the title under 120 characters"),
    body: z.string().trim().max(2000, "keep the note under 2,000 characters").optional(),
  })
  .refine((a) => (a.scopeType === "ORG") === !a.scopeId, { message: "choose a group or team (or none for the organisation)", path: ["scopeId"] });
export type AnnotationInput = z.infer<typeof annotationInput>;

export const annotationUpdate = z.object({
  date: day.optional(),
  title: z.string().trim().min(1, "enter a title").max(120, "keep the title under 120 characters").optional(),
  body: z.string().trim().max(2000, "keep the note under 2,000 characters").nullable().optional(),
});
export type AnnotationUpdate = z.infer<typeof annotationUpdate>;

export const annotationsQuery = z.object({
  scope: scopeParam,
  from: day.optional(),
  to: day.optional(),
});

// ── Weekly review ──

export const reviewQuery = z.object({
  /** Any day of the week to review; the current week when omitted. */
  asOf: day.optional(),
  scope: scopeParam,
  granularity: z.enum(["week", "month"]).default("week"),
});
export type ReviewQuery = z.infer<typeof reviewQuery>;

// ── Segments and comparisons ──

/** team:<id>, group:<id>, org, location:<name>, sourcing:<ONSHORE…>, origin:organic, origin:acquired[:<name>]. */
export const SEGMENT_PATTERN = /^(org|team:[\w-]+|group:[\w-]+|location:[^,]{1,80}|sourcing:(ONSHORE|NEARSHORE|OFFSHORE|VENDOR)|origin:organic|origin:acquired(:[^,]{1,80})?)$/;

export const compareQuery = z.object({
  items: z
    .string()
    .transform(commaList)
    .pipe(z.array(z.string().regex(SEGMENT_PATTERN, "unknown team or segment")).min(2, "choose at least 2 teams or segments").max(6, "choose at most 6 teams or segments")),
  metrics: z.string().transform(commaList).pipe(z.array(z.string().min(1)).min(1, "choose at least one metric").max(8, "choose at most 8 metrics")),
  range: range.default("6m"),
  granularity: granularity.default("month"),
});
export type CompareQuery = z.infer<typeof compareQuery>;

// ── Meeting packs ──

export const ACTION_STATUSES = ["open", "in-progress", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const packSlideInput = z.object({
  metricKey: z.string().min(1),
  scope: z.string().regex(/^(org|group:[\w-]+|team:[\w-]+)$/, "must be org, group:<id> or team:<id>"),
  range: range.default("6m"),
  granularity: granularity.default("week"),
  narrative: z.string().trim().max(4000).default(""),
  speakerNotes: z.string().trim().max(4000).default(""),
});
export type PackSlideInput = z.infer<typeof packSlideInput>;

export const actionInput = z.object({
  title: z.string().trim().min(1, "describe the action").max(200),
  owner: z.string().trim().min(1, "name an owner").max(120),
  status: z.enum(ACTION_STATUSES).default("open"),
  dueDate: day.nullable().optional(),
});
export type ActionInput = z.infer<typeof actionInput>;

export const packInput = z.object({
  title: z.string().trim().min(1, "enter a title").max(120),
  date: day,
  slides: z.array(packSlideInput).min(1, "add at least one chart").max(20, "a pack holds at most 20 charts"),
  actions: z.array(actionInput).max(50).default([]),
});
export type PackInput = z.infer<typeof packInput>;

export const actionUpdate = z.object({
  status: z.enum(ACTION_STATUSES).optional(),
  title: z.string().trim().min(1).max(200).optional(),
  owner: z.string().trim().min(1).max(120).optional(),
  dueDate: day.nullable().optional(),
});
export type ActionUpdate = z.infer<typeof actionUpdate>;
