/**
 * How a Jira issue becomes a Pillars work item (pure; the sync in lib/server/services/connectors/jira.ts reads
 * the issues and teams). The status history is the changelog's status changes in time order, starting from the
 * status the issue was created in (the first change's "from", or the current status when it never moved).
 */
import type { StatusMapping } from "@/lib/flow/status-mapping";
import type { FlowType } from "@/lib/flow/types";

export interface JiraStatusChange {
  created: string;
  items: { field: string; fieldId?: string; from?: string | null; fromString?: string | null; to?: string | null; toString?: string | null }[];
}

/** Jira writes `2026-11-02T09:00:00.000+0000`; the ingestion schema wants ISO 8601 with a `+00:00` style offset. */
export function jiraInstant(value: string): string {
  const t = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, "$1:$2"));
  if (Number.isNaN(t)) throw new RangeError(`not a Jira date-time: ${value}`);
  return new Date(t).toISOString();
}

/**
 * The work type of an issue type: the connector's typeMapping (exact name, then ignoring case), else Bug is a
 * defect and the rest features. Epics and sub-tasks are left out (null) unless mapped: an epic groups items and a
 * sub-task splits one, so counting them would count the same work twice.
 */
export function workTypeOf(issueType: { name?: string; subtask?: boolean; hierarchyLevel?: number } | undefined, typeMapping: Readonly<Record<string, FlowType>>): FlowType | null {
  const name = issueType?.name ?? "";
  const mapped = typeMapping[name] ?? Object.entries(typeMapping).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
  if (mapped) return mapped;
  if (issueType?.subtask || (issueType?.hierarchyLevel ?? 0) > 0 || name.toLowerCase() === "epic") return null;
  return name.toLowerCase() === "bug" ? "defect" : "feature";
}

/** A team field's text: a plain value, a select option, an Atlassian team, a user, or the first of a list. */
export function fieldText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number") return String(value).trim() || null;
  if (Array.isArray(value)) return value.length > 0 ? fieldText(value[0]) : null;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    for (const key of ["value", "name", "title", "displayName"]) if (typeof v[key] === "string" && v[key]) return (v[key] as string).trim();
  }
  return null;
}

const CATEGORY_NAME: Record<string, string> = { new: "To Do", indeterminate: "In Progress", done: "Done" };

/**
 * The status name as stored: Jira's own name when the team's status mapping (over the defaults) knows it, else
 * the name of its Jira status category (To Do / In Progress / Done), which the default mapping reads as waiting /
 * active / done — so a workflow's own statuses ("Implementing") count as Jira classifies them. A team that names
 * the status in its mapping gets the name itself (on issues read after that).
 */
export function statusLabel(status: { id?: string | null; name: string }, mapping: StatusMapping, categories: ReadonlyMap<string, string>): string {
  const known = mapping[status.name.trim().toLowerCase()] !== undefined;
  if (known) return status.name;
  const key = (status.id ? categories.get(status.id) : undefined) ?? categories.get(status.name.toLowerCase());
  return (key && CATEGORY_NAME[key]) || status.name;
}

/** The issue's status history: entered at creation, then each change in time order. */
export function statusTransitions(
  issue: { created: string; status?: { id?: string; name: string } },
  histories: readonly JiraStatusChange[],
  label: (status: { id?: string | null; name: string }) => string,
): { status: string; at: string }[] {
  const changes = [...histories]
    .map((h, order) => ({ at: jiraInstant(h.created), order, items: h.items.filter((i) => (i.fieldId ?? i.field) === "status" && i.toString) }))
    .filter((h) => h.items.length > 0)
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.order - b.order)
    .flatMap((h) => h.items.map((i) => ({ at: h.at, from: { id: i.from, name: i.fromString ?? "" }, to: { id: i.to, name: i.toString as string } })));
  const initial = changes[0]?.from.name ? changes[0].from : issue.status;
  const created = jiraInstant(issue.created);
  return [...(initial?.name ? [{ status: label(initial), at: created }] : []), ...changes.map((c) => ({ status: label(c.to), at: c.at }))];
}

