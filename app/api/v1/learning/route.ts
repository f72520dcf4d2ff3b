import { withRoute } from "@/lib/server/http/route";
import { assertTeamWriter } from "@/lib/server/services/skills/access";
import { listLearningRecords, upsertLearningRecords } from "@/lib/server/services/skills/learning";
import { learningBatch, learningListQuery } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** Learning records, newest first (person ids only for those who manage the team). */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: learningListQuery,
  handler: async ({ query, user }) => ({ records: await listLearningRecords(user, query) }),
});

/**
 * Records learning: one object or an array of up to 1,000, all or nothing, idempotent on externalId.
 * API token with "ingest", or a session of an admin (any team) or a manager (their teams).
 */
export const POST = withRoute({
  auth: "any",
  scope: "ingest",
  action: "read",
  body: learningBatch,
  handler: async ({ body, user, actor }) => {
    assertTeamWriter(user);
    const { received, created, updated } = await upsertLearningRecords(body, { actor, user });
    return { received, created, updated };
  },
});
