import { z } from "zod";
import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { listAiUsage, upsertAiUsage } from "@/lib/server/services/skills/ai-usage";
import { aiUsageBatch } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: z.object({ team: z.string().min(1).optional() }),
  handler: async ({ query }) => ({ rows: await listAiUsage({ teamIds: query.team ? [query.team] : undefined }) }),
});

/**
 * AI coding-tool usage per tool, team and day (one object or an array; replaces a day sent again).
 * API token with "ingest", or a session of an admin or of a manager for their teams.
 */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  action: "read",
  body: aiUsageBatch,
  handler: async ({ body, user, actor }) => {
    assertTeamWriter(user);
    const { received, created, updated } = await upsertAiUsage(body, { actor, user });
    return { received, created, updated };
  },
});
