import { listTeamValues } from "@/lib/server/data/metric-values";
import { badRequest, conflict } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { upsertMetricValues } from "@/lib/server/services/metric-values";
import { getMetricValuesQuery, putMetricValuesBody } from "@/lib/validation/metric-values";

export const dynamic = "force-dynamic";

/** A team's stored values between two weeks (with versions, for conflict-checked edits). */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: getMetricValuesQuery,
  handler: async ({ query }) => ({ values: await listTeamValues(query.team, query.from, query.to) }),
});

/**
 * Writes values, all or nothing: 400 with every row's errors, 409 with the cells changed by someone else
 * since `expectedVersion`, 403 when a team is not the caller's to write.
 */
export const PUT = withRoute({
  auth: "any",
  scope: "ingest",
  // Leaders and viewers are refused before their body is even read; managers are checked per team.
  action: "enterData",
  body: putMetricValuesBody,
  maxBodyBytes: 10 * 1024 * 1024,
  handler: async ({ body, user, token, actor }) => {
    const result = await upsertMetricValues(actor, body.values, { source: token ? "API" : "MANUAL", user });
    if (result.status === "invalid") {
      const first = result.errors[0];
      throw badRequest(`Row ${first.row + 1}, ${first.field}: ${first.message}${result.errors.length > 1 ? ` (and ${result.errors.length - 1} more)` : ""}`, { errors: result.errors });
    }
    if (result.status === "conflict") {
      throw conflict(`${result.conflicts.length} value(s) were changed by someone else since you loaded them.`, { conflicts: result.conflicts });
    }
    return { created: result.created, updated: result.updated, unchanged: result.unchanged };
  },
});
