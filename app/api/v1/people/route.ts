import { forbidden } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { assertCanViewPeople, listPeople } from "@/lib/server/services/retention/people";
import { savePeopleRecords } from "@/lib/server/services/retention/save-records";
import { peopleIngestBody, peopleListQuery } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

/** Individual records: admins only. API tokens (and everyone else) get aggregates from /api/v1/retention. */
export const GET = withRoute({
  auth: "any",
  query: peopleListQuery,
  handler: async ({ user, token, query }) => {
    if (token) throw forbidden("API tokens cannot read individual people records; use /api/v1/retention for aggregates.");
    return { people: await listPeople(user, query) };
  },
});

/** One record or an array; all saved or none (400 with `issues[{ path: "<index>.<field>", message }]`). */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  // Sessions: admins only, refused before the body is read.
  action: "viewPeopleRecords",
  body: peopleIngestBody,
  maxBodyBytes: 10 * 1024 * 1024,
  handler: async ({ user, token, actor, body }) => {
    if (!token) assertCanViewPeople(user);
    return savePeopleRecords(actor, body);
  },
});
