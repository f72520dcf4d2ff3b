import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { importProficiencyCsv } from "@/lib/server/services/skills/proficiency-import";
import { proficiencyCsvBody } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Imports `employeeId,skill,level` CSV text sent as `{ csv }`; all rows or none. */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  action: "read",
  body: proficiencyCsvBody,
  maxBodyBytes: 6 * 1024 * 1024,
  handler: ({ body, user, actor }) => {
    assertTeamWriter(user);
    return importProficiencyCsv(body.csv, user, actor);
  },
});
