import type { NextRequest } from "next/server";
import { answerCredentials } from "@/lib/security/credentials-throttle";
import { handlers } from "@/lib/server/auth/config";
import { withBrowserOrigin } from "@/lib/server/auth/request-origin";

export const dynamic = "force-dynamic";

export async function GET(request: NextRequest): Promise<Response> {
  return handlers.GET(withBrowserOrigin(request) as NextRequest);
}

/** A throttled credentials sign-in gets 429 here instead of Auth.js's generic redirect. */
export async function POST(request: NextRequest): Promise<Response> {
  return answerCredentials(withBrowserOrigin(request), (r) => handlers.POST(r as NextRequest));
}
