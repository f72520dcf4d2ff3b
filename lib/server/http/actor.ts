import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { TokenPrincipal } from "@/lib/server/auth/tokens";

/** Who is doing something, as recorded in the audit trail. */
export interface Actor {
  userId: string | null;
  label: string;
  /** The API token acting, when one is: it owns what it uploads. */
  tokenId?: string | null;
}

export function actorOf(user: SessionUser | null, token: TokenPrincipal | null): Actor {
  if (user) return { userId: user.id, label: user.email };
  if (token) return { userId: null, label: `token:${token.name}`, tokenId: token.id };
  return { userId: null, label: "system" };
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "system" };
