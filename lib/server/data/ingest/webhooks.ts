import "server-only";
import { client, type SqlRunner, type Tx } from "@/lib/server/data/runner";
import { utcTimestamp } from "./sql";

/** Webhook sources and deliveries as the receiver reads and records them. */

/** The provider's sources with their encrypted secret. */
export async function webhookSourcesOf(provider: string, tx: Tx = client): Promise<{ id: string; defaultTeamId: string | null; secretEncrypted: string }[]> {
  return tx.webhookSource.findMany({ where: { provider }, select: { id: true, defaultTeamId: true, secretEncrypted: true } });
}

/** A team's slug, or null when there is no such team. */
export async function teamSlugById(id: string, tx: Tx = client): Promise<{ slug: string } | null> {
  return tx.team.findUnique({ where: { id }, select: { slug: true } });
}

/** Records a delivery id; false when it was recorded before (a repeated delivery). */
export async function insertWebhookDelivery(runner: SqlRunner, provider: string, deliveryId: string): Promise<boolean> {
  const fresh = await runner.query(
    `INSERT INTO "WebhookDelivery" ("provider", "deliveryId") VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING "deliveryId"`,
    [provider, deliveryId],
  );
  return fresh.length > 0;
}

/** Forgets delivery ids received before `before`; returns how many went. */
export async function deleteWebhookDeliveriesBefore(runner: SqlRunner, before: Date): Promise<number> {
  const rows = await runner.query(`DELETE FROM "WebhookDelivery" WHERE "receivedAt" < ${utcTimestamp("$1::timestamptz")} RETURNING "deliveryId"`, [before.toISOString()]);
  return rows.length;
}

/** Marks the source as having delivered now. */
export async function touchWebhookSource(runner: SqlRunner, id: string): Promise<void> {
  await runner.query(`UPDATE "WebhookSource" SET "lastDeliveryAt" = CURRENT_TIMESTAMP WHERE "id" = $1`, [id]);
}
