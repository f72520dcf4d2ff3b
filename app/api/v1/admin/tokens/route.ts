import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/route";
import { issueApiToken, listApiTokens } from "@/lib/server/services/api-tokens";
import { tokenCreateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: "session", action: "admin", handler: async () => ({ tokens: await listApiTokens() }) });

/** The secret is in this response only; it cannot be shown again. */
export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: tokenCreateInput,
  handler: async ({ actor, body }) =>
    NextResponse.json(await issueApiToken(actor, body), { status: 201, headers: { "Cache-Control": "no-store" } }),
});
