import { withRoute } from "@/lib/server/http/route";
import { createMetric, listCatalog } from "@/lib/server/services/metric-catalog";
import { createMetricBody, listMetricsQuery } from "@/lib/validation/metrics";

export const dynamic = "force-dynamic";

/** The metric catalog, optionally one pillar's metrics. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: listMetricsQuery,
  handler: async ({ query }) => ({ metrics: await listCatalog(query) }),
});

/** Adds a manual metric (admins). */
export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: createMetricBody,
  handler: async ({ body, actor }) => ({ metric: await createMetric(actor, body) }),
});
