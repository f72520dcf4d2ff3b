import "server-only";
import { cache } from "react";
import { db } from "@/lib/server/db";
import { env } from "@/lib/server/env";
import { auth } from "./config";
import type { SessionUser } from "./session-user";

/**
 * The signed-in user, re-read from the database on every request so a role change, a deactivation or a
 * sign-out takes effect at once (a JWT alone would stay valid until it expires).
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session?.uid || !session.sid) return null;
  const [user, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: session.uid },
      select: { id: true, email: true, name: true, role: true, active: true, managedTeams: { select: { teamId: true } } },
    }),
    db.revokedSession.findUnique({ where: { jti: session.sid } }),
  ]);
  if (!user || !user.active || revoked) return null;
  return { id: user.id, email: user.email, name: user.name, role: user.role, managedTeamIds: user.managedTeams.map((t) => t.teamId) };
});

/** Ends the current session everywhere: its id is refused until it would have expired anyway. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth();
  if (!session?.sid) return;
  const expiresAt = new Date(Date.now() + env.PILLARS_SESSION_HOURS * 3600_000);
  await db.revokedSession.upsert({ where: { jti: session.sid }, create: { jti: session.sid, expiresAt }, update: {} });
  await db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
