import { withRoute } from "@/lib/server/http/route";
import { updateService } from "@/lib/server/services/org-admin";
import { serviceUpdateInput, type ServiceUpdateInput } from "@/lib/validation/admin";

export const dynamic = "force-dynamic";

/** Rename a service or set its owning team (how services first seen by ingestion get one). */
export const PATCH = withRoute<undefined, ServiceUpdateInput, { id: string }>({
  auth: "session",
  action: "admin",
  body: serviceUpdateInput,
  handler: async ({ actor, body, params }) => ({ service: await updateService(actor, params.id, body) }),
});
