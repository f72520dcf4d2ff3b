import { NextResponse, type NextRequest } from "next/server";
import { errorResponse } from "@/lib/server/http/route";
import { receiveGithubWebhook } from "@/lib/server/services/ingest/webhooks";

export const dynamic = "force-dynamic";

const MAX_BODY = 25 * 1024 * 1024;

/**
 * Github webhooks. Not behind withRoute: the caller is Github, authenticated by the X-Hub-Signature-256 (HMAC of the body) of a webhook
 * source rather than by a session or an API token; errors still use the route wrapper's JSON shape.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    if (Number(request.headers.get("content-length") ?? "0") > MAX_BODY) return NextResponse.json({ error: "too_large", message: "Payload too large." }, { status: 413 });
    const outcome = await receiveGithubWebhook(request.headers, await request.text());
    return NextResponse.json(outcome.body, { status: outcome.status });
  } catch (error) {
    return errorResponse(error);
  }
}
