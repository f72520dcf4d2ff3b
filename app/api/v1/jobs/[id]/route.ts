import { z } from "zod";
import { withRoute } from "@/lib/server/http/route";
import { jobView } from "@/lib/server/jobs/read";

export const dynamic = "force-dynamic";

const query = z.object({ wait: z.coerce.number().int().min(0).max(60).default(0) });

/**
 * One job's state. `?wait=N` (seconds, at most 60) answers as soon as the job finished, or after N seconds
 * with its state then: an ingestion client that must read its own writes waits on the job its batch returned.
 * API token with "ingest", or an admin's session.
 */
export const GET = withRoute<z.infer<typeof query>, undefined, { id: string }>({
  auth: "any",
  scope: "ingest",
  action: "admin",
  query,
  handler: async ({ params, query }) => ({ job: await jobView(params.id, query.wait) }),
});
