import "server-only";
import { teamExists } from "@/lib/server/data/org";
import {
  deleteWebhookSourceRow,
  incidentLabelSetting,
  insertWebhookSource,
  listTeamNames,
  listWebhookSourceRows,
  updateIncidentLabel,
  webhookSourceById,
} from "@/lib/server/data/delivery/webhook-sources";
import { inTransaction } from "@/lib/server/data/runner";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { z } from "zod";
import type { incidentLabelInput, webhookSourceInput } from "@/lib/validation/webhooks";
import { encryptSecret, generateWebhookSecret } from "./webhook-secrets";

/** Admin management of webhook sources (one per GitHub org/app or GitLab group) and the incident label. */
export interface WebhookSourceRow {
  id: string;
  provider: string;
  name: string;
  defaultTeam: { id: string; name: string } | null;
  createdAt: Date;
  lastDeliveryAt: Date | null;
}

export async function listWebhookSources(): Promise<WebhookSourceRow[]> {
  const [sources, teams] = await Promise.all([
    listWebhookSourceRows(),
    listTeamNames(),
  ]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  return sources.map(({ defaultTeamId, ...s }) => ({ ...s, defaultTeam: defaultTeamId ? (teamById.get(defaultTeamId) ?? null) : null }));
}

/** Creates a source with a fresh secret, returned once (only its encrypted form is kept). */
export async function createWebhookSource(actor: Actor, input: z.infer<typeof webhookSourceInput>): Promise<{ id: string; secret: string }> {
  if (input.defaultTeamId && !(await teamExists(input.defaultTeamId))) throw notFound("Team");
  const secret = generateWebhookSecret();
  const id = await inTransaction(async (tx) => {
    const row = await insertWebhookSource({ provider: input.provider, name: input.name, defaultTeamId: input.defaultTeamId, secretEncrypted: encryptSecret(secret) }, tx);
    await recordAudit(actor, { action: "create", entityType: "WebhookSource", entityId: row.id, summary: `${input.provider} webhook source "${input.name}"`, after: { ...input } }, tx);
    return row.id;
  });
  return { id, secret };
}

export async function deleteWebhookSource(actor: Actor, id: string): Promise<void> {
  await inTransaction(async (tx) => {
    const row = await webhookSourceById(id, tx);
    if (!row) throw notFound("Webhook source");
    await deleteWebhookSourceRow(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "WebhookSource", entityId: id, summary: `${row.provider} webhook source "${row.name}"`, before: row }, tx);
  });
}

export async function setIncidentLabel(actor: Actor, input: z.infer<typeof incidentLabelInput>): Promise<void> {
  await inTransaction(async (tx) => {
    const before = await incidentLabelSetting(tx);
    await updateIncidentLabel(input.incidentLabel, tx);
    await recordAudit(actor, { action: "update", entityType: "OrgSettings", entityId: "1", summary: `Incident label set to "${input.incidentLabel}"`, before, after: input }, tx);
  });
}
