import { toCsv } from "@/lib/csv/write";
import { notFound } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { GROUPS_HEADER, groupRows, TEAMS_HEADER, teamRows } from "@/lib/server/services/exports/tables";

export const dynamic = "force-dynamic";

const TABLES = {
  teams: { header: TEAMS_HEADER, rows: teamRows },
  groups: { header: GROUPS_HEADER, rows: groupRows },
} as const;

/** A table as CSV in its import format: /api/v1/exports/teams, /api/v1/exports/groups. */
export const GET = withRoute<undefined, undefined, { table: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async ({ params }) => {
    const table = TABLES[params.table as keyof typeof TABLES];
    if (!table) throw notFound("Export");
    return new Response(toCsv(table.header, await table.rows(), { bom: true }), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="pillars-${params.table}.csv"` },
    });
  },
});
