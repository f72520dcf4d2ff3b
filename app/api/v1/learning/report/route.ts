import { withRoute } from "@/lib/server/http/route";
import { learningReport } from "@/lib/server/services/skills/learning-report";
import { learningSummaryQuery } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Per-quarter learning per engineer by team or segment, and budget burn-down, for one year. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: learningSummaryQuery,
  handler: ({ query }) => learningReport(query.year ?? new Date().getUTCFullYear(), query.segment),
});
