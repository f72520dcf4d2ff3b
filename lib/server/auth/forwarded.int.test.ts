import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as openapi } from "@/app/api/v1/openapi.json/route";
import { POST as preview } from "@/app/api/v1/imports/[id]/preview/route";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

/**
 * X-Forwarded-Proto and X-Forwarded-Host over real HTTP: believed from a trusted proxy (loopback unless
 * PILLARS_TRUSTED_PROXIES says otherwise), ignored from any other peer. Our server appends the socket's peer to
 * X-Forwarded-For (scripts/serve.mjs); the requests here carry what it would append.
 */
const admin: SessionUser = { id: "a", email: "a@example.test", name: "A", role: "ADMIN", managedTeamIds: [] };
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => admin }));

let host: HttpHost;
beforeAll(async () => {
  host = await serveRoutes({ "POST /api/v1/imports/[id]/preview": preview, "GET /api/v1/openapi.json": openapi });
});
afterAll(async () => {
  await host?.close();
});

const fromPeer = (peer: string, extra: Record<string, string>) => ({ "x-forwarded-for": `198.51.100.20, ${peer}`, ...extra });

describe("forwarded headers", () => {
  it("let a trusted proxy's host pass the same-origin check, not a client's own claim", async () => {
    const claim = { origin: "https://evil.example", "x-forwarded-host": "evil.example", "content-type": "application/json" };
    const untrusted = await fetch(`${host.url}/api/v1/imports/none/preview`, { method: "POST", headers: fromPeer("203.0.113.9", claim), body: "{}" });
    expect(untrusted.status).toBe(403);
    expect(((await untrusted.json()) as { message: string }).message).toMatch(/Cross-site/);
    // From the proxy on this machine the same header is believed: the check passes (and the import is unknown).
    const trusted = await fetch(`${host.url}/api/v1/imports/none/preview`, { method: "POST", headers: fromPeer("127.0.0.1", claim), body: "{}" });
    expect(trusted.status).toBe(404);
  });

  it("build the addresses the app hands out from a trusted proxy's protocol and host only", async () => {
    const claim = { "x-forwarded-host": "pillars.example.com", "x-forwarded-proto": "https" };
    const serverOf = async (peer: string) => ((await (await fetch(`${host.url}/api/v1/openapi.json`, { headers: fromPeer(peer, claim) })).json()) as { servers: { url: string }[] }).servers[0]?.url ?? "";
    expect(await serverOf("127.0.0.1")).toMatch(/^https:\/\/pillars\.example\.com/);
    expect(await serverOf("203.0.113.9")).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
  });
});
