import "server-only";
import { addDays, weekStartOf } from "@/lib/domain/time";
import { renderAlert } from "@/lib/notifications/render";
import type { Alert } from "@/lib/notifications/types";
import { alertById, alertRecipientCandidates, claimAlert } from "@/lib/server/data/notifications";
import { claimScheduleSlot } from "@/lib/server/data/jobs";
import { getOrgSettings } from "@/lib/server/data/org";
import { openSql } from "@/lib/server/data/runner";
import { SHARED_VIEWER } from "@/lib/server/disclosure/viewer";
import { afterCommit, enqueueJob } from "@/lib/server/jobs/queue";
import type { Schedule } from "@/lib/server/jobs/schedule";
import { can } from "@/lib/server/permissions";
import { teamWarnings } from "@/lib/server/services/review/early-warnings";
import { getStatusGrid } from "@/lib/server/services/status-grid";
import { sendTo, type SendOutcome } from "./channels";
import { gridCells, publicBaseUrl } from "./digest";
import { sessionUserOf } from "@/lib/server/auth/session-user";

/**
 * Alerts: a team's headline red against its target in the last complete week, or an early warning for the
 * team, goes to the team's managers and to the leaders and admins who opted in — once per team, metric (or
 * "early-warning") and week. The check records each alert and enqueues its send in one transaction, and the
 * record's key is the guard: a second check, a second worker or a crash after sending never sends it again.
 *
 * One message goes to every recipient, so it is read as the most restricted reader reads (`SHARED_VIEWER`):
 * nothing in it is more than any recipient's own dashboard shows.
 */
export const EARLY_WARNING = "early-warning";

export interface AlertKey {
  teamId: string;
  subject: string;
  week: string;
}

export async function checkAlerts(now: Date): Promise<{ raised: number }> {
  const settings = await getOrgSettings();
  const week = addDays(weekStartOf(now, settings.timeZone), -7);
  const grid = await getStatusGrid({ scope: "org", granularity: "week", viewer: SHARED_VIEWER, now });
  const found: (AlertKey & { detail: Alert })[] = [];
  for (const cell of gridCells(grid.rows.slice(1), grid.metrics)) {
    if (cell.status !== "red" || cell.period !== week) continue;
    const teamId = cell.scope.slice("team:".length);
    found.push({ teamId, subject: cell.metric.key, week, detail: { teamId, teamName: cell.scopeName, week, red: cell } });
  }
  const { warnings } = await teamWarnings(week, now, SHARED_VIEWER);
  for (const warning of warnings) {
    found.push({ teamId: warning.teamId, subject: EARLY_WARNING, week, detail: { teamId: warning.teamId, teamName: warning.teamName, week, warning } });
  }
  const runner = await openSql();
  const raised = await runner.transaction(async (tx) => {
    let n = 0;
    for (const alert of found) {
      if (!(await claimAlert(tx, alert))) continue;
      await enqueueJob(tx, "alerts.send", { teamId: alert.teamId, subject: alert.subject, week: alert.week }, now);
      n++;
    }
    return n;
  });
  if (raised > 0) afterCommit();
  return { raised };
}

export async function sendAlert(key: AlertKey): Promise<{ recipients: number; outcomes: SendOutcome[] } | { skipped: string }> {
  const row = await alertById(key);
  if (!row) return { skipped: "no such alert" };
  const alert = row.detail as unknown as Alert;
  const settings = await getOrgSettings();
  const rendered = renderAlert(alert, settings.name, { currency: settings.currency, timeZone: settings.timeZone, baseUrl: publicBaseUrl() });
  const recipients = (await alertRecipientCandidates(key.teamId)).filter((r) => {
    const user = sessionUserOf(r);
    return user.managedTeamIds.includes(key.teamId) || (r.notifications?.alerts === true && can(user, "optInToAlerts"));
  });
  const outcomes: SendOutcome[] = [];
  // One recipient's failure is theirs alone: the others are not sent the alert a second time by a retry.
  for (const r of recipients) outcomes.push(await sendTo({ email: r.email, slackWebhookEncrypted: r.notifications?.slackWebhookEncrypted ?? null }, rendered));
  return { recipients: recipients.length, outcomes };
}

/**
 * Alerts are checked on the tick, once an hour (the hour's key taken by one worker), rather than after each
 * recompute: values arrive by many paths (the entry grid, imports, the API, recomputes, published surveys), a
 * weekly headline does not need minutes, and a check reads every team's overview.
 */
export const alertSchedule: Schedule = {
  name: "alerts",
  async enqueueDue(now) {
    const runner = await openSql();
    const enqueued = await runner.transaction(async (tx) => {
      if (!(await claimScheduleSlot(tx, "alerts.check", now.toISOString().slice(0, 13)))) return 0;
      await enqueueJob(tx, "alerts.check", { at: now.toISOString() }, now);
      return 1;
    });
    if (enqueued > 0) afterCommit();
    return enqueued;
  },
};
