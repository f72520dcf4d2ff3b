import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** Single-use invitations (stored as sha256 of their token) and the invited count of each run team. */

/** People employed on `day` per team, from the roster (Person + Employment); teams with nobody are absent. */
export async function employedCountByTeam(teamIds: readonly string[], day: Date, tx: Tx = client): Promise<{ teamId: string; count: number }[]> {
  const rows = await tx.person.groupBy({
    by: ["teamId"],
    where: {
      teamId: { in: [...teamIds] },
      employments: { some: { hireDate: { lte: day }, OR: [{ exitDate: null }, { exitDate: { gte: day } }] } },
    },
    _count: { _all: true },
  });
  return rows.flatMap((r) => (r.teamId ? [{ teamId: r.teamId, count: r._count._all }] : []));
}

export async function insertInvitations(runId: string, teamId: string, tokenHashes: readonly string[], tx: Tx = client): Promise<void> {
  await tx.surveyInvitation.createMany({ data: tokenHashes.map((tokenHash) => ({ runId, teamId, tokenHash })) });
}

/** Deletes the unused invitations among `tokenHashes`; returns how many were deleted. */
export async function deleteUnusedInvitations(runId: string, teamId: string, tokenHashes: readonly string[], tx: Tx = client): Promise<number> {
  const { count } = await tx.surveyInvitation.deleteMany({ where: { runId, teamId, used: false, tokenHash: { in: [...tokenHashes] } } });
  return count;
}

export async function incrementInvited(runId: string, teamId: string, count: number, tx: Tx = client): Promise<void> {
  await tx.surveyRunTeam.update({ where: { runId_teamId: { runId, teamId } }, data: { invited: { increment: count } } });
}

export async function decrementInvited(runId: string, teamId: string, count: number, tx: Tx = client): Promise<void> {
  await tx.surveyRunTeam.update({ where: { runId_teamId: { runId, teamId } }, data: { invited: { decrement: count } } });
}

/** Seats issued to one team of a run (throws when the team is not in the run). */
export async function invitedCount(runId: string, teamId: string, tx: Tx = client): Promise<number> {
  const row = await tx.surveyRunTeam.findUniqueOrThrow({ where: { runId_teamId: { runId, teamId } }, select: { invited: true } });
  return row.invited;
}

/** The `after` of one actor's audit entries of a type since a moment (by user id, else by label). */
export async function recentAuditAfters(
  entityType: string,
  since: Date,
  actor: { userId: string | null; label: string },
  tx: Tx = client,
): Promise<{ after: Prisma.JsonValue }[]> {
  return tx.auditLog.findMany({
    where: { entityType, at: { gte: since }, ...(actor.userId ? { actorId: actor.userId } : { actorLabel: actor.label }) },
    select: { after: true },
  });
}

export interface InvitationRow {
  teamId: string;
  runId: string;
  run: { opensOn: Date; closesOn: Date; survey: { title: string; description: string | null; items: Prisma.JsonValue } };
}

export async function invitationByTokenHash(tokenHash: string, tx: Tx = client): Promise<InvitationRow | null> {
  return tx.surveyInvitation.findUnique({
    where: { tokenHash },
    select: {
      teamId: true,
      runId: true,
      run: { select: { opensOn: true, closesOn: true, survey: { select: { title: true, description: true, items: true } } } },
    },
  });
}

/** Deletes the invitation with that token hash; returns how many rows went (0 when already used). */
export async function deleteInvitation(tokenHash: string, tx: Tx = client): Promise<number> {
  const { count } = await tx.surveyInvitation.deleteMany({ where: { tokenHash } });
  return count;
}
