/**
 * What a weekly digest and an alert hold, as built on the server for one reader (numbers already released to
 * them by the disclosure policy) and rendered to email text and Slack Block Kit by the pure modules beside this.
 */
import type { TeamWarning } from "@/lib/review/review-types";
import type { MetricInfo, TargetStatus } from "@/lib/metrics/series-types";
import type { Trend } from "@/lib/metrics/status-grid";

export interface DigestCell {
  /** `org`, `group:…` or `team:…`: the dashboard the link opens. */
  scope: string;
  scopeName: string;
  metric: Pick<MetricInfo, "key" | "name" | "unit" | "aggregation" | "direction">;
  /** The last complete week's headline and the week before it. */
  value: number;
  previous: number | null;
  period: string;
  status: TargetStatus | null;
  trend: Trend | null;
  improving: boolean | null;
}

export interface DigestMissingTeam {
  teamId: string;
  teamName: string;
  missing: string[];
}

export interface Digest {
  orgName: string;
  currency: string;
  timeZone: string;
  /** The reader's scope: the organisation, or the teams they manage. */
  scopeName: string;
  /** The Monday of the complete week the digest reports on. */
  week: string;
  /** Headlines that moved against the week before (the status grid's trend), largest groups first. */
  changes: DigestCell[];
  /** Headlines red or amber against their target. */
  offTarget: DigestCell[];
  warnings: TeamWarning[];
  /** Manual weekly entries still missing (the current and the last week); null when the reader does not chase them. */
  missing: { week: string; teams: DigestMissingTeam[] }[] | null;
}

export interface Alert {
  teamId: string;
  teamName: string;
  week: string;
  /** A metric red against its target, or an early warning with its reasons. */
  red?: DigestCell;
  warning?: TeamWarning;
}

export interface RenderSettings {
  currency: string;
  timeZone: string;
  /** PILLARS_PUBLIC_URL (no trailing slash): every link starts with it. */
  baseUrl: string;
}

/** A Slack incoming-webhook message: fallback text and Block Kit blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

export type SlackBlock =
  | { type: "header"; text: { type: "plain_text"; text: string } }
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "context"; elements: { type: "mrkdwn"; text: string }[] }
  | { type: "divider" };
