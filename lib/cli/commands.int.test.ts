import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { runCommand as run } from "./commands";

/** The CLI's user and token commands go through the same services, rules and audit trail as the admin pages. */
describe("pillars CLI", () => {
  it("audits a token it creates, naming the operating-system account, never the secret", async () => {
    const lines = await run(["token", "create", "--name", "ci deploys", "--scope", "ingest,read", "--expires-days", "30"]);
    const token = lines[1]!;
    const row = await db.apiToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });
    const audit = await db.auditLog.findMany({ where: { entityType: "ApiToken", entityId: row.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "create", actorId: null, summary: 'Created API token "ci deploys" (ingest, read)' });
    expect(audit[0]!.actorLabel).toMatch(/^cli:.+/);
    expect(audit[0]!.after).toMatchObject({ name: "ci deploys", prefix: row.prefix, scopes: ["ingest", "read"] });
    const text = JSON.stringify(audit.map((a) => [a.summary, a.before, a.after]));
    expect(text).not.toContain(token);
    expect(text).not.toContain(row.tokenHash);
  });

  it("refuses a bad expiry or scope with a clear message and creates nothing", async () => {
    await expect(run(["token", "create", "--name", "x", "--scope", "ingest", "--expires-days=-3"])).rejects.toThrow("--expires-days must be a positive whole number");
    await expect(run(["token", "create", "--name", "x", "--scope", "ingest", "--expires-days", "-3"])).rejects.toThrow('--expires-days needs a value. To give one that starts with "-", write --expires-days=VALUE.');
    await expect(run(["token", "create", "--name", "x", "--scope", "admin"])).rejects.toThrow("--scope must be a comma list of ingest, read");
    expect(await db.apiToken.count({ where: { name: "x" } })).toBe(0);
  });

  it("creates users with the admin pages' password rules and audit entry", async () => {
    await expect(run(["user", "create", "--email", "short@example.com", "--name", "Short", "--role", "VIEWER", "--password", "elevenchars"])).rejects.toThrow(
      "Password must be at least 12 characters.",
    );
    await expect(run(["user", "create", "--email", "common@example.com", "--name", "Common", "--role", "VIEWER", "--password", "Password1234!"])).rejects.toThrow(/too common/);
    await expect(run(["user", "create", "--email", "demo@example.com", "--name", "Demo", "--role", "VIEWER", "--password", "pillars-demo-admin"])).rejects.toThrow(/published/);
    const lines = await run(["user", "create", "--email", "Ops@Example.com", "--name", "Ops", "--role", "admin"]);
    expect(lines[0]).toBe("Created ADMIN ops@example.com.");
    expect(lines[1]).toMatch(/^Password: \S{22}$/);
    expect(await db.user.count({ where: { email: { in: ["short@example.com", "common@example.com", "demo@example.com"] } } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: "User", summary: "Created ADMIN ops@example.com", actorLabel: { startsWith: "cli:" } } })).toBe(1);
  });
});
