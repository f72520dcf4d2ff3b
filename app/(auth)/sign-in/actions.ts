"use server";

import { AuthError } from "next-auth";
import { signIn, ssoProviders, Throttled } from "@/lib/server/auth/config";
import { retryMessage } from "@/lib/server/auth/retry-message";
import { safeCallbackUrl } from "./callback-url";

export interface SignInState {
  error: string | null;
  /** Echoed back so a failed attempt does not clear what the person typed. */
  email: string;
}

function messageFor(error: AuthError): string {
  if (error instanceof Throttled) return retryMessage(error.retryAfterSeconds);
  if (error.type === "CredentialsSignin") return "Email or password is incorrect.";
  return "Sign-in failed. Try again.";
}

export async function signInWithPassword(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  const redirectTo = safeCallbackUrl(form.get("callbackUrl"));
  try {
    // On success this throws Next's redirect, which must reach Next untouched.
    await signIn("credentials", { email, password, redirectTo });
  } catch (error) {
    if (error instanceof AuthError) return { error: messageFor(error), email };
    throw error;
  }
  return { error: null, email };
}

export async function signInWithProvider(form: FormData): Promise<void> {
  const provider = String(form.get("provider") ?? "");
  // Only providers that are configured; a forged form value must not reach Auth.js.
  if (!ssoProviders().some((p) => p.id === provider)) return;
  await signIn(provider, { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}
