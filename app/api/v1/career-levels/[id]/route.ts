import { withRoute } from "@/lib/server/http/route";
import { deleteCareerLevel, updateCareerLevel } from "@/lib/server/services/retention/career-levels";
import { careerLevelPatch } from "@/lib/validation/people";

export const dynamic = "force-dynamic";

type Params = { id: string };

export const PATCH = withRoute<undefined, ReturnType<typeof careerLevelPatch.parse>, Params>({
  auth: "session",
  action: "admin",
  body: careerLevelPatch,
  handler: async ({ actor, body, params }) => ({ level: await updateCareerLevel(actor, params.id, body) }),
});

/** 409 when any record or promotion uses the level. */
export const DELETE = withRoute<undefined, undefined, Params>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => {
    await deleteCareerLevel(actor, params.id);
    return { ok: true };
  },
});
