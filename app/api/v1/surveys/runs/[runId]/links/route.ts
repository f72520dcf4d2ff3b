import { withRoute } from "@/lib/server/http/route";
import { generateLinks, invitationSummary, linksCsv, publicBaseUrl } from "@/lib/server/services/engagement/invitations";
import { generateLinksInput, linksFormatQuery, type GenerateLinksInput } from "@/lib/validation/surveys";
import { attachment } from "@/lib/server/http/content-disposition";
import { requestOrigin } from "@/lib/server/auth/proxies";

export const dynamic = "force-dynamic";

/**
 * Links are stored hashed, so they can be read only in the answer that generates them. GET tells how many
 * seats each team has (and how to get links); POST generates seats and returns their links — as JSON, or
 * as a CSV download with ?format=csv.
 */
export const GET = withRoute<undefined, undefined, { runId: string }>({
  auth: "session",
  action: "inviteToSurveys",
  handler: ({ params }) => invitationSummary(params.runId),
});

export const POST = withRoute<{ format: "json" | "csv" }, GenerateLinksInput, { runId: string }>({
  auth: "session",
  // Viewers are refused before the body is read; which teams a manager may invite is decided per team.
  action: "inviteToSurveys",
  query: linksFormatQuery,
  body: generateLinksInput,
  handler: async ({ actor, user, body, params, query, request }) => {
    const generated = await generateLinks(actor, user, params.runId, body, publicBaseUrl(requestOrigin(request)));
    const headers = { "Cache-Control": "no-store" };
    if (query.format === "csv") {
      return new Response(linksCsv(generated.links), {
        headers: { ...headers, "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`survey-links-${params.runId}.csv`) },
      });
    }
    return Response.json(generated, { status: 201, headers });
  },
});
