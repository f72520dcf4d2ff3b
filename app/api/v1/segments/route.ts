import { withRoute } from "@/lib/server/http/route";
import { listSegmentOptions } from "@/lib/server/services/segments";

export const dynamic = "force-dynamic";

/** What can be compared: the org, groups, teams, locations, sourcing models and origins; and the metrics. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: () => listSegmentOptions(),
});
