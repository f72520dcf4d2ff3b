/**
 * The JQL the Jira sync searches with (pure): one stream per project and one for the connector's own query
 * without those projects, so an issue is read once; and the minute a cursor stands for, as JQL reads dates.
 */
import { createHash } from "node:crypto";

export interface JiraStream {
  name: string;
  jql: string;
}

const quoted = (value: string) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

export function jiraStreams(options: { projects: readonly string[]; jql: string | null }): JiraStream[] {
  const streams = options.projects.map((p) => ({ name: `jira:${p}`, jql: `project = ${quoted(p)}` }));
  if (options.jql) {
    // The caller's own ordering would clash with ours.
    const own = options.jql.replace(/\border\s+by\b[\s\S]*$/i, "").trim();
    const hash = createHash("sha256").update(own).digest("hex").slice(0, 12);
    const others = options.projects.length > 0 ? ` AND project not in (${options.projects.map(quoted).join(", ")})` : "";
    streams.push({ name: `jira:jql:${hash}`, jql: `(${own})${others}` });
  }
  return streams;
}

/** `2026/11/02 10:15`: the instant's minute in the account's time zone, as JQL reads dates. */
export function jqlMinute(at: Date, timeZone: string): string {
  const format = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const p = Object.fromEntries(format.formatToParts(at).map((part) => [part.type, part.value]));
  return `${p.year}/${p.month}/${p.day} ${p.hour}:${p.minute}`;
}
