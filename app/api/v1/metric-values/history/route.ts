import { metricValueHistory } from "@/lib/server/data/audit";
import { withRoute } from "@/lib/server/http/route";
import { valueHistoryQuery } from "@/lib/validation/metric-values";

export const dynamic = "force-dynamic";

/** One cell's recorded changes (who, when, before → after), from the audit trail and the imports that wrote it. */
export const GET = withRoute({
  auth: "session",
  action: "read",
  query: valueHistoryQuery,
  handler: async ({ query }) => ({ history: await metricValueHistory(query.metric, query.team, query.week) }),
});
