import { withRoute } from "@/lib/server/http/route";
import { listMissingData } from "@/lib/server/services/missing-data";

export const dynamic = "force-dynamic";

/** Teams that have not entered their manual weekly metrics this week or last week (admins and leaders). */
export const GET = withRoute({
  auth: "session",
  action: "viewMissingData",
  handler: async () => listMissingData(),
});
