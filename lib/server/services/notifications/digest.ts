import "server-only";
import { addDays, weekStartOf } from "@/lib/domain/time";
import type { GridCell } from "@/lib/metrics/status-grid";
import type { StatusGridRow } from "@/lib/metrics/api-types";
import type { MetricInfo } from "@/lib/metrics/series-types";
import { renderDigest } from "@/lib/notifications/render";
import type { Digest, DigestCell } from "@/lib/notifications/types";
import { sessionUserOf, type SessionUser } from "@/lib/server/auth/session-user";
import { getOrgSettings } from "@/lib/server/data/org";
import { recipientById } from "@/lib/server/data/notifications";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { env } from "@/lib/server/env";
import { can, digestTeamIds } from "@/lib/server/permissions";
import { listMissingData } from "@/lib/server/services/missing-data";
import { teamWarnings } from "@/lib/server/services/review/early-warnings";
import { getStatusGrid } from "@/lib/server/services/status-grid";
import { sendTo, type SendOutcome } from "./channels";

/**
 * The weekly digest of one reader: what their status grid, weekly review and missing-data page show them, read
 * through the same services with their disclosure viewer — so a number is in the digest only if their
 * dashboard shows it, and equal to it. The week reported is the last complete one (presentation.md rule 1).
 */
export function digestCell(row: StatusGridRow, metric: MetricInfo, cell: GridCell): DigestCell | null {
  if (cell.value === null || cell.period === null) return null;
  const scope = row.scope.type === "ORG" ? "org" : `${row.scope.type.toLowerCase()}:${row.scope.id}`;
  return {
    scope, scopeName: row.scope.name,
    metric: { key: metric.key, name: metric.name, unit: metric.unit, aggregation: metric.aggregation, direction: metric.direction },
    value: cell.value, previous: cell.previous, period: cell.period, status: cell.status, trend: cell.trend, improving: cell.improving,
  };
}

export function gridCells(rows: StatusGridRow[], metrics: MetricInfo[]): DigestCell[] {
  return rows.flatMap((row) => row.cells.map((cell, i) => digestCell(row, metrics[i]!, cell))).filter((c): c is DigestCell => c !== null);
}

/** Worse news first: red, then amber; moves for the worse before moves for the better. */
const STATUS_ORDER = { red: 0, amber: 1, green: 2 } as const;

export async function buildDigest(user: SessionUser, now: Date): Promise<Digest> {
  const settings = await getOrgSettings();
  const viewer = disclosureViewer(user);
  const week = addDays(weekStartOf(now, settings.timeZone), -7);
  const teams = digestTeamIds(user);
  const inScope = (teamId: string | null) => teams === null || (teamId !== null && teams.includes(teamId));

  const grid = await getStatusGrid({ scope: "org", granularity: "week", viewer, now });
  // The organisation's own row is the org reader's; a manager's digest is their teams' rows.
  const rows = grid.rows.filter((r, i) => (i === 0 ? teams === null : inScope(r.scope.id)));
  const cells = gridCells(rows, grid.metrics).filter((c) => c.period === week);
  const changes = cells.filter((c) => c.trend === "up" || c.trend === "down").sort((a, b) => Number(a.improving !== false) - Number(b.improving !== false));
  const offTarget = cells.filter((c) => c.status === "red" || c.status === "amber").sort((a, b) => STATUS_ORDER[a.status!] - STATUS_ORDER[b.status!]);

  const { warnings } = await teamWarnings(week, now, viewer);

  const chasesAll = can(user, "viewMissingData");
  const missing = chasesAll || (teams !== null && teams.length > 0)
    ? (await listMissingData(now)).weeks.map((w) => ({
        week: w.week,
        teams: w.teams.filter((t) => chasesAll || inScope(t.teamId)).map((t) => ({ teamId: t.teamId, teamName: t.teamName, missing: t.missing.map((m) => m.name) })),
      }))
    : null;

  return {
    orgName: settings.name, currency: settings.currency, timeZone: settings.timeZone,
    scopeName: teams === null ? settings.name : rows.map((r) => r.scope.name).join(", ") || "Your teams",
    week, changes, offTarget,
    warnings: warnings.filter((w) => inScope(w.teamId)),
    missing,
  };
}

/** Where links point: PILLARS_PUBLIC_URL, else the address the server was started with. */
export function publicBaseUrl(): string {
  return (env.PILLARS_PUBLIC_URL ?? env.AUTH_URL ?? "http://localhost:3000").replace(/\/+$/, "");
}

export type DigestOutcome = SendOutcome | { skipped: string };

/** The `digest.weekly` job: builds the reader's digest as of the run and sends it by the channels they chose. */
export async function sendDigest(userId: string, now: Date): Promise<DigestOutcome> {
  const row = await recipientById(userId);
  const wants = row?.notifications;
  if (!row || !wants) return { skipped: "no such active user" };
  const email = wants.digestEmail ? row.email : null;
  const slack = wants.digestSlack ? wants.slackWebhookEncrypted : null;
  if (!email && !slack) return { skipped: "the digest was turned off" };
  const digest = await buildDigest(sessionUserOf(row), now);
  const rendered = renderDigest(digest, { currency: digest.currency, timeZone: digest.timeZone, baseUrl: publicBaseUrl() });
  const outcome = await sendTo({ email, slackWebhookEncrypted: slack }, rendered);
  // Retried only when nothing went out: a retry after one channel worked would send it twice there.
  if (outcome.sent.length === 0) throw new Error(`The digest could not be sent: ${outcome.failed.join("; ")}`);
  return outcome;
}
