import "server-only";
import { cache } from "react";
import { auth } from "./config";
import { revokeSession, sessionUserFor } from "./sessions";
import type { SessionUser } from "./session-user";

/**
 * The signed-in user, re-read from the database on every request so a role change, a deactivation or a
 * sign-out takes effect at once (a JWT alone would stay valid until it expires). See sessions.ts.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  if (!session) return null;
  return sessionUserFor(session, new Date());
});

/** Ends the current session everywhere, whoever holds a copy of its cookie. */
export async function revokeCurrentSession(): Promise<void> {
  const session = await auth();
  if (session) await revokeSession(session, new Date());
}
