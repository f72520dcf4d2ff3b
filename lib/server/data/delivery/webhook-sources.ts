import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Webhook sources (one per GitHub org/app or GitLab group) and the organisation's incident label. */

export async function listWebhookSourceRows(tx: Tx = client) {
  return tx.webhookSource.findMany({ orderBy: { createdAt: "asc" }, select: { id: true, provider: true, name: true, defaultTeamId: true, createdAt: true, lastDeliveryAt: true } });
}

/** Every team's id and name. */
export async function listTeamNames(tx: Tx = client): Promise<{ id: string; name: string }[]> {
  return tx.team.findMany({ select: { id: true, name: true } });
}

export async function insertWebhookSource(
  data: { provider: string; name: string; defaultTeamId?: string | null; secretEncrypted: string },
  tx: Tx = client,
): Promise<{ id: string }> {
  return tx.webhookSource.create({ data, select: { id: true } });
}

export async function webhookSourceById(id: string, tx: Tx = client) {
  return tx.webhookSource.findUnique({ where: { id }, select: { id: true, provider: true, name: true } });
}

export async function deleteWebhookSourceRow(id: string, tx: Tx = client): Promise<void> {
  await tx.webhookSource.delete({ where: { id } });
}

/** The current incident label (creating the settings row when missing). */
export async function incidentLabelSetting(tx: Tx = client): Promise<{ incidentLabel: string }> {
  return tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {}, select: { incidentLabel: true } });
}

export async function updateIncidentLabel(incidentLabel: string, tx: Tx = client): Promise<void> {
  await tx.orgSettings.update({ where: { id: 1 }, data: { incidentLabel } });
}
