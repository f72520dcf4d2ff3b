import type { NextRequest } from "next/server";
import { throttledCredentialsResponse } from "@/lib/security/credentials-throttle";
import { handlers } from "@/lib/server/auth/config";

export const dynamic = "force-dynamic";
export const { GET } = handlers;

/** A locked account or address gets 429 here instead of Auth.js's generic redirect. */
export async function POST(request: NextRequest): Promise<Response> {
  return (await throttledCredentialsResponse(request)) ?? handlers.POST(request);
}
