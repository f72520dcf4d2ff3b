import { NextResponse, type NextRequest } from "next/server";
import { readTextCapped } from "@/lib/server/http/body";
import { errorResponse } from "@/lib/server/http/route";
import { HttpError } from "@/lib/server/errors";
import { receiveGitlabWebhook } from "@/lib/server/services/ingest/webhooks";

export const dynamic = "force-dynamic";

/** GitHub and GitLab send at most 25 MB; more is refused (413) as it arrives, never read whole. */
const MAX_BODY = 25 * 1024 * 1024;
const tooLarge = () => new HttpError(413, "too_large", "Payload too large.");

/**
 * Gitlab webhooks. Not behind withRoute: the caller is Gitlab, authenticated by the X-Gitlab-Token of a webhook
 * source rather than by a session or an API token; errors still use the route wrapper's JSON shape.
 */
export async function POST(request: NextRequest): Promise<Response> {
  try {
    const outcome = await receiveGitlabWebhook(request.headers, await readTextCapped(request, MAX_BODY, tooLarge));
    return NextResponse.json(outcome.body, { status: outcome.status });
  } catch (error) {
    return errorResponse(error);
  }
}
