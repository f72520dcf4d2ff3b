import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { apiTokenByHash, apiTokenById, insertApiToken, setApiTokenLastUsed } from "@/lib/server/data/auth/tokens";

/** API tokens: `pil_<random>`; only a sha256 hash is stored, the token is shown once at creation. */
export const TOKEN_SCOPES = ["ingest", "read"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

export interface TokenPrincipal {
  id: string;
  name: string;
  scopes: TokenScope[];
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export async function createApiToken(input: { name: string; scopes: TokenScope[]; expiresAt?: Date | null; createdById?: string | null }) {
  const token = `pil_${randomBytes(24).toString("base64url")}`;
  const row = await insertApiToken({
    name: input.name,
    scopes: [...new Set(input.scopes)],
    tokenHash: hashToken(token),
    prefix: token.slice(0, 10),
    expiresAt: input.expiresAt ?? null,
    createdById: input.createdById ?? null,
  });
  return { token, ...row };
}

type TokenRow = NonNullable<Awaited<ReturnType<typeof apiTokenByHash>>>;

/** The principal of a stored token that is neither revoked nor expired at `now`. */
function principalOf(row: TokenRow | null, now: Date): TokenPrincipal | null {
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return null;
  return { id: row.id, name: row.name, scopes: row.scopes.filter((s): s is TokenScope => (TOKEN_SCOPES as readonly string[]).includes(s)) };
}

/** The token behind an `Authorization: Bearer …` header, or null when absent, unknown, revoked or expired. */
export async function verifyBearer(headers: Headers, now = new Date()): Promise<TokenPrincipal | null> {
  const header = headers.get("authorization");
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match) return null;
  const row = await apiTokenByHash(hashToken(match[1]));
  const principal = principalOf(row, now);
  if (!row || !principal) return null;
  // Last-used time is informational; coarse (once a minute) to keep hot ingestion paths from rewriting the row.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await setApiTokenLastUsed(row.id, now);
  }
  return principal;
}

/** A token by id as work it started later finds it (a queued job): null once revoked or expired. */
export async function activeToken(id: string, now: Date): Promise<TokenPrincipal | null> {
  return principalOf(await apiTokenById(id), now);
}

export function hasBearer(headers: Headers): boolean {
  return /^Bearer\s+/i.test(headers.get("authorization") ?? "");
}
