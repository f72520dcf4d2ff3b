import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButtons } from "@/components/auth/sso-buttons";
import { ssoProviders } from "@/lib/server/auth/config";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { safeCallbackUrl } from "./callback-url";

export const metadata: Metadata = { title: "Sign in" };

/** Errors Auth.js reports by redirecting here with `?error=` (single sign-on failures). */
const PROVIDER_ERRORS: Record<string, string> = {
  AccessDenied: "This account cannot sign in here. Ask an administrator to add your email address to Pillars.",
  Configuration: "Single sign-on is not set up correctly. Ask your administrator to check the server log.",
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  await connection();
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);

  const providers = ssoProviders();
  const errorKey = typeof params.error === "string" ? params.error : undefined;
  // CredentialsSignin errors are shown by the form itself; others come back from a provider round trip.
  const providerError = errorKey && errorKey !== "CredentialsSignin" ? (PROVIDER_ERRORS[errorKey] ?? "Sign-in failed. Try again.") : null;

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold text-slate-900">Sign in</h1>
        <p className="mt-1 text-sm text-slate-600">Use the account your administrator created for you.</p>
      </div>
      {providerError && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {providerError}
        </p>
      )}
      {providers.length > 0 && <SsoButtons providers={providers} callbackUrl={callbackUrl} />}
      <SignInForm callbackUrl={callbackUrl} />
    </div>
  );
}
