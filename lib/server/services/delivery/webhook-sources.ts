import "server-only";
import { db } from "@/lib/server/db";
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
    db.webhookSource.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, provider: true, name: true, defaultTeamId: true, createdAt: true, lastDeliveryAt: true } }),
    db.team.findMany({ select: { id: true, name: true } }),
  ]);
  const teamById = new Map(teams.map((t) => [t.id, t]));
  return sources.map(({ defaultTeamId, ...s }) => ({ ...s, defaultTeam: defaultTeamId ? (teamById.get(defaultTeamId) ?? null) : null }));
}

/** Creates a source with a fresh secret, returned once (only its encrypted form is kept). */
export async function createWebhookSource(actor: Actor, input: z.infer<typeof webhookSourceInput>): Promise<{ id: string; secret: string }> {
  if (input.defaultTeamId && !(await db.team.findUnique({ where: { id: input.defaultTeamId }, select: { id: true } }))) throw notFound("Team");
  const secret = generateWebhookSecret();
  const id = await db.$transaction(async (tx) => {
    const row = await tx.webhookSource.create({
      data: { provider: input.provider, name: input.name, defaultTeamId: input.defaultTeamId, secretEncrypted: encryptSecret(secret) },
      select: { id: true },
    });
    await recordAudit(actor, { action: "create", entityType: "WebhookSource", entityId: row.id, summary: `${input.provider} webhook source "${input.name}"`, after: { ...input } }, tx);
    return row.id;
  });
  return { id, secret };
}

export async function deleteWebhookSource(actor: Actor, id: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const row = await tx.webhookSource.findUnique({ where: { id }, select: { id: true, provider: true, name: true } });
    if (!row) throw notFound("Webhook source");
    await tx.webhookSource.delete({ where: { id } });
    await recordAudit(actor, { action: "delete", entityType: "WebhookSource", entityId: id, summary: `${row.provider} webhook source "${row.name}"`, before: row }, tx);
  });
}

export async function setIncidentLabel(actor: Actor, input: z.infer<typeof incidentLabelInput>): Promise<void> {
  await db.$transaction(async (tx) => {
    const before = await tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: { incidentLabel: true } });
    await tx.orgSettings.update({ where: { id: 1 }, data: { incidentLabel: input.incidentLabel } });
    await recordAudit(actor, { action: "update", entityType: "OrgSettings", entityId: "1", summary: `Incident label set to "${input.incidentLabel}"`, before, after: input }, tx);
  });
}
