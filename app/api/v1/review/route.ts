import { withRoute } from "@/lib/server/http/route";
import { getWeeklyReview } from "@/lib/server/services/review/weekly-review";
import { reviewQuery } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

/** The weekly review for a scope as of a chosen week (default: the week that just ended). */
export const GET = withRoute({
  auth: "session",
  action: "read",
  query: reviewQuery,
  handler: ({ query, user }) => getWeeklyReview(query, user!),
});
