import type { ScopesResponse } from "@/lib/metrics/series-types";
import { listGroups, listTeams } from "@/lib/server/data/org";
import { withRoute } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Groups and teams to choose a dashboard scope from. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async (): Promise<ScopesResponse> => {
    const [groups, teams] = await Promise.all([listGroups(), listTeams()]);
    return { groups, teams: teams.map((t) => ({ id: t.id, name: t.name, groupId: t.groupId, slug: t.slug })) };
  },
});
