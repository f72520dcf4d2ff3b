import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { withRoute } from "@/lib/server/http/route";
import { auditPage } from "@/lib/server/services/audit-read";
import { auditQuery } from "@/lib/validation/audit";

export const dynamic = "force-dynamic";

/** The audit trail, newest first, filtered and paged (admins). */
export const GET = withRoute({
  auth: "session",
  action: "admin",
  query: auditQuery,
  handler: async ({ query, user }) => {
    const { page, pageSize, ...filter } = query;
    const result = await auditPage(filter, page, pageSize, disclosureViewer(user), new Date());
    return { ...result, page, pageSize };
  },
});
