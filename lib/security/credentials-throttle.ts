import "server-only";
import { checkThrottle, clientAddress, throttleKeys } from "@/lib/server/auth/throttle";

/**
 * Auth.js answers a refused credentials sign-in with a redirect to the sign-in page, whatever the reason.
 * Scripts calling the credentials endpoint directly deserve the HTTP answer for "slow down": when the
 * account or the address is locked, this returns a 429 with Retry-After before Auth.js is asked.
 * The sign-in form does not come through here (it is a server action) and shows its own message.
 */
const CREDENTIALS_CALLBACK = /\/api\/auth\/callback\/credentials\/?$/;

export async function throttledCredentialsResponse(request: Request): Promise<Response | null> {
  if (request.method !== "POST" || !CREDENTIALS_CALLBACK.test(new URL(request.url).pathname)) return null;
  let email = "";
  try {
    const form = await request.clone().formData();
    email = String(form.get("email") ?? "").trim().toLowerCase();
  } catch {
    return null;
  }
  const state = await checkThrottle(throttleKeys(email, clientAddress(request.headers)));
  if (!state.locked) return null;
  return Response.json(
    { error: "throttled", message: `Too many failed sign-in attempts. Try again in ${Math.ceil(state.retryAfterSeconds / 60)} minutes.` },
    { status: 429, headers: { "Retry-After": String(state.retryAfterSeconds), "Cache-Control": "no-store" } },
  );
}
