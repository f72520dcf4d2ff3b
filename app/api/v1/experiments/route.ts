import { z } from "zod";
import { forbidden } from "@/lib/server/errors";
import { withRoute } from "@/lib/server/http/route";
import { createExperiment, listExperiments } from "@/lib/server/services/skills/experiments";
import { experimentInput } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  query: z.object({ team: z.string().min(1).optional() }),
  handler: async ({ query, user }) => ({ experiments: await listExperiments(user, { teamIds: query.team ? [query.team] : undefined }) }),
});

/** Logs an experiment: admins and leaders for any teams, managers for their own teams. */
export const POST = withRoute({
  auth: "session",
  action: "read",
  body: experimentInput,
  handler: ({ body, user, actor }) => {
    if (!user) throw forbidden();
    return createExperiment(body, user, actor);
  },
});
