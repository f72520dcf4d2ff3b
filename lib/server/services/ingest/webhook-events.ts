/**
 * What a webhook delivery means for us, once mapped from the provider's payload: a deployment, a pull
 * request (with at most one new review), an incident, or nothing we track.
 */
import type { DeploymentInput, IncidentInput, PullRequestInput } from "@/lib/validation/ingest";

export type WebhookEvent =
  | { kind: "deployment"; item: DeploymentInput }
  | { kind: "pullRequest"; item: PullRequestInput }
  | { kind: "incident"; item: IncidentInput }
  | { kind: "ignored"; reason: string };

export const ignored = (reason: string): WebhookEvent => ({ kind: "ignored", reason });

/**
 * Providers' timestamps as ISO 8601: GitHub sends ISO already; GitLab also sends "2021-04-28 21:50:00 +0200"
 * and "2013-12-03 17:23:34 UTC". Null when unreadable.
 */
export function providerTime(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(value.trim());
  if (!m) return null;
  const zone = !m[3] || /^(z|utc)$/i.test(m[3]) ? "Z" : m[3].length === 5 ? `${m[3].slice(0, 3)}:${m[3].slice(3)}` : m[3];
  const parsed = new Date(`${m[1]}T${m[2]}${zone}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}

/** Whether one of the labels is the organisation's incident label (case-insensitive). */
export function hasLabel(labels: readonly string[], wanted: string): boolean {
  const w = wanted.trim().toLowerCase();
  return labels.some((l) => l.trim().toLowerCase() === w);
}

/** A severity label such as "sev1", "sev-2" or "severity: high", when the issue carries one. */
export function severityOf(labels: readonly string[]): string | undefined {
  const found = labels.find((l) => /^sev(erity)?\b|^sev\d|^p[0-4]$/i.test(l.trim()));
  return found?.trim();
}

/** Rollback and hotfix deployments as providers usually name them (task or description). */
export function kindOf(...texts: (string | null | undefined)[]): DeploymentInput["kind"] {
  const text = texts.filter(Boolean).join(" ").toLowerCase();
  if (/\brollback\b|\broll back\b/.test(text)) return "rollback";
  if (/\bhotfix\b/.test(text)) return "hotfix";
  return "regular";
}
