import { NextResponse } from "next/server";
import { withRoute } from "@/lib/server/http/route";
import { requestSync } from "@/lib/server/services/connectors/admin";
import { connectorSyncInput } from "@/lib/validation/connectors";
import type { z } from "zod";

export const dynamic = "force-dynamic";

/** "Sync now": 202 with the queued sync job (one already waiting is joined); `since` re-reads history from that day. */
export const POST = withRoute<undefined, z.infer<typeof connectorSyncInput>, { id: string }>({
  auth: "session",
  action: "admin",
  body: connectorSyncInput,
  handler: async ({ actor, body, params }) => NextResponse.json({ job: await requestSync(actor, params.id, body.since ?? null, new Date()) }, { status: 202 }),
});
