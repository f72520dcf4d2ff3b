import { NextResponse } from "next/server";
import { PROVIDER_INFO } from "@/lib/connectors/providers";
import { withRoute } from "@/lib/server/http/route";
import { createConnector, listConnectors } from "@/lib/server/services/connectors/admin";
import { connectorCreateInput, type ConnectorCreateInput } from "@/lib/validation/connectors";

export const dynamic = "force-dynamic";

/** The pull connectors (never their tokens), with each provider's fields for the form. */
export const GET = withRoute({ auth: "session", action: "admin", handler: async () => ({ connectors: await listConnectors(), providers: PROVIDER_INFO }) });

/** Adds a connector and queues its backfill: 201 with its id and the sync job. */
export const POST = withRoute<undefined, ConnectorCreateInput>({
  auth: "session",
  action: "admin",
  body: connectorCreateInput,
  handler: async ({ actor, body }) => NextResponse.json(await createConnector(actor, body, new Date()), { status: 201 }),
});
