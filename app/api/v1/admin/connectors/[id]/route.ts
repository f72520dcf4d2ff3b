import { withRoute } from "@/lib/server/http/route";
import { deleteConnector, updateConnector } from "@/lib/server/services/connectors/admin";
import { connectorUpdateInput, type ConnectorUpdateInput } from "@/lib/validation/connectors";

export const dynamic = "force-dynamic";

/** Edit a connector, pause it (`enabled: false`) or resume it; an empty or absent token keeps the stored one. */
export const PATCH = withRoute<undefined, ConnectorUpdateInput, { id: string }>({
  auth: "session",
  action: "admin",
  body: connectorUpdateInput,
  handler: async ({ actor, body, params }) => {
    await updateConnector(actor, params.id, body);
    return { ok: true };
  },
});

/** Removes the connector and its cursors; what it synced stays, as events sent through the API would. */
export const DELETE = withRoute<undefined, undefined, { id: string }>({
  auth: "session",
  action: "admin",
  handler: async ({ actor, params }) => {
    await deleteConnector(actor, params.id);
    return new Response(null, { status: 204 });
  },
});
