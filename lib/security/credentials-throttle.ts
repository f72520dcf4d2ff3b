import "server-only";
import { retryMessage } from "@/lib/server/auth/retry-message";
import { clientAddress, retryAfter, throttleKeys } from "@/lib/server/auth/throttle";

/**
 * Auth.js answers a refused credentials sign-in with a redirect to the sign-in page, whatever the reason.
 * Scripts calling the credentials endpoint directly deserve the HTTP answer for "slow down": when the
 * throttle refused the attempt (lib/server/auth/credentials.ts), the redirect becomes a 429 with Retry-After.
 * The sign-in form does not come through here (it is a server action) and shows its own message.
 */
const CREDENTIALS_CALLBACK = /\/api\/auth\/callback\/credentials\/?$/;

export async function answerCredentials(request: Request, handle: (request: Request) => Promise<Response>): Promise<Response> {
  if (request.method !== "POST" || !CREDENTIALS_CALLBACK.test(new URL(request.url).pathname)) return handle(request);
  const copy = request.clone();
  const response = await handle(request);
  const location = response.headers.get("location");
  if (!location || new URL(location, request.url).searchParams.get("code") !== "throttled") return response;
  let email = "";
  try {
    email = String((await copy.formData()).get("email") ?? "");
  } catch {
    // the throttle only ever refuses a readable form
  }
  const seconds = Math.max(1, await retryAfter(throttleKeys(email, clientAddress(request.headers)), new Date()));
  return Response.json(
    { error: "throttled", message: retryMessage(seconds) },
    { status: 429, headers: { "Retry-After": String(seconds), "Cache-Control": "no-store" } },
  );
}
