import { listServicesWithTeam } from "@/lib/server/data/delivery/services";
import { withRoute } from "@/lib/server/http/route";

export const dynamic = "force-dynamic";

/** Services with their team (null = not yet mapped by an admin), for the delivery scope picker. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async () => ({
    services: await listServicesWithTeam(),
  }),
});
