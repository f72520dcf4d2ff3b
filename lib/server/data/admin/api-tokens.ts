import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** API tokens as the admin list shows them: never the secret's hash. */

const TOKEN_SELECT = {
  id: true,
  name: true,
  prefix: true,
  scopes: true,
  createdAt: true,
  expiresAt: true,
  lastUsedAt: true,
  revokedAt: true,
  createdBy: { select: { email: true } },
} as const;

export interface ApiTokenRecord {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  createdBy: { email: string } | null;
}

/** Newest first. */
export async function listApiTokenRecords(tx: Tx = client): Promise<ApiTokenRecord[]> {
  return tx.apiToken.findMany({ select: TOKEN_SELECT, orderBy: [{ createdAt: "desc" }] });
}

export async function apiTokenById(id: string, tx: Tx = client): Promise<ApiTokenRecord | null> {
  return tx.apiToken.findUnique({ where: { id }, select: TOKEN_SELECT });
}

/** Throws Prisma's not-found error when the token does not exist. */
export async function apiTokenByIdOrThrow(id: string, tx: Tx = client): Promise<ApiTokenRecord> {
  return tx.apiToken.findUniqueOrThrow({ where: { id }, select: TOKEN_SELECT });
}

export async function setApiTokenRevokedAt(id: string, revokedAt: Date, tx: Tx = client): Promise<ApiTokenRecord> {
  return tx.apiToken.update({ where: { id }, data: { revokedAt }, select: TOKEN_SELECT });
}
