import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

export async function isSessionRevoked(jti: string, tx: Tx = client): Promise<boolean> {
  return !!(await tx.revokedSession.findUnique({ where: { jti }, select: { jti: true } }));
}

/** Records a signed-out session id (kept as it is when already recorded). */
export async function insertRevokedSession(jti: string, expiresAt: Date, tx: Tx = client): Promise<void> {
  await tx.revokedSession.upsert({ where: { jti }, create: { jti, expiresAt }, update: {} });
}

export async function deleteRevokedSessionsExpiredBefore(now: Date, tx: Tx = client): Promise<void> {
  await tx.revokedSession.deleteMany({ where: { expiresAt: { lt: now } } });
}
