import { withRoute } from "@/lib/server/http/route";
import { getRun } from "@/lib/server/services/engagement/runs";

export const dynamic = "force-dynamic";

export const GET = withRoute<undefined, undefined, { runId: string }>({
  auth: "any",
  scope: "read",
  action: "read",
  handler: ({ params }) => getRun(params.runId),
});
