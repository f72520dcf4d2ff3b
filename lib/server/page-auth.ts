import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./auth/current-user";
import type { SessionUser } from "./auth/session-user";
import { can, type Action } from "./permissions";

/**
 * For pages and server actions: the signed-in user, or a redirect to sign-in. With an action, a user who
 * lacks it is sent to the access-denied page (layouts are never relied on for access control).
 */
export async function requirePageUser(action: Action = "read", returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in${returnTo ? `?callbackUrl=${encodeURIComponent(returnTo)}` : ""}`);
  if (!can(user, action)) redirect("/denied");
  return user;
}
