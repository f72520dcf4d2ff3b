import { db } from "@/lib/server/db";
import { withRoute } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Services with their team (null = not yet mapped by an admin), for the delivery scope picker. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async () => ({
    services: await db.service.findMany({ select: { name: true, team: { select: { slug: true, name: true } } }, orderBy: { name: "asc" } }),
  }),
});
