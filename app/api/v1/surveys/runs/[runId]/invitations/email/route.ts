import { withRoute } from "@/lib/server/http/route";
import { publicBaseUrl } from "@/lib/server/services/engagement/invitations";
import { assertMayEmailInvitations, emailInvitations } from "@/lib/server/services/engagement/invitation-email";
import { emailInvitationsInput, type EmailInvitationsInput } from "@/lib/validation/surveys";
import { requestOrigin } from "@/lib/server/auth/proxies";

export const dynamic = "force-dynamic";

/**
 * Emails one fresh single-use link to each address (SMTP_URL and SMTP_FROM must be set; 409 otherwise).
 * Viewers, managers of none of the run's teams, a closed run and a server without email are refused before
 * the body is read; the team itself is checked once the body names it. The answer lists the addresses the
 * mail server did not accept (their links are voided); addresses are stored nowhere.
 */
export const POST = withRoute<undefined, EmailInvitationsInput, { runId: string }>({
  auth: "session",
  action: "inviteToSurveys",
  authorize: ({ user, params }) => assertMayEmailInvitations(user, params.runId),
  body: emailInvitationsInput,
  // 1,000 addresses of up to 254 characters, quoted, with room to spare.
  maxBodyBytes: 512 * 1024,
  handler: async ({ actor, user, body, params, request }) => {
    const result = await emailInvitations(actor, user, params.runId, body, publicBaseUrl(requestOrigin(request)));
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  },
});
