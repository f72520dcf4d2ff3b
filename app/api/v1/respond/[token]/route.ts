import { NextResponse, type NextRequest } from "next/server";
import { HttpError, notFound } from "@/lib/server/errors";
import { readTextCapped } from "@/lib/server/http/body";
import { errorResponse } from "@/lib/server/http/route";
import { submitAnswers } from "@/lib/server/services/engagement/respond";
import { answersInput, tokenParam } from "@/lib/validation/surveys";

export const dynamic = "force-dynamic";

const MAX_BODY = 64 * 1024;

/**
 * Answers a survey through its single-use link. Public: the link is the credential, so this is the one
 * handler that does not go through withRoute (which always requires a session or an API token); it keeps
 * the same error JSON through errorResponse. Nothing about the caller (IP, user agent) is read or stored.
 */
export async function POST(request: NextRequest, context: { params: Promise<{ token: string }> }): Promise<Response> {
  try {
    const { token } = await context.params;
    if (!tokenParam.safeParse(token).success) throw notFound("Survey link");
    const text = await readTextCapped(request, MAX_BODY, () => new HttpError(413, "too_large", "The answers are too long."));
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new HttpError(400, "invalid", "Send the answers as JSON: { \"answers\": { itemId: value } }.");
    }
    const body = answersInput.parse(json);
    await submitAnswers(token, body.answers);
    return NextResponse.json({ ok: true, message: "Thank you — your answers were recorded anonymously." }, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    // Answer problems come back as `issues`, like every other 400 of the API.
    const issues = error instanceof HttpError ? (error.details as { issues?: unknown } | undefined)?.issues : undefined;
    if (error instanceof HttpError && issues) return NextResponse.json({ error: error.code, message: error.message, issues }, { status: error.status });
    return errorResponse(error);
  }
}
