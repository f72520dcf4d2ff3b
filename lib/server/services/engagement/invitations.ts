import "server-only";
import { toCsv } from "@/lib/csv/write";
import type { GeneratedLinks, InvitationLink } from "@/lib/engagement/api-types";
import {
  decrementInvited,
  deleteUnusedInvitations,
  employedCountByTeam,
  incrementInvited,
  insertInvitations,
} from "@/lib/server/data/engagement/invitations";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { badRequest, forbidden } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { env } from "@/lib/server/env";
import { can, canWriteTeam } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import type { GenerateLinksInput } from "@/lib/validation/surveys";
import { getRun, todayInOrg } from "./runs";
import { hashToken, newToken } from "./tokens";

/**
 * Single-use invitation links. A link is `/s/<token>`; only sha256(token) is stored, so links exist in
 * clear only in the answer to the request that generated them. The manager downloads or copies them
 * then (the page offers the CSV of exactly those links); asking again generates new seats, it cannot
 * show old ones. Seats are anonymous: nothing records who received which link.
 *
 * Email: the roster has no addresses. When SMTP is configured, a manager can paste addresses and each gets
 * its own fresh link by email (invitation-email.ts); the addresses are never stored.
 */

/** People employed in each team today, from the roster (Person + Employment). */
async function rosterHeadcount(teamIds: string[], today: string): Promise<Map<string, number>> {
  const day = new Date(today);
  const rows = await employedCountByTeam(teamIds, day);
  return new Map(rows.map((r) => [r.teamId, r.count] as const));
}

export function publicBaseUrl(requestOrigin: string): string {
  return (env.PILLARS_PUBLIC_URL ?? requestOrigin).replace(/\/+$/, "");
}

/** Admins and leaders invite for any team of the run; a manager only for the teams they manage. */
export function invitableTeams(user: SessionUser | null, teamIds: string[]): string[] {
  if (!user || can(user, "manageSurveys")) return teamIds;
  return teamIds.filter((t) => canWriteTeam(user, t));
}

export interface IssuedSeat {
  tokenHash: string;
  url: string;
}

/**
 * Creates `count` single-use invitations for one team of a run and counts them as invited (the
 * participation denominator). The links exist in clear only in what this returns.
 */
export async function issueSeats(tx: Tx, runId: string, teamId: string, count: number, baseUrl: string): Promise<IssuedSeat[]> {
  if (count <= 0) return [];
  const seats = Array.from({ length: count }, () => {
    const token = newToken();
    return { tokenHash: hashToken(token), url: `${baseUrl}/s/${token}` };
  });
  await insertInvitations(runId, teamId, seats.map((s) => s.tokenHash), tx);
  await incrementInvited(runId, teamId, count, tx);
  return seats;
}

/**
 * Takes back unused seats (links that never reached anyone): the invitations are deleted, so the links answer
 * "not valid", and the team's invited count drops by as many. Returns how many were voided.
 */
export async function voidSeats(tx: Tx, runId: string, teamId: string, tokenHashes: string[]): Promise<number> {
  if (tokenHashes.length === 0) return 0;
  const count = await deleteUnusedInvitations(runId, teamId, tokenHashes, tx);
  if (count > 0) await decrementInvited(runId, teamId, count, tx);
  return count;
}

export async function generateLinks(
  actor: Actor,
  user: SessionUser | null,
  runId: string,
  input: GenerateLinksInput,
  baseUrl: string,
  now = new Date(),
): Promise<GeneratedLinks> {
  const run = await getRun(runId, now);
  if (run.state === "closed") throw badRequest("This run has closed; open a new run to invite people.");
  const runTeams = new Map(run.teams.map((t) => [t.id, t]));
  const all = run.teams.map((t) => t.id);
  // A manager who names no teams gets links for the run's teams they manage.
  const chosen = input.teamIds ?? invitableTeams(user, all);
  if (chosen.length === 0 || invitableTeams(user, chosen).length !== chosen.length) {
    throw forbidden("You can generate links only for the teams you manage.");
  }
  const outside = chosen.filter((t) => !runTeams.has(t)).concat(input.seats.map((s) => s.teamId).filter((t) => !runTeams.has(t)));
  if (outside.length) throw badRequest(`Not a team of this run: ${[...new Set(outside)].join(", ")}`);

  const explicit = new Map(input.seats.map((s) => [s.teamId, s.count]));
  const roster = await rosterHeadcount(chosen.filter((t) => !explicit.has(t)), await todayInOrg(now));
  const counts = chosen.map((teamId) => ({ teamId, count: explicit.get(teamId) ?? roster.get(teamId) ?? 0 }));
  const missing = counts.filter((c) => c.count === 0 && !explicit.has(c.teamId));
  if (missing.length) {
    throw badRequest(`No roster headcount for ${missing.map((m) => runTeams.get(m.teamId)?.name).join(", ")}; enter the number of seats.`);
  }

  const total = counts.reduce((sum, c) => sum + c.count, 0);
  if (total === 0) throw badRequest("No seats to generate.");

  const links: InvitationLink[] = [];
  await inTransaction(async (tx) => {
    for (const { teamId, count } of counts) {
      const teamName = runTeams.get(teamId)?.name ?? teamId;
      for (const seat of await issueSeats(tx, runId, teamId, count, baseUrl)) links.push({ teamId, teamName, url: seat.url });
    }
    await recordAudit(actor, {
      action: "create",
      entityType: "SurveyInvitation",
      entityId: runId,
      summary: `Generated ${total} invitation link(s) for run "${run.title}"`,
      after: { seats: counts },
    }, tx);
  });

  const after = await getRun(runId, now);
  return { runId, links, invited: after.teams.map((t) => ({ teamId: t.id, teamName: t.name, invited: t.invited })) };
}

/** What can be said about a run's invitations later: seats per team (never which were used). */
export async function invitationSummary(runId: string): Promise<Omit<GeneratedLinks, "links"> & { links: []; note: string }> {
  const run = await getRun(runId);
  return {
    runId,
    links: [],
    invited: run.teams.map((t) => ({ teamId: t.id, teamName: t.name, invited: t.invited })),
    note: "Links are stored hashed and can only be shown once, when generated: POST to this address to generate new seats (add ?format=csv for a CSV file).",
  };
}

export function linksCsv(links: readonly InvitationLink[]): string {
  return toCsv(["team", "link"], links.map((l) => [l.teamName, l.url]), { bom: true });
}
