import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

/**
 * No 5xx for anything a client can send, over every GET route discovered under app/api (a new route is covered
 * the day it is added): a NUL byte in a query parameter (the database refuses it in text) is a 400 naming the
 * parameter; a path segment that names a property every object inherits (`__proto__`, `constructor`,
 * `toString`) is answered as any unknown name (never a lookup that finds a function where it expected data), one
 * that holds a NUL byte is a 4xx.
 */
let actingAs: SessionUser | null = null;
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => actingAs }));

const ROOT = path.resolve(import.meta.dirname, "../..");
/** Answered outside the route wrapper (Auth.js, the health check), or the whole database (its own test). */
const SKIP = new Set(["/api/v1/admin/backup"]);

function discoverRoutes(): { route: string; wrapped: boolean }[] {
  const out: { route: string; wrapped: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const text = fs.readFileSync(full, "utf8");
        if (!/export const GET\b/.test(text)) continue;
        const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(full)).split(path.sep).join("/");
        if (!route.includes("[...") && !SKIP.has(route)) out.push({ route, wrapped: /withRoute[<(]/.test(text) });
      }
    }
  };
  walk(path.join(ROOT, "app/api"));
  const order = (r: string) => r.replace(/\[/g, "~");
  return out.sort((a, b) => (order(a.route) < order(b.route) ? -1 : 1));
}

const routes = discoverRoutes();
let host: HttpHost;
let token = "";
const admin: SessionUser = { id: "a", email: "a@example.test", name: "A", role: "ADMIN", managedTeamIds: [] };
const viewer: SessionUser = { id: "v", email: "v@example.test", name: "V", role: "VIEWER", managedTeamIds: [] };
const ODD_SEGMENTS = ["__proto__", "constructor", "toString", "hasOwnProperty", "a%00b"];
const QUERY_NAMES = ["scope", "team", "teamId", "metrics", "metric", "week", "range", "granularity", "from", "to", "format", "kind", "q"];

beforeAll(async () => {
  const handlers: Record<string, Parameters<typeof serveRoutes>[0][string]> = {};
  for (const { route } of routes) handlers[`GET ${route}`] = ((await import(`@/app${route}/route`)) as { GET: Parameters<typeof serveRoutes>[0][string] }).GET;
  host = await serveRoutes(handlers);
  const group = await db.group.create({ data: { name: "Engineering", slug: "engineering" } });
  await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
  token = (await createApiToken({ name: "reader", scopes: ["read"] })).token;
});

afterAll(async () => {
  await host?.close();
});

const callers: { name: string; user: SessionUser | null; bearer: boolean }[] = [
  { name: "admin", user: admin, bearer: false },
  { name: "viewer", user: viewer, bearer: false },
  { name: "read token", user: null, bearer: true },
];

async function get(url: string, caller: (typeof callers)[number]) {
  actingAs = caller.user;
  const res = await fetch(`${host.url}${url}`, { headers: caller.bearer ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.text() };
}

const fill = (route: string, value: string) => route.replace(/\[\w+\]/g, value);

describe("every GET route answers what a client can send without a 5xx", () => {
  it("discovers the app's GET routes", () => {
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.map((r) => r.route)).toContain("/api/v1/exports/[table]");
  });

  it("refuses a NUL byte in any query parameter with a 400 naming it", async () => {
    const failures: string[] = [];
    for (const caller of callers) {
      for (const { route, wrapped } of routes) {
        for (const name of QUERY_NAMES) {
          const url = `${fill(route, "x")}?${name}=a%00b`;
          const { status, body } = await get(url, caller);
          if (status >= 500) failures.push(`${caller.name} GET ${url}: ${status}`);
          else if (wrapped && status !== 400 && status !== 401 && status !== 403) failures.push(`${caller.name} GET ${url}: ${status}, not 400`);
          else if (wrapped && status === 400 && !body.includes(name)) failures.push(`${caller.name} GET ${url}: the message does not name "${name}": ${body}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("answers path segments named after inherited properties, or holding a NUL byte, without a 5xx or an inherited value", async () => {
    const failures: string[] = [];
    for (const caller of callers) {
      for (const { route } of routes.filter((r) => r.route.includes("["))) {
        for (const segment of ODD_SEGMENTS) {
          const url = fill(route, segment);
          const { status, body } = await get(url, caller);
          if (status >= 500) failures.push(`${caller.name} GET ${url}: ${status}`);
          // A lookup by name that found an inherited function instead of data shows its source.
          if (/native code|\bfunction\b|\[object Object\]/.test(body)) failures.push(`${caller.name} GET ${url}: ${body.slice(0, 200)}`);
          if (segment.includes("%00") && status !== 400 && status !== 401 && status !== 403 && status !== 404) failures.push(`${caller.name} GET ${url}: ${status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it("marks every answer of an authenticated route, errors included, Cache-Control: no-store", async () => {
    const missing: string[] = [];
    for (const caller of callers) {
      for (const { route } of routes.filter((r) => r.wrapped)) {
        actingAs = caller.user;
        const res = await fetch(`${host.url}${fill(route, "x")}`, { headers: caller.bearer ? { authorization: `Bearer ${token}` } : {} });
        await res.arrayBuffer();
        if (!/\bno-store\b/.test(res.headers.get("cache-control") ?? "")) missing.push(`${caller.name} GET ${route}: ${res.status} ${res.headers.get("cache-control")}`);
      }
    }
    expect(missing).toEqual([]);
  }, 600_000);
});
