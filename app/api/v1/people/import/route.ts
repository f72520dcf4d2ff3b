import { NextResponse } from "next/server";
import { CSV_DEFAULT_LIMITS } from "@/lib/csv/read";
import { badRequest, HttpError } from "@/lib/server/errors";
import { assertCsvContentType, assertDeclaredSize } from "@/lib/server/http/csv-upload";
import { withRoute } from "@/lib/server/http/route";
import { assertCanViewPeople } from "@/lib/server/services/retention/people";
import { importRoster } from "@/lib/server/services/retention/import-roster";
import { importQuery } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

/**
 * Roster CSV upload: the raw file as the body (text/csv). `?dryRun=1` (the default) previews; `?dryRun=0`
 * imports all rows or none. Problems come back by row and column; with any, nothing is written (400).
 * Another content type is refused (415), and so is a declared size over the limit (413) before reading.
 */
const tooLarge = () => new HttpError(413, "too_large", `The roster file is larger than the ${CSV_DEFAULT_LIMITS.maxBytes / 1024 / 1024} MB limit.`);

export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  query: importQuery,
  handler: async ({ request, user, token, actor, query }) => {
    if (!token) assertCanViewPeople(user);
    assertCsvContentType(request.headers.get("content-type"));
    assertDeclaredSize(request.headers, CSV_DEFAULT_LIMITS.maxBytes, tooLarge);
    if (!request.body) throw badRequest("Send the CSV file as the request body.");
    const result = await importRoster(actor, request.body, { dryRun: query.dryRun });
    return NextResponse.json(result, { status: result.errors.length ? 400 : 200 });
  },
});
