import "server-only";
import type { ApiTokenRow } from "@/lib/admin/api-types";
import { createApiToken, type TokenScope } from "@/lib/server/auth/tokens";
import { apiTokenById, apiTokenByIdOrThrow, listApiTokenRecords, setApiTokenRevokedAt, type ApiTokenRecord } from "@/lib/server/data/admin/api-tokens";
import { inTransaction } from "@/lib/server/data/runner";
import { badRequest, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { TokenCreateInput } from "@/lib/validation/admin";

/** API tokens for the ingestion and read APIs. The secret is returned once, at creation; only its hash is stored. */

function toRow(t: ApiTokenRecord): ApiTokenRow {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    scopes: t.scopes,
    createdAt: t.createdAt.toISOString(),
    createdBy: t.createdBy?.email ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    revokedAt: t.revokedAt?.toISOString() ?? null,
  };
}

/** What the audit trail keeps of a token: never the secret or its hash. */
function snapshot(t: { name: string; prefix: string; scopes: string[]; expiresAt: Date | string | null }) {
  return { name: t.name, prefix: t.prefix, scopes: t.scopes, expiresAt: t.expiresAt };
}

export async function listApiTokens(): Promise<ApiTokenRow[]> {
  const rows = await listApiTokenRecords();
  return rows.map(toRow);
}

/** "Expires on D" means usable through the end of day D (UTC). */
export function expiryOf(expiresOn: string | null): Date | null {
  return expiresOn ? new Date(`${expiresOn}T23:59:59.999Z`) : null;
}

export async function issueApiToken(actor: Actor, input: TokenCreateInput, now = new Date()): Promise<{ token: string; row: ApiTokenRow }> {
  const expiresAt = expiryOf(input.expiresOn);
  if (expiresAt && expiresAt <= now) throw badRequest("The expiry date must be in the future.");
  // createApiToken writes outside a transaction; the audit row follows it (a token without its audit row
  // would only happen if the database failed between the two writes).
  const created = await createApiToken({ name: input.name, scopes: input.scopes as TokenScope[], expiresAt, createdById: actor.userId });
  await recordAudit(actor, { action: "create", entityType: "ApiToken", entityId: created.id, summary: `Created API token "${created.name}" (${created.scopes.join(", ")})`, after: snapshot(created) });
  const row = await apiTokenByIdOrThrow(created.id);
  return { token: created.token, row: toRow(row) };
}

/** Revoking is immediate and final; revoking an already revoked token changes nothing. */
export async function revokeApiToken(actor: Actor, id: string, now = new Date()): Promise<ApiTokenRow> {
  return inTransaction(async (tx) => {
    const before = await apiTokenById(id, tx);
    if (!before) throw notFound("API token");
    if (before.revokedAt) return toRow(before);
    const after = await setApiTokenRevokedAt(id, now, tx);
    await recordAudit(actor, { action: "revoke", entityType: "ApiToken", entityId: id, summary: `Revoked API token "${after.name}"`, before: { ...snapshot(before), revokedAt: null }, after: { ...snapshot(after), revokedAt: after.revokedAt } }, tx);
    return toRow(after);
  });
}
