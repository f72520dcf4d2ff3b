import { listAudit } from "@/lib/server/data/audit";
import { withRoute } from "@/lib/server/http/route";
import { auditQuery } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

/** The audit trail, newest first, filtered and paged (admins). */
export const GET = withRoute({
  auth: "session",
  action: "admin",
  query: auditQuery,
  handler: async ({ query }) => {
    const { page, pageSize, ...filter } = query;
    const result = await listAudit(filter, page, pageSize);
    return { ...result, page, pageSize };
  },
});
