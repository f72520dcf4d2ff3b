import { withRoute } from "@/lib/server/http/route";
import { applyPersonEvent } from "@/lib/server/services/retention/people";
import { personEventInput, type PersonEventInput } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

/** Promotion, team move, exit or rehire for one person (admins). */
export const POST = withRoute<undefined, PersonEventInput, { employeeId: string }>({
  auth: "session",
  action: "viewPeopleRecords",
  body: personEventInput,
  handler: async ({ user, actor, body, params }) => applyPersonEvent(user, actor, decodeURIComponent(params.employeeId), body),
});
