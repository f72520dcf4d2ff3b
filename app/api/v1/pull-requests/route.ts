import { withRoute } from "@/lib/server/http/route";
import { ingestPullRequests } from "@/lib/server/services/ingest/ingest";
import { pullRequestBatch } from "@/lib/validation/ingest";

export const dynamic = "force-dynamic";

/** Ingests one object or an array of up to 1,000 (idempotent on externalId); API token with "ingest", or an admin's session. */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  action: "admin",
  body: pullRequestBatch,
  maxBodyBytes: 20 * 1024 * 1024,
  handler: ({ body, actor }) => ingestPullRequests(body, actor),
});
