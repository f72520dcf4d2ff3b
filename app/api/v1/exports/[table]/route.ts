import { toCsv } from "@/lib/csv/write";
import { notFound } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { GROUPS_HEADER, groupRows, TEAMS_HEADER, teamRows } from "@/lib/server/services/exports/tables";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** A Map, not an object: `/exports/constructor` or `/exports/__proto__` must not find an inherited property. */
const TABLES = new Map([
  ["teams", { header: TEAMS_HEADER, rows: teamRows }],
  ["groups", { header: GROUPS_HEADER, rows: groupRows }],
]);

/** A table as CSV in its import format: /api/v1/exports/teams, /api/v1/exports/groups. */
export const GET = withRoute<undefined, undefined, { table: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async ({ params }) => {
    const table = TABLES.get(params.table);
    if (!table) throw notFound("Export");
    return new Response(toCsv(table.header, await table.rows(), { bom: true }), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`pillars-${params.table}.csv`) },
    });
  },
});
