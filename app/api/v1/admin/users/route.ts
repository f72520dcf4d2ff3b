import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/route";
import { createUser, listUsers } from "@/lib/server/services/users";
import { userCreateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

export const GET = withRoute({ auth: "session", action: "admin", handler: async () => ({ users: await listUsers() }) });

/** Creates a user; a generated password comes back once in `generatedPassword`. */
export const POST = withRoute({
  auth: "session",
  action: "admin",
  body: userCreateInput,
  handler: async ({ actor, body }) => NextResponse.json(await createUser(actor, body), { status: 201 }),
});
