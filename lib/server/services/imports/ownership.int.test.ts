import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getOne } from "@/app/api/v1/imports/[id]/route";
import { POST as preview } from "@/app/api/v1/imports/[id]/preview/route";
import { GET as rejects } from "@/app/api/v1/imports/[id]/rejects/route";
import { POST as run } from "@/app/api/v1/imports/[id]/run/route";
import { POST as undo } from "@/app/api/v1/imports/[id]/undo/route";
import { GET as list, POST as upload } from "@/app/api/v1/imports/route";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";
import { ABANDONED_AFTER_DAYS, purgeImportFiles } from "./cleanup";

/**
 * Imports belong to whoever uploaded them, over real HTTP: a user or an API token sees, previews, runs, reads
 * the rejects of and undoes only its own imports; admins any; people data (roster, learning by employee) only
 * admins, whatever else the caller may do. Someone else's import answers 404, as a missing one does.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

let host: HttpHost;
const users: Record<"admin" | "owner" | "otherManager" | "viewer", SessionUser> = {} as never;
const tokens = { read: "", ingest: "", ingestRead: "" };
const ids = { mine: "", roster: "", groups: "", tokenOwn: "" };

type Who = { user?: SessionUser; token?: string };
const as = (who: Who): Record<string, string> => {
  actingAs = who.user ?? null;
  return who.token ? { authorization: `Bearer ${who.token}` } : {};
};
const call = async (who: Who, method: string, path: string, body?: unknown) => {
  const headers: Record<string, string> = as(who);
  if (body !== undefined) headers["content-type"] = "application/json";
  return fetch(`${host.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
};
const send = async (who: Who, kind: string, csv: string, fileName = "data.csv") => {
  const res = await fetch(`${host.url}/api/v1/imports?${new URLSearchParams({ kind, fileName })}`, { method: "POST", headers: { ...as(who), "content-type": "text/csv" }, body: csv });
  const json = (await res.json()) as { preview?: { importId: string }; message?: string };
  return { status: res.status, id: json.preview?.importId ?? "", message: json.message };
};
const listed = async (who: Who) => {
  const res = await call(who, "GET", "/api/v1/imports");
  expect(res.status).toBe(200);
  return ((await res.json()) as { imports: { id: string }[] }).imports.map((i) => i.id).sort();
};

beforeAll(async () => {
  host = await serveRoutes({
    "GET /api/v1/imports": list,
    "POST /api/v1/imports": upload,
    "GET /api/v1/imports/[id]": getOne,
    "POST /api/v1/imports/[id]/preview": preview,
    "POST /api/v1/imports/[id]/run": run,
    "GET /api/v1/imports/[id]/rejects": rejects,
    "POST /api/v1/imports/[id]/undo": undo,
  });
  const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const payments = await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
  const user = async (key: keyof typeof users, role: SessionUser["role"], managedTeamIds: string[] = []) => {
    // The teams are managed in the database too: an import's job runs as the user as stored.
    const row = await db.user.create({ data: { email: `${key}@example.com`, name: key, role, managedTeams: { create: managedTeamIds.map((teamId) => ({ teamId })) } } });
    users[key] = { id: row.id, email: row.email, name: row.name, role, managedTeamIds };
  };
  await user("admin", "ADMIN");
  await user("owner", "MANAGER", [payments.id]);
  await user("otherManager", "MANAGER", [payments.id]);
  await user("viewer", "VIEWER");
  tokens.read = (await createApiToken({ name: "reader", scopes: ["read"] })).token;
  tokens.ingest = (await createApiToken({ name: "loader", scopes: ["ingest"] })).token;
  tokens.ingestRead = (await createApiToken({ name: "pipeline", scopes: ["ingest", "read"] })).token;

  const values = "team,metric,week,value\npayments,escaped_defects,2026-01-05,2\npayments,escaped_defects,2026-01-12,two\n";
  ids.mine = (await send({ user: users.owner }, "metric-values", values, "mine.csv")).id;
  ids.roster = (await send({ user: users.admin }, "people", "employee_id,team,hire_date\nE1,payments,2025-01-06\n", "roster.csv")).id;
  ids.groups = (await send({ user: users.admin }, "groups", "name,slug\nData,data\n", "groups.csv")).id;
  ids.tokenOwn = (await send({ token: tokens.ingestRead }, "metric-values", values, "pipeline.csv")).id;
  expect(Object.values(ids).every(Boolean)).toBe(true);
});

afterAll(async () => {
  await host?.close();
});

describe("who sees which imports", () => {
  it("lists the caller's own imports; admins all; people data to admins only", async () => {
    expect(await listed({ user: users.admin })).toEqual(Object.values(ids).sort());
    expect(await listed({ user: users.owner })).toEqual([ids.mine]);
    expect(await listed({ user: users.otherManager })).toEqual([]);
    expect(await listed({ user: users.viewer })).toEqual([]);
    expect(await listed({ token: tokens.read })).toEqual([]);
    expect(await listed({ token: tokens.ingestRead })).toEqual([ids.tokenOwn]);
  });

  it("answers one import, and its rejects, to its uploader and admins; 404 to everyone else", async () => {
    const cases: [Who, string, number][] = [
      [{ user: users.owner }, ids.mine, 200],
      [{ user: users.admin }, ids.mine, 200],
      [{ user: users.otherManager }, ids.mine, 404],
      [{ user: users.viewer }, ids.mine, 404],
      [{ token: tokens.read }, ids.mine, 404],
      [{ token: tokens.ingestRead }, ids.mine, 404],
      [{ token: tokens.ingestRead }, ids.tokenOwn, 200],
      [{ user: users.owner }, ids.roster, 404],
      [{ token: tokens.read }, ids.roster, 404],
      [{ user: users.admin }, ids.roster, 200],
    ];
    for (const [who, id, status] of cases) {
      const label = `${who.user?.name ?? "token"} ${id === ids.mine ? "mine" : id === ids.roster ? "roster" : "token's"}`;
      expect((await call(who, "GET", `/api/v1/imports/${id}`)).status, label).toBe(status);
      expect((await call(who, "GET", `/api/v1/imports/${id}/rejects`)).status, `${label} rejects`).toBe(status);
    }
  });
});

describe("who may act on an import", () => {
  it("previews only for the uploader and admins; a read-only token lacks the scope", async () => {
    const cases: [Who, string, number][] = [
      [{ user: users.owner }, ids.mine, 200],
      [{ user: users.admin }, ids.mine, 200],
      [{ user: users.otherManager }, ids.mine, 404],
      [{ user: users.viewer }, ids.mine, 404],
      [{ token: tokens.read }, ids.mine, 403],
      [{ token: tokens.ingest }, ids.mine, 404],
      [{ token: tokens.ingest }, ids.roster, 404],
      [{ user: users.owner }, ids.roster, 404],
      [{ user: users.admin }, ids.roster, 200],
      [{ token: tokens.ingestRead }, ids.tokenOwn, 200],
    ];
    for (const [who, id, status] of cases) expect((await call(who, "POST", `/api/v1/imports/${id}/preview`, {})).status, `${who.user?.name ?? "token"} ${id}`).toBe(status);
  });

  it("refuses to run someone else's staged import, and leaves it staged", async () => {
    for (const who of [{ user: users.viewer }, { user: users.owner }, { token: tokens.ingest }]) {
      expect((await call(who, "POST", `/api/v1/imports/${ids.groups}/run`, { wait: true })).status).toBe(404);
    }
    expect(await db.group.count({ where: { slug: "data" } })).toBe(0);
    expect((await db.import.findUniqueOrThrow({ where: { id: ids.groups } })).status).toBe("UPLOADED");
    const res = await call({ user: users.admin }, "POST", `/api/v1/imports/${ids.groups}/run`, { wait: true });
    expect(res.status).toBe(200);
    expect(await db.group.count({ where: { slug: "data" } })).toBe(1);
  });

  it("refuses a manager's upload of people data", async () => {
    const refused = await send({ user: users.owner }, "people", "employee_id,team,hire_date\nE2,payments,2025-01-06\n");
    expect(refused.status).toBe(403);
  });

  it("lets the uploader undo their own import, not another manager; the applied file is deleted", async () => {
    const id = (await send({ user: users.owner }, "metric-values", "team,metric,week,value\npayments,escaped_defects,2026-02-02,5\n", "undo-me.csv")).id;
    const ran = await call({ user: users.owner }, "POST", `/api/v1/imports/${id}/run`, { wait: true });
    expect(((await ran.json()) as { import: { status: string } }).import).toMatchObject({ status: "COMPLETED" });
    const state = async (who: Who) => ((await (await call(who, "GET", `/api/v1/imports/${id}`)).json()) as { import: { mayUndo: boolean } }).import;
    expect(await state({ user: users.owner })).toMatchObject({ mayUndo: true });
    expect(await state({ user: users.admin })).toMatchObject({ mayUndo: true });
    expect(await db.importChunk.count({ where: { importId: id } })).toBe(0);
    expect((await call({ user: users.otherManager }, "POST", `/api/v1/imports/${id}/undo`)).status).toBe(404);
    expect((await call({ user: users.viewer }, "POST", `/api/v1/imports/${id}/undo`)).status).toBe(404);
    expect((await call({ user: users.owner }, "POST", `/api/v1/imports/${id}/undo`)).status).toBe(200);
    expect((await db.import.findUniqueOrThrow({ where: { id } })).status).toBe("UNDONE");
  });
});

describe("keeping uploaded files", () => {
  it("drops abandoned uploads' files and rejects past their window, keeps recent ones", async () => {
    const staged = await db.importChunk.count({ where: { importId: ids.mine } });
    expect(staged).toBeGreaterThan(0);
    await purgeImportFiles(new Date());
    expect(await db.importChunk.count({ where: { importId: ids.mine } })).toBe(staged);
    await purgeImportFiles(new Date(Date.now() + (ABANDONED_AFTER_DAYS + 1) * 86_400_000));
    expect(await db.importChunk.count({ where: { importId: ids.mine } })).toBe(0);
  });
});

describe("the rejects download", () => {
  it("names a file with CR, LF, quotes or non-ASCII characters safely (RFC 6266 with an ASCII fallback)", async () => {
    const name = 'Zürich "Q1"\r\nSet-Cookie: stolen=1.csv';
    const { id, status } = await send({ user: users.owner }, "metric-values", "team,metric,week,value\npayments,escaped_defects,2026-01-05,x\n", name);
    expect(status).toBe(201);
    const res = await call({ user: users.owner }, "GET", `/api/v1/imports/${id}/rejects`);
    expect(res.status).toBe(200);
    expect(res.headers.get("set-cookie")).toBeNull();
    const header = res.headers.get("content-disposition") ?? "";
    expect(header).toBe(`attachment; filename="Zurich _Q1_Set-Cookie: stolen=1-rejects.csv"; filename*=UTF-8''Z%C3%BCrich%20%22Q1%22Set-Cookie%3A%20stolen%3D1-rejects.csv`);
    expect(await res.text()).toContain("line,column,reason");
  });
});
