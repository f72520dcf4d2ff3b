import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/route";
import { createService } from "@/lib/server/services/org-admin";
import { serviceCreateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: serviceCreateInput,
  handler: async ({ actor, body }) => NextResponse.json({ service: await createService(actor, body) }, { status: 201 }),
});
