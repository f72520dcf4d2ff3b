import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/route";
import { createTeam } from "@/lib/server/services/org-admin";
import { teamCreateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: teamCreateInput,
  handler: async ({ actor, body }) => NextResponse.json({ team: await createTeam(actor, body) }, { status: 201 }),
});
