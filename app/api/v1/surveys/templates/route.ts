import { withRoute } from "@/lib/server/http/route";
import { listTemplates } from "@/lib/server/services/engagement/surveys";

export const dynamic = "force-dynamic";

/** The shipped templates: psychological safety, eNPS, the short pulse. */
export const GET = withRoute({ auth: "any", scope: "read", action: "read", handler: async () => listTemplates() });
