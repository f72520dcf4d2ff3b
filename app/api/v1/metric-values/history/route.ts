import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { valueHistory } from "@/lib/server/services/audit-read";
import { valueHistoryQuery } from "@/lib/validation/metric-values";

export const dynamic = "force-dynamic";

/** One cell's recorded changes (who, when, before → after), from the audit trail and the imports that wrote it. */
export const GET = withRoute({
  auth: "session",
  action: "read",
  query: valueHistoryQuery,
  handler: async ({ query, user }) => ({ history: await valueHistory(query.metric, query.team, query.week, disclosureViewer(user), new Date()) }),
});
