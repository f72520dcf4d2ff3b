import net from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DELETE as deleteRoute, PATCH as patchRoute } from "@/app/api/v1/admin/connectors/[id]/route";
import { POST as syncRoute } from "@/app/api/v1/admin/connectors/[id]/sync/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/admin/connectors/route";
import { GET as listJobsRoute } from "@/app/api/v1/jobs/route";
import type { ConnectorList } from "@/lib/connectors/api-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

/**
 * Admin → Connectors over real HTTP: only admins manage connectors; adding one queues its backfill job; the
 * token goes in and never comes out — not in an answer, not in the audit trail; a provider option that fails
 * validation is a 400 naming it (`options.repos`); a second connector of the same name is a 409.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const user = (role: SessionUser["role"]): SessionUser => ({ id: `${role.toLowerCase()}-1`, email: `${role.toLowerCase()}@example.com`, name: role, role, managedTeamIds: [] }) as SessionUser;
const ADMIN = user("ADMIN");
const TOKEN = "ghp_connector-admin-secret-0123456789";
const NEW_TOKEN = "ghp_replaced-secret-9876543210";

let host: HttpHost;
let teamId = "";
/** A port nothing listens on: a sync that runs fails to connect, and never reaches the internet. */
let closedUrl = "";
/** Every answer's text, to look for the tokens in. */
const answers: string[] = [];
/** The tokens as stored (encrypted), which must not leak either. */
const encrypted = new Set<string>();

async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers: body === undefined ? {} : { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  answers.push(text);
  return { status: response.status, json: (text ? JSON.parse(text) : null) as T };
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const github = (name: string, options: Record<string, unknown> = { repos: "acme/payments-api\nacme/web" }) => ({
  provider: "github", name, apiUrl: closedUrl, token: TOKEN, defaultTeamId: teamId, backfillDays: 30, intervalMinutes: 60, options,
});

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Eng", slug: "eng-connectors" } });
  teamId = (await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } })).id;
  closedUrl = `http://127.0.0.1:${await closedPort()}`;
  host = await serveRoutes({
    "GET /api/v1/admin/connectors": listRoute,
    "POST /api/v1/admin/connectors": createRoute,
    "PATCH /api/v1/admin/connectors/[id]": patchRoute,
    "DELETE /api/v1/admin/connectors/[id]": deleteRoute,
    "POST /api/v1/admin/connectors/[id]/sync": syncRoute,
    "GET /api/v1/jobs": listJobsRoute,
  });
});

afterAll(async () => {
  actingAs = null;
  await host?.close();
});

describe("Admin → Connectors API", () => {
  it("refuses every role but admin, before reading the body", async () => {
    actingAs = ADMIN;
    const created = await call<{ id: string }>("POST", "/api/v1/admin/connectors", github("refusals"));
    expect(created.status).toBe(201);
    for (const role of ["LEADER", "MANAGER", "VIEWER"] as const) {
      actingAs = user(role);
      const statuses = [
        (await call("GET", "/api/v1/admin/connectors")).status,
        (await call("POST", "/api/v1/admin/connectors", github(`by ${role}`))).status,
        (await call("PATCH", `/api/v1/admin/connectors/${created.json.id}`, { enabled: false })).status,
        (await call("DELETE", `/api/v1/admin/connectors/${created.json.id}`)).status,
        (await call("POST", `/api/v1/admin/connectors/${created.json.id}/sync`, {})).status,
      ];
      expect(statuses, role).toEqual([403, 403, 403, 403, 403]);
    }
    actingAs = null;
    expect((await call("GET", "/api/v1/admin/connectors")).status).toBe(401);
    actingAs = ADMIN;
    const list = await call<ConnectorList>("GET", "/api/v1/admin/connectors");
    expect(list.json.connectors.map((c) => [c.name, c.enabled])).toEqual([["refusals", true]]);
    expect((await call("DELETE", `/api/v1/admin/connectors/${created.json.id}`)).status).toBe(204);
  });

  it("adds a connector, queues its backfill, lists it with the providers' fields, and never shows the token", async () => {
    actingAs = ADMIN;
    const created = await call<{ id: string; job: { id: string; url: string } }>("POST", "/api/v1/admin/connectors", github("Acme GitHub"));
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ id: expect.any(String), job: { id: expect.any(String), url: `/api/v1/jobs/${created.json.job.id}` } });

    const jobs = await call<{ jobs: { id: string; kind: string; label: string }[] }>("GET", "/api/v1/jobs");
    expect(jobs.json.jobs.find((j) => j.id === created.json.job.id)).toMatchObject({ kind: "connector.sync", label: "Sync a connector" });

    const list = await call<ConnectorList>("GET", "/api/v1/admin/connectors");
    expect(list.status).toBe(200);
    expect(list.json.providers.github.fields.map((f) => f.key)).toEqual(["repos", "productionEnvironments", "releasesAsDeployments"]);
    expect(list.json.connectors).toHaveLength(1);
    expect(list.json.connectors[0]).toMatchObject({
      id: created.json.id,
      name: "Acme GitHub",
      provider: "github",
      providerLabel: "GitHub",
      apiUrl: closedUrl,
      // The options as the sync reads them: lists split, defaults filled in.
      options: { repos: ["acme/payments-api", "acme/web"], productionEnvironments: ["production"], releasesAsDeployments: false },
      defaultTeam: { id: teamId, name: "Payments" },
      backfillDays: 30,
      intervalMinutes: 60,
      enabled: true,
    });
    expect(Object.keys(list.json.connectors[0])).not.toContain("token");
    expect(Object.keys(list.json.connectors[0])).not.toContain("tokenEncrypted");
  });

  it("edits, pauses, resumes and replaces the token; an empty token keeps the stored one", async () => {
    actingAs = ADMIN;
    const [{ id }] = (await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors;
    const stored = async () => (await db.connector.findUniqueOrThrow({ where: { id } })).tokenEncrypted;
    const before = await stored();
    encrypted.add(before);

    const edited = await call("PATCH", `/api/v1/admin/connectors/${id}`, { name: "Acme on GitHub", token: "", intervalMinutes: 30, options: { repos: "acme/web" }, enabled: false });
    expect(edited.status).toBe(200);
    expect(await stored()).toBe(before);
    const [row] = (await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors;
    expect(row).toMatchObject({ name: "Acme on GitHub", intervalMinutes: 30, enabled: false, options: { repos: ["acme/web"] } });

    expect((await call("PATCH", `/api/v1/admin/connectors/${id}`, { token: NEW_TOKEN, enabled: true })).status).toBe(200);
    expect(await stored()).not.toBe(before);
    encrypted.add(await stored());
    expect((await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors[0].enabled).toBe(true);
    expect((await call("PATCH", "/api/v1/admin/connectors/unknown", { enabled: false })).status).toBe(404);
  });

  it("answers a bad option with a 400 naming options.repos, and a taken name with a 409", async () => {
    actingAs = ADMIN;
    const bad = await call<{ error: string; message: string; details: { issues: { path: string; message: string }[] } }>("POST", "/api/v1/admin/connectors", github("Bad repos", { repos: "acme/web, not a repository" }));
    expect(bad.status).toBe(400);
    expect(bad.json.message).toBe("options.repos: each must be owner/repo");
    expect(bad.json.details.issues).toEqual([{ path: "options.repos", message: "each must be owner/repo" }]);
    const missing = await call<{ details: { issues: { path: string }[] } }>("POST", "/api/v1/admin/connectors", github("No repos", {}));
    expect(missing.status).toBe(400);
    expect(missing.json.details.issues[0].path).toBe("options.repos");
    const [{ id }] = (await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors;
    expect((await call<{ details: { issues: { path: string }[] } }>("PATCH", `/api/v1/admin/connectors/${id}`, { options: { repos: "nope" } })).json.details.issues[0].path).toBe("options.repos");
    // The common fields are checked by the route's schema, which names them the same way.
    const noToken = await call<{ issues: { path: string }[] }>("POST", "/api/v1/admin/connectors", { ...github("No token"), token: "" });
    expect(noToken.status).toBe(400);
    expect(noToken.json.issues.map((i) => i.path)).toEqual(["token"]);

    const taken = await call<{ error: string; message: string }>("POST", "/api/v1/admin/connectors", github("Acme on GitHub"));
    expect(taken.status).toBe(409);
    expect(taken.json.message).toContain("Acme on GitHub");
    expect((await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors).toHaveLength(1);
  });

  it("queues a sync now, optionally from a date; 404 for an unknown connector", async () => {
    actingAs = ADMIN;
    const [{ id }] = (await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors;
    const synced = await call<{ job: { id: string; url: string } }>("POST", `/api/v1/admin/connectors/${id}/sync`, { since: "2026-01-01" });
    expect(synced.status).toBe(202);
    expect(synced.json.job.url).toBe(`/api/v1/jobs/${synced.json.job.id}`);
    const badDate = await call<{ issues: { path: string }[] }>("POST", `/api/v1/admin/connectors/${id}/sync`, { since: "1 January" });
    expect(badDate.status).toBe(400);
    expect(badDate.json.issues[0].path).toBe("since");
    expect((await call("POST", "/api/v1/admin/connectors/unknown/sync", {})).status).toBe(404);
  });

  it("deletes: 204, gone from the list, 404 the second time", async () => {
    actingAs = ADMIN;
    const [{ id }] = (await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors;
    const deleted = await fetch(`${host.url}/api/v1/admin/connectors/${id}`, { method: "DELETE" });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe("");
    expect((await call<ConnectorList>("GET", "/api/v1/admin/connectors")).json.connectors).toEqual([]);
    expect((await call("DELETE", `/api/v1/admin/connectors/${id}`)).status).toBe(404);
  });

  it("kept the tokens out of every answer and every audit entry", async () => {
    const audit = await db.auditLog.findMany({ where: { entityType: "Connector" } });
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "create", "delete", "delete", "sync", "update", "update"]);
    expect(encrypted.size).toBe(2);
    const audited = JSON.stringify(audit, (_k, v: unknown) => (typeof v === "bigint" ? String(v) : v));
    for (const secret of [TOKEN, NEW_TOKEN, ...encrypted]) {
      expect(audited).not.toContain(secret);
      expect(answers.some((text) => text.includes(secret))).toBe(false);
    }
    expect(answers.length).toBeGreaterThan(30);
  });
});
