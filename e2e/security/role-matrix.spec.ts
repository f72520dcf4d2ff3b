import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { concretePath, discoverAppEntries, WRITE_METHODS } from "../../lib/security/routes";
import { demoAccount, signIn, type DemoRole } from "../helpers";
import { FOREIGN_IMPORT, NOT_SESSION_ROUTES, ROLE_ORDER, WRITE_MATRIX, type Verdict } from "./role-matrix.data";

/**
 * Every write route handler × every role, against the expectations written down in role-matrix.data.ts; then
 * a manager forging another team's id in a body or a path is refused and nothing is written.
 */
const writeRoutes = discoverAppEntries()
  .filter((e) => e.kind === "route" && !NOT_SESSION_ROUTES.includes(e.pattern))
  .flatMap((e) => e.methods.filter((m): m is (typeof WRITE_METHODS)[number] => (WRITE_METHODS as readonly string[]).includes(m)).map((m) => `${m} ${e.pattern}`));

interface Session {
  page: Page;
  api: APIRequestContext;
  origin: string;
  close: () => Promise<void>;
}

async function sessionFor(browser: Browser, baseURL: string | undefined, role: DemoRole): Promise<Session> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signIn(page, role);
  return { page, api: context.request, origin: new URL(page.url()).origin, close: () => context.close() };
}

async function send(s: Session, method: string, url: string, body: unknown = {}) {
  const response = await s.api.fetch(url, {
    method,
    failOnStatusCode: false,
    maxRedirects: 0,
    headers: { origin: s.origin, "content-type": "application/json" },
    data: JSON.stringify(body),
  });
  return { status: response.status(), text: await response.text() };
}

function verdictHolds(verdict: Verdict, status: number): boolean {
  if (status >= 500 || status === 401) return false;
  if (verdict === "deny") return status === 403;
  if (verdict === "allow") return status !== 403;
  return true;
}

test.describe("role matrix", () => {
  test("every write route handler is in the matrix, and the matrix has no stale rows", () => {
    const missing = writeRoutes.filter((key) => !(key in WRITE_MATRIX));
    expect(missing, "new write routes: add them to e2e/security/role-matrix.data.ts with the expected verdict per role").toEqual([]);
    expect(Object.keys(WRITE_MATRIX).filter((key) => !writeRoutes.includes(key))).toEqual([]);
  });

  for (const [index, role] of ROLE_ORDER.entries()) {
    test(`${role}: each write route answers as the matrix says`, async ({ browser, baseURL }) => {
      test.setTimeout(180_000);
      const s = await sessionFor(browser, baseURL, role);
      const wrong: string[] = [];
      for (const key of writeRoutes) {
        const [method, pattern] = key.split(" ") as [string, string];
        const verdict = WRITE_MATRIX[key]?.[index];
        if (!verdict) continue;
        const { status, text } = await send(s, method, concretePath(pattern));
        if (!verdictHolds(verdict, status)) wrong.push(`${key}: expected ${verdict}, got ${status} ${text.slice(0, 100)}`);
      }
      await s.close();
      expect(wrong).toEqual([]);
    });
  }
});

test.describe("someone else's import", () => {
  test("only its uploader (here an admin) sees or acts on it; it stays staged", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const admin = await sessionFor(browser, baseURL, "ADMIN");
    const upload = await admin.api.fetch("/api/v1/imports?kind=groups&fileName=staged-groups.csv", {
      method: "POST", failOnStatusCode: false, headers: { origin: admin.origin, "content-type": "text/csv" }, data: "name,slug\nStaged Group,staged-group\n",
    });
    expect(upload.status()).toBe(201);
    const id = ((await upload.json()) as { preview: { importId: string } }).preview.importId;
    const wrong: string[] = [];
    for (const [index, role] of ROLE_ORDER.entries()) {
      const s = role === "ADMIN" ? admin : await sessionFor(browser, baseURL, role);
      for (const [key, answers] of Object.entries(FOREIGN_IMPORT)) {
        const expected = answers[index];
        if (expected === null || expected === undefined) continue;
        const [method, pattern] = key.split(" ") as [string, string];
        const url = pattern.replace("[id]", id);
        const status = method === "GET" ? (await s.api.get(url, { failOnStatusCode: false })).status() : (await send(s, method, url, method === "POST" && key.endsWith("/run") ? { wait: true } : {})).status;
        if (status !== expected) wrong.push(`${role} ${method} ${url}: expected ${expected}, got ${status}`);
      }
      if (s !== admin) await s.close();
    }
    const state = (await (await admin.api.get(`/api/v1/imports/${id}`)).json()) as { import: { status: string } };
    await admin.close();
    expect(wrong).toEqual([]);
    expect(state.import.status).toBe("UPLOADED");
  });
});

test.describe("a manager forging another team's id", () => {
  interface Team {
    id: string;
    slug: string;
  }
  let teams: { own: Team; other: Team };
  let admin: Session;
  let manager: Session;

  const auditTotal = async () => (await (await admin.api.get("/api/v1/audit?pageSize=1")).json()).total as number;

  test.beforeAll(async ({ browser, baseURL }) => {
    admin = await sessionFor(browser, baseURL, "ADMIN");
    manager = await sessionFor(browser, baseURL, "MANAGER");
    const all = ((await (await admin.api.get("/api/v1/scopes")).json()).teams as Team[]);
    const managed = demoAccount("MANAGER").teams;
    teams = { own: all.find((t) => t.slug === managed[0])!, other: all.find((t) => !managed.includes(t.slug))! };
    expect(teams.own && teams.other).toBeTruthy();
  });

  test.afterAll(async () => {
    await admin?.close();
    await manager?.close();
  });

  /** A past Monday, well inside the demo data's range. */
  const WEEK = "2025-01-06";
  // Allocation may only be entered for weeks without work-item data: the demo's history starts in late 2024.
  const QUIET_WEEK = "2023-01-02";

  const probes: { name: string; forged: () => Promise<{ status: number }>; own?: () => Promise<{ status: number }>; read: () => Promise<string> }[] = [
    {
      name: "metric value with the team id in the body",
      forged: () => send(manager, "PUT", "/api/v1/metric-values", { values: [{ metricKey: "slo_attainment", teamId: teams.other.id, weekStart: WEEK, value: 98.7 }] }),
      own: () => send(manager, "PUT", "/api/v1/metric-values", { values: [{ metricKey: "slo_attainment", teamId: teams.own.id, weekStart: WEEK, value: 98.7 }] }),
      read: async () => (await admin.api.get(`/api/v1/metric-values?team=${teams.other.id}&from=${WEEK}&to=${WEEK}`)).text(),
    },
    {
      name: "a mixed batch: one own-team value and one forged value",
      forged: () =>
        send(manager, "PUT", "/api/v1/metric-values", {
          values: [
            { metricKey: "slo_attainment", teamId: teams.own.id, weekStart: "2025-01-13", value: 55.5 },
            { metricKey: "slo_attainment", teamId: teams.other.id, weekStart: "2025-01-13", value: 55.5 },
          ],
        }),
      read: async () => {
        const other = await (await admin.api.get(`/api/v1/metric-values?team=${teams.other.id}&from=2025-01-13&to=2025-01-13`)).text();
        const own = await (await admin.api.get(`/api/v1/metric-values?team=${teams.own.id}&from=2025-01-13&to=2025-01-13`)).text();
        return other + own;
      },
    },
    {
      name: "skill needs with the team id in the path",
      forged: () => send(manager, "PUT", `/api/v1/skills/teams/${teams.other.id}/needs`, { skillIds: [] }),
      own: () => send(manager, "PUT", `/api/v1/skills/teams/${teams.own.id}/needs`, { skillIds: [] }),
      read: async () => (await admin.api.get(`/api/v1/skills/teams/${teams.other.id}`)).text(),
    },
    {
      name: "investment allocation with the team slug in the body",
      forged: () => send(manager, "PUT", "/api/v1/allocation", { team: teams.other.slug, fromWeek: QUIET_WEEK, toWeek: QUIET_WEEK, newCapability: 50, ktlo: 30, techDebt: 20 }),
      own: () => send(manager, "PUT", "/api/v1/allocation", { team: teams.own.slug, fromWeek: QUIET_WEEK, toWeek: QUIET_WEEK, newCapability: 50, ktlo: 30, techDebt: 20 }),
      read: async () => (await admin.api.get(`/api/v1/allocation?team=${teams.other.slug}&from=${QUIET_WEEK}&to=${QUIET_WEEK}`)).text(),
    },
    {
      name: "a learning budget for another team",
      forged: () => send(manager, "PUT", "/api/v1/learning/budgets", { teamId: teams.other.id, year: 2025, amount: 123456 }),
      own: () => send(manager, "PUT", "/api/v1/learning/budgets", { teamId: teams.own.id, year: 2025, amount: 1000 }),
      read: async () => (await admin.api.get("/api/v1/learning/report?year=2025")).text(),
    },
    {
      name: "an experiment listing another team",
      forged: () =>
        send(manager, "POST", "/api/v1/experiments", {
          title: "Forged", hypothesis: "h", owner: "o", teamIds: [teams.other.id], startDate: WEEK, expectations: [{ metricKey: "deployments", direction: "up" }],
        }),
      read: async () => (await admin.api.get("/api/v1/experiments")).text(),
    },
    {
      name: "an import run with another team's rows (the team in the query of the upload)",
      forged: async () => {
        const csv = `team,metric,week,value\n${teams.other.slug},slo_attainment,${WEEK},43.21\n`;
        const response = await manager.api.fetch("/api/v1/imports?kind=metric-values&run=1&fileName=forged.csv", {
          method: "POST", failOnStatusCode: false, headers: { origin: manager.origin, "content-type": "text/csv" }, data: csv,
        });
        return { status: response.status() };
      },
      read: async () => (await admin.api.get(`/api/v1/metric-values?team=${teams.other.id}&from=${WEEK}&to=${WEEK}`)).text(),
    },
  ];

  for (const probe of probes) {
    test(`${probe.name}: refused and nothing written`, async () => {
      const before = { audit: await auditTotal(), data: await probe.read() };
      const forged = await probe.forged();
      expect([403, 422], "the forged request is refused for its team, not for a malformed body").toContain(forged.status);
      expect(await auditTotal(), "audit entries written").toBe(before.audit);
      expect(await probe.read(), "data changed").toBe(before.data);
      if (probe.own) expect((await probe.own()).status, "the same request for the manager's own team").toBeLessThan(300);
    });
  }
});
