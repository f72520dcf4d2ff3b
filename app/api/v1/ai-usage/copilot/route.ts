import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { importCopilotMetrics } from "@/lib/server/services/skills/copilot-import";
import { copilotImportBody } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/**
 * Imports GitHub Copilot exports: `{ seats: <GET /orgs/{org}/copilot/billing/seats JSON>, report?: "<users
 * usage-report NDJSON>", asOf?, teamMap?: { copilotTeamSlug: pillarsTeamId | null }, dryRun? }`.
 */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  action: "read",
  body: copilotImportBody,
  maxBodyBytes: 25 * 1024 * 1024,
  handler: ({ body, user, actor }) => {
    assertTeamWriter(user);
    return importCopilotMetrics(body, { actor, user });
  },
});
