import { withRoute } from "@/lib/server/http/route";
import { experimentMarkers } from "@/lib/server/services/skills/experiments";
import { markersQuery } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Chart markers ({ date, label }) for the experiments of the teams in a scope (org, group:<id>, team:<id>). */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: markersQuery,
  handler: async ({ query }) => ({ markers: await experimentMarkers(query.scope) }),
});
