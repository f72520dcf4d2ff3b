import { NextResponse } from "next/server";
import { badRequest } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { assertCanViewPeople } from "@/lib/server/services/people/people";
import { importRoster } from "@/lib/server/services/people/import-roster";
import { importQuery } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

/**
 * Roster CSV upload: the raw file as the body (text/csv). `?dryRun=1` (the default) previews; `?dryRun=0`
 * imports all rows or none. Problems come back by row and column; with any, nothing is written (400).
 */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  query: importQuery,
  handler: async ({ request, user, token, actor, query }) => {
    if (!token) assertCanViewPeople(user);
    if (!request.body) throw badRequest("Send the CSV file as the request body.");
    const result = await importRoster(actor, request.body, { dryRun: query.dryRun });
    return NextResponse.json(result, { status: result.errors.length ? 400 : 200 });
  },
});
