import { withRoute } from "@/lib/server/http/route";
import { can } from "@/lib/server/permissions";
import { getRunResults } from "@/lib/server/services/engagement/results";
import { resultsCsv } from "@/lib/server/services/engagement/results-csv";
import { resultsQuery, type ResultsQuery } from "@/lib/validation/surveys";
import { attachment } from "@/lib/server/http/content-disposition";

export const dynamic = "force-dynamic";

/** Results with anonymity applied (withheld groups carry a message and no numbers); ?format=csv exports them. */
export const GET = withRoute<ResultsQuery, undefined, { runId: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  query: resultsQuery,
  handler: async ({ params, query, user }) => {
    const { format, ...filter } = query;
    const results = await getRunResults(params.runId, filter, { canModerateComments: user ? can(user, "admin") : false });
    if (format === "csv") {
      return new Response(resultsCsv(results), {
        headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": attachment(`survey-results-${params.runId}.csv`) },
      });
    }
    return results;
  },
});
