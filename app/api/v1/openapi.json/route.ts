import { openApiDocument } from "@/lib/openapi/document";
import { withRoute } from "@/lib/server/http/route";
import { requestOrigin } from "@/lib/server/auth/proxies";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 description of the ingestion and delivery read endpoints. */
export const GET = withRoute({
  auth: "any",
  scope: "read",
  action: "read",
  handler: async ({ request }) => openApiDocument(requestOrigin(request)),
});
