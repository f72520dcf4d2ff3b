import { withRoute } from "@/lib/server/http/route";
import { getAdminOrg } from "@/lib/server/services/org-admin";

export const dynamic = "force-dynamic";

/** Groups, teams (archived included) and services, for the organisation admin screens. */
export const GET = withRoute({ auth: "session", action: "admin", handler: () => getAdminOrg() });
