import "server-only";
import { mapLimited } from "@/lib/domain/async";
import { composeInvitationEmail } from "@/lib/engagement/invitation-email";
import type { EmailFailure, EmailInvitationsResult, RunDetail } from "@/lib/engagement/api-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getOrgSettings } from "@/lib/server/data/org";
import { invitedCount, recentAuditAfters } from "@/lib/server/data/engagement/invitations";
import { inTransaction } from "@/lib/server/data/runner";
import { HttpError, badRequest, forbidden, tooMany } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { openMailer, smtpSettings, type SmtpSettings } from "@/lib/server/mail";
import { recordAudit } from "@/lib/server/services/audit";
import type { EmailInvitationsInput } from "@/lib/validation/surveys";
import { invitableTeams, issueSeats, voidSeats } from "./invitations";
import { getRun, todayInOrg } from "./runs";

/**
 * Emailing invitation links. Each address gets its own fresh single-use link; the address → link pairing
 * exists only in this function's memory while it sends. Nothing stores an address: not the invitation (it
 * records only "used"), not the audit (it says how many were emailed, for which team, by whom), not a log.
 *
 * Order: the mail server is checked first (unreachable → 502, nothing written); then the seats are created
 * and counted as invited in one transaction, so a link works the moment its email arrives; then the messages
 * go out within the request, SEND_CONCURRENCY at a time (fine for the 1,000 addresses a request may carry);
 * finally, in one transaction, the links whose message the server did not accept are voided — deleted, so
 * they answer "not valid", and no longer counted as invited — and the audit entry is written. The requester
 * sees which addresses failed and why; sending to them again creates new links. A request cut off mid-way
 * (the process killed) leaves its seats counted as invited, without an audit entry.
 */

const SEND_CONCURRENCY = 4;
/** Addresses one user may email per hour, counted from the audit trail (shared by every instance). */
export const EMAILS_PER_USER_PER_HOUR = 2000;
const AUDIT_TYPE = "SurveyInvitationEmail";

interface Options {
  smtp?: SmtpSettings | null;
  now?: Date;
}

const notConfigured = () =>
  new HttpError(409, "smtp_not_configured", "Email is not configured on this server (SMTP_URL and SMTP_FROM are not set). Generate the links and export them instead.");

/** The run-level checks; returns the mail server to use. */
function checkRun(user: SessionUser | null, run: RunDetail, smtp: SmtpSettings | null): SmtpSettings {
  if (invitableTeams(user, run.teams.map((t) => t.id)).length === 0) throw forbidden("You can email invitations only for the teams you manage.");
  if (!smtp) throw notConfigured();
  if (run.state === "closed") throw badRequest("This run has closed; open a new run to invite people.");
  return smtp;
}

/** What can be decided from the run alone — checked before the request body is read. */
export async function assertMayEmailInvitations(user: SessionUser | null, runId: string, { smtp = smtpSettings(), now = new Date() }: Options = {}): Promise<void> {
  checkRun(user, await getRun(runId, now), smtp);
}

async function assertWithinHourlyLimit(actor: Actor, adding: number, now: Date): Promise<void> {
  const recent = await recentAuditAfters(AUDIT_TYPE, new Date(now.getTime() - 3_600_000), actor);
  const used = recent.reduce((sum, r) => {
    const after = (r.after ?? {}) as { sent?: number; failed?: number };
    return sum + (after.sent ?? 0) + (after.failed ?? 0);
  }, 0);
  if (used + adding > EMAILS_PER_USER_PER_HOUR) {
    throw tooMany(`You can email at most ${EMAILS_PER_USER_PER_HOUR} invitations per hour (${Math.max(0, EMAILS_PER_USER_PER_HOUR - used)} left now). Try again later or export the links.`, 600);
  }
}

export async function emailInvitations(
  actor: Actor,
  user: SessionUser | null,
  runId: string,
  input: EmailInvitationsInput,
  baseUrl: string,
  { smtp = smtpSettings(), now = new Date() }: Options = {},
): Promise<EmailInvitationsResult> {
  const run = await getRun(runId, now);
  const server = checkRun(user, run, smtp);
  const team = run.teams.find((t) => t.id === input.teamId);
  if (!team) throw badRequest("teamId: not a team of this run.");
  if (invitableTeams(user, [team.id]).length === 0) throw forbidden("You can email invitations only for the teams you manage.");
  await assertWithinHourlyLimit(actor, input.addresses.length, now);
  const [settings, today] = await Promise.all([getOrgSettings(), todayInOrg(now)]);

  const mailer = await openMailer(server, SEND_CONCURRENCY, "Nothing was sent and no links were created.");
  try {
    const seats = await inTransaction((tx) => issueSeats(tx, runId, team.id, input.addresses.length, baseUrl));
    const failed: EmailFailure[] = [];
    await mapLimited(input.addresses.map((address, index) => ({ address, index })), SEND_CONCURRENCY, async ({ address, index }) => {
      const message = composeInvitationEmail({
        surveyTitle: run.surveyTitle,
        teamName: team.name,
        url: seats[index].url,
        opensOn: run.opensOn,
        closesOn: run.closesOn,
        anonymityThreshold: settings.anonymityThreshold,
        today,
      });
      const reason = await mailer.send({ to: address, ...message });
      if (reason) failed.push({ index, address, reason });
    });
    failed.sort((a, b) => a.index - b.index);
    const sent = input.addresses.length - failed.length;

    const invited = await inTransaction(async (tx) => {
      await voidSeats(tx, runId, team.id, failed.map((f) => seats[f.index].tokenHash));
      await recordAudit(actor, {
        action: "create",
        entityType: AUDIT_TYPE,
        entityId: runId,
        summary: `Emailed ${sent} invitation(s) for team "${team.name}" in run "${run.title}"${failed.length ? `; ${failed.length} not accepted by the mail server, their links voided` : ""}`,
        after: { teamId: team.id, sent, failed: failed.length },
      }, tx);
      return invitedCount(runId, team.id, tx);
    });
    return { runId, teamId: team.id, teamName: team.name, sent, failed, invited };
  } finally {
    mailer.close();
  }
}
