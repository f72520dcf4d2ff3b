import { entityHistory } from "@/lib/server/data/audit";
import { withRoute } from "@/lib/server/http/route";
import { valueEntityId } from "@/lib/server/services/metric-values";
import { valueHistoryQuery } from "@/lib/validation/metric-values";

export const dynamic = "force-dynamic";

/** One cell's recorded changes (who, when, before → after), from the audit trail. */
export const GET = withRoute({
  auth: "session",
  action: "read",
  query: valueHistoryQuery,
  handler: async ({ query }) => ({ history: await entityHistory("MetricValue", valueEntityId(query.metric, query.team, query.week)) }),
});
