/**
 * Which tracker statuses mean work is happening (`active`), queued (`waiting`) or finished (`done`).
 * Teams configure their own; these defaults cover the common Jira/Linear/GitHub names. A status
 * nobody mapped counts as waiting: it never starts the clock, and time spent in it after the start
 * is not claimed as active work.
 */

export type StatusCategory = "active" | "waiting" | "done";

/** Keys are lower-case, trimmed status names. */
export type StatusMapping = Readonly<Record<string, StatusCategory>>;

const WAITING = [
  "backlog", "to do", "todo", "open", "new", "triage", "ready", "ready for development",
  "selected for development", "blocked", "on hold", "waiting", "reopened", "ready for review",
  "ready for qa", "ready to deploy", "awaiting deployment",
];
const ACTIVE = [
  "in progress", "doing", "in development", "development", "in review", "code review", "review",
  "in qa", "qa", "testing", "in testing", "deploying",
];
/** Cancelled work also leaves the system here (it is no longer WIP); remap it if it should not count. */
const DONE = [
  "done", "closed", "resolved", "released", "deployed", "shipped", "complete", "completed",
  "cancelled", "canceled", "won't do", "wont do",
];

export const DEFAULT_STATUS_MAPPING: StatusMapping = Object.freeze({
  ...Object.fromEntries(WAITING.map((s) => [s, "waiting" as const])),
  ...Object.fromEntries(ACTIVE.map((s) => [s, "active" as const])),
  ...Object.fromEntries(DONE.map((s) => [s, "done" as const])),
});

function normaliseStatus(status: string): string {
  return status.trim().toLowerCase();
}

/** The defaults with a team's own entries laid over them (names compared case-insensitively). */
export function resolveStatusMapping(custom: Readonly<Record<string, StatusCategory>> = {}): StatusMapping {
  const merged: Record<string, StatusCategory> = { ...DEFAULT_STATUS_MAPPING };
  for (const [status, category] of Object.entries(custom)) merged[normaliseStatus(status)] = category;
  return merged;
}

export function categoryOf(status: string, mapping: StatusMapping): StatusCategory {
  return mapping[normaliseStatus(status)] ?? "waiting";
}
