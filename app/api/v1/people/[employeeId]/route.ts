import { withRoute } from "@/lib/server/http/route";
import { getPerson, updatePersonAttributes } from "@/lib/server/services/retention/people";
import { personAttributesInput } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

type Params = { employeeId: string };

export const GET = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "viewPeopleRecords",
  handler: async ({ user, params }) => ({ person: await getPerson(user, decodeURIComponent(params.employeeId)) }),
});

export const PUT = withRoute<undefined, ReturnType<typeof personAttributesInput.parse>, Params>({
  auth: "session",
  action: "viewPeopleRecords",
  body: personAttributesInput,
  handler: async ({ user, actor, body, params }) => updatePersonAttributes(user, actor, decodeURIComponent(params.employeeId), body),
});
