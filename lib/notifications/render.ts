/**
 * The digest and alerts in words, once, then as email text and as Slack Block Kit: every number through
 * `lib/format` with the organisation's currency, every date in its zone, every item with a link back. Pure.
 */
import { chartHref } from "@/components/review/chart-href";
import { formatChange, formatDateRange, formatDifference, formatIsoWeek, formatValue, valueStyle } from "@/lib/format";
import type { TeamWarning } from "@/lib/review/review-types";
import type { Alert, Digest, DigestCell, RenderSettings, SlackBlock, SlackMessage } from "./types";

export interface Item {
  text: string;
  /** Absolute. */
  link: string;
  details?: string[];
}

export interface Section {
  title: string;
  empty: string;
  items: Item[];
}

export interface Rendered {
  subject: string;
  intro: string;
  sections: Section[];
}

/** A list longer than this says how many more there are and links to the page that has them all. */
export const MAX_ITEMS = 15;

const STATUS_WORD = { red: "red", amber: "amber", green: "on target" } as const;

const url = (s: RenderSettings, path: string) => `${s.baseUrl}${path}`;

function cellText(c: DigestCell, s: RenderSettings): string {
  const style = valueStyle(c.metric);
  const value = formatValue(c.value, style, s);
  const change = c.previous === null ? null : formatChange(style, c.value, c.previous, s);
  const versus = !change ? "" : change.direction === "flat" ? " (unchanged from the week before)" : ` (${change.text} vs ${formatValue(c.previous as number, style, s)} the week before)`;
  const status = c.status ? ` — ${STATUS_WORD[c.status]}` : "";
  return `${c.scopeName}: ${c.metric.name} ${value}${versus}${status}`;
}

function cellItem(c: DigestCell, s: RenderSettings): Item {
  return { text: cellText(c, s), link: url(s, chartHref(c.scope, "12w")) };
}

/** The early warning's reasons as the review page words them. */
function warningItem(w: TeamWarning, s: RenderSettings): Item {
  return {
    text: `${w.teamName}: ${w.reasons.length} signals worsening together`,
    link: url(s, chartHref(`team:${w.teamId}`)),
    details: w.reasons.map((r) => {
      const style = valueStyle(r);
      const change = formatChange(style, r.recent, r.baseline, s);
      const difference = formatDifference(r.change, style, s);
      const how = change?.kind === "percent" ? `${difference}, ${change.text}` : difference;
      return `${r.name}: ${formatValue(r.baseline, style, s)} → ${formatValue(r.recent, style, s)} (${how}), weeks of ${formatDateRange(r.recentFrom, r.recentTo, s.timeZone)} vs ${formatDateRange(r.baselineFrom, r.baselineTo, s.timeZone)}`;
    }),
  };
}

function capped(items: Item[], more: Item): Item[] {
  if (items.length <= MAX_ITEMS) return items;
  return [...items.slice(0, MAX_ITEMS), { ...more, text: `and ${items.length - MAX_ITEMS} more — ${more.text}` }];
}

export function renderDigest(d: Digest, s: RenderSettings): Rendered {
  const week = formatIsoWeek(d.week);
  const grid = { text: "open the status grid", link: url(s, "/status") };
  const sections: Section[] = [
    { title: "Changes since the week before", empty: "No headline moved.", items: capped(d.changes.map((c) => cellItem(c, s)), grid) },
    { title: "Red or amber against target", empty: "Every headline with a target is on target.", items: capped(d.offTarget.map((c) => cellItem(c, s)), grid) },
    {
      title: "Early warnings",
      empty: "No team has signals worsening together.",
      items: capped(d.warnings.map((w) => warningItem(w, s)), { text: "open the weekly review", link: url(s, "/review") }),
    },
  ];
  if (d.missing) {
    const items = d.missing.flatMap((m) =>
      m.teams.map((t) => ({ text: `${t.teamName}, ${formatIsoWeek(m.week)}: ${t.missing.join(", ")}`, link: url(s, `/missing-data`) })),
    );
    sections.push({ title: "Missing data", empty: "Every team has entered its weekly values.", items: capped(items, { text: "open missing data", link: url(s, "/missing-data") }) });
  }
  return {
    subject: `${d.orgName} weekly digest — ${week}`,
    intro: `${d.scopeName}, week ${week} (the last complete week). Weekly review: ${url(s, "/review")}`,
    sections,
  };
}

export function renderAlert(a: Alert, orgName: string, s: RenderSettings): Rendered {
  const week = formatIsoWeek(a.week);
  const section: Section = a.red
    ? { title: `${a.red.metric.name} is red against its target`, empty: "", items: [cellItem(a.red, s)] }
    : { title: "Early warning: signals worsening together", empty: "", items: a.warning ? [warningItem(a.warning, s)] : [] };
  return {
    subject: `${orgName} alert — ${a.teamName}: ${a.red ? `${a.red.metric.name} is red` : "early warning"} (${week})`,
    intro: `${a.teamName}, ${week}.`,
    sections: [section],
  };
}

export function toEmailText(r: Rendered): string {
  const lines = [r.intro, ""];
  for (const section of r.sections) {
    lines.push(section.title, "-".repeat(section.title.length));
    if (section.items.length === 0) lines.push(section.empty);
    for (const item of section.items) {
      lines.push(`• ${item.text}`, ...(item.details ?? []).map((d) => `    – ${d}`), `  ${item.link}`);
    }
    lines.push("");
  }
  lines.push("You receive this because you turned it on in Pillars (Account page), or manage the team.");
  return lines.join("\n");
}

/** Slack's mrkdwn treats these three as control characters. */
const escapeMrkdwn = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Block Kit limits: a header's text up to 150 characters, a section's up to 3000, 50 blocks a message. */
const HEADER_MAX = 150;
const SECTION_MAX = 3000;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);

export function toSlackMessage(r: Rendered): SlackMessage {
  const blocks: SlackBlock[] = [
    { type: "header", text: { type: "plain_text", text: clip(r.subject, HEADER_MAX) } },
    { type: "context", elements: [{ type: "mrkdwn", text: clip(escapeMrkdwn(r.intro), SECTION_MAX) }] },
  ];
  for (const section of r.sections) {
    blocks.push({ type: "divider" });
    const lines = section.items.length === 0
      ? [`_${escapeMrkdwn(section.empty)}_`]
      : section.items.map((item) => [`• <${item.link}|${escapeMrkdwn(item.text)}>`, ...(item.details ?? []).map((d) => `    ◦ ${escapeMrkdwn(d)}`)].join("\n"));
    // Items are packed into as many sections as their length needs, so no link is ever cut.
    let text = `*${escapeMrkdwn(section.title)}*`;
    for (const line of lines) {
      if (text.length + 1 + line.length > SECTION_MAX) {
        blocks.push({ type: "section", text: { type: "mrkdwn", text } });
        text = "";
      }
      text = text ? `${text}\n${clip(line, SECTION_MAX)}` : clip(line, SECTION_MAX);
    }
    blocks.push({ type: "section", text: { type: "mrkdwn", text } });
  }
  return { text: r.subject, blocks };
}
