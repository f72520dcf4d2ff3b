import { withRoute } from "@/lib/server/http/route";
import { createSkill, listSkills } from "@/lib/server/services/skills/skills-matrix";
import { skillInput } from "@/lib/validation/skills";

export const dynamic = "force-dynamic";

/** The skills catalog. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async () => ({ skills: await listSkills() }),
});

export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: skillInput,
  handler: ({ body, actor }) => createSkill(body, actor),
});
