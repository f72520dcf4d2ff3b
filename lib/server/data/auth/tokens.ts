import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

export async function insertApiToken(
  data: { name: string; scopes: string[]; tokenHash: string; prefix: string; expiresAt: Date | null; createdById: string | null },
  tx: Tx = client,
) {
  return tx.apiToken.create({ data, select: { id: true, name: true, scopes: true, prefix: true, expiresAt: true, createdAt: true } });
}

export async function apiTokenByHash(tokenHash: string, tx: Tx = client) {
  return tx.apiToken.findUnique({ where: { tokenHash } });
}

export async function apiTokenById(id: string, tx: Tx = client) {
  return tx.apiToken.findUnique({ where: { id } });
}

export async function setApiTokenLastUsed(id: string, at: Date, tx: Tx = client): Promise<void> {
  await tx.apiToken.update({ where: { id }, data: { lastUsedAt: at } });
}
