import { withRoute } from "@/lib/server/http/route";
import { createCareerLevel, listCareerLevels } from "@/lib/server/services/retention/career-levels";
import { careerLevelInput, type CareerLevelInput } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async () => ({ levels: await listCareerLevels() }),
});

export const POST = withRoute<undefined, CareerLevelInput>({
  auth: "session",
  action: "admin",
  body: careerLevelInput,
  handler: async ({ actor, body }) => ({ level: await createCareerLevel(actor, body) }),
});
