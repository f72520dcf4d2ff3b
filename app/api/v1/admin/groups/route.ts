import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/route";
import { createGroup } from "@/lib/server/services/org-admin";
import { groupCreateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: groupCreateInput,
  handler: async ({ actor, body }) => NextResponse.json({ group: await createGroup(actor, body) }, { status: 201 }),
});
