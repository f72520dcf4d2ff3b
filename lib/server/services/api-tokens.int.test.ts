import { describe, expect, it } from "vitest";
import { hashToken, verifyBearer } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { tokenCreateInput } from "@/lib/validation/admin";
import { expiryOf, issueApiToken, listApiTokens, revokeApiToken } from "./api-tokens";

const bearer = (token: string) => new Headers({ authorization: `Bearer ${token}` });

describe("API token administration", () => {
  it("treats an expiry date as the end of that day (UTC)", () => {
    expect(expiryOf("2026-06-30")?.toISOString()).toBe("2026-06-30T23:59:59.999Z");
    expect(expiryOf(null)).toBeNull();
  });

  it("issues a token that works until it is revoked, and audits without the secret", async () => {
    const user = await db.user.create({ data: { email: "root@example.com", name: "Root", role: "ADMIN" } });
    const actor: Actor = { userId: user.id, label: user.email };
    const { token, row } = await issueApiToken(actor, tokenCreateInput.parse({ name: "CI deploys", scopes: ["ingest", "read"] }));
    expect(token).toMatch(/^pil_/);
    expect(row).toMatchObject({ name: "CI deploys", prefix: token.slice(0, 10), scopes: ["ingest", "read"], createdBy: "root@example.com", revokedAt: null, expiresAt: null });

    expect(await verifyBearer(bearer(token))).toMatchObject({ id: row.id, scopes: ["ingest", "read"] });
    expect((await listApiTokens())[0].lastUsedAt).not.toBeNull();

    const revoked = await revokeApiToken(actor, row.id);
    expect(revoked.revokedAt).not.toBeNull();
    expect(await verifyBearer(bearer(token))).toBeNull();
    // Revoking twice is harmless and keeps the first revocation time.
    expect((await revokeApiToken(actor, row.id)).revokedAt).toBe(revoked.revokedAt);

    const audit = await db.auditLog.findMany({ where: { entityType: "ApiToken", entityId: row.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["create", "revoke"]);
    const text = JSON.stringify(audit.map((a) => [a.summary, a.before, a.after]));
    expect(text).not.toContain(token);
    expect(text).not.toContain(hashToken(token));
  });

  it("refuses an expiry date in the past and stops accepting a token after its expiry", async () => {
    const actor: Actor = { userId: null, label: "system" };
    await expect(issueApiToken(actor, tokenCreateInput.parse({ name: "old", scopes: ["read"], expiresOn: "2020-01-01" }))).rejects.toMatchObject({ status: 400 });
    const { token } = await issueApiToken(actor, tokenCreateInput.parse({ name: "short", scopes: ["read"], expiresOn: "2099-01-31" }));
    expect(await verifyBearer(bearer(token), new Date("2099-01-31T23:00:00Z"))).not.toBeNull();
    expect(await verifyBearer(bearer(token), new Date("2099-02-01T00:00:00Z"))).toBeNull();
  });

  it("requires at least one known scope", () => {
    expect(tokenCreateInput.safeParse({ name: "x", scopes: [] }).success).toBe(false);
    expect(tokenCreateInput.safeParse({ name: "x", scopes: ["admin"] }).success).toBe(false);
  });
});
