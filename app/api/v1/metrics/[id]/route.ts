import { withRoute } from "@/lib/server/http/route";
import { getCatalogMetric, removeMetric, updateMetric } from "@/lib/server/services/metric-catalog";
import { deleteMetricQuery, updateMetricBody, type UpdateMetricInput } from "@/lib/validation/metrics";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const GET = withRoute<undefined, undefined, Params>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async ({ params }) => ({ metric: await getCatalogMetric(params.id) }),
});

/** Edits a definition (admins; the key never changes, computed built-ins are read-only). */
export const PATCH = withRoute<undefined, UpdateMetricInput, Params>({
  auth: "session",
  action: "admin",
  body: updateMetricBody,
  handler: async ({ body, actor, params }) => ({ metric: await updateMetric(actor, params.id, body) }),
});

/** Deletes a metric without values; archives one with values when `?confirm=true`, else answers 409. */
export const DELETE = withRoute<{ confirm: "true" | "false" }, undefined, Params>({
  auth: "session",
  action: "admin",
  query: deleteMetricQuery,
  handler: async ({ query, actor, params }) => removeMetric(actor, params.id, query.confirm === "true"),
});
