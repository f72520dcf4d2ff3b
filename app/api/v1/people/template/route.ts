import { toCsv } from "@/lib/csv/write";
import { withRoute } from "@/lib/server/http/route";
import { ROSTER_COLUMNS, ROSTER_TEMPLATE_ROWS } from "@/lib/retention/roster-columns";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** The roster CSV template: every column the import reads, with two example rows. */
export const GET = withRoute({
  auth: "session",
  action: "viewPeopleRecords",
  handler: async () =>
    new Response(toCsv(ROSTER_COLUMNS.map((c) => c.key), ROSTER_TEMPLATE_ROWS, { bom: true }), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment("roster-template.csv") },
    }),
});
