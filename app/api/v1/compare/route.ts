import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { compareSegments } from "@/lib/server/services/segments";
import { compareQuery } from "@/lib/validation/leadership";

export const dynamic = "force-dynamic";

/** 2–6 teams or segments side by side for chosen metrics, with the organisation as baseline. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: compareQuery,
  handler: ({ query, user }) => compareSegments(query, disclosureViewer(user)),
});
