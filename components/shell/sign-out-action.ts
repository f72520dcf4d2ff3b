"use server";

import { signOut } from "@/lib/server/auth/config";
import { revokeCurrentSession } from "@/lib/server/auth/current-user";

/** Revokes the session id first, so a copied cookie stops working even though the JWT has not expired. */
export async function signOutAction(): Promise<void> {
  await revokeCurrentSession();
  await signOut({ redirectTo: "/sign-in" });
}
