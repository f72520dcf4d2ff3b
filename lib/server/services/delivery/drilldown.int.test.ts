import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getSummary } from "@/app/api/v1/delivery/route";
import { GET as getChanges } from "@/app/api/v1/delivery/changes/route";
import { GET as getDeployments } from "@/app/api/v1/delivery/deployments/route";
import { GET as getIncidents } from "@/app/api/v1/delivery/incidents/route";
import { POST as postDeployments } from "@/app/api/v1/deployments/route";
import { POST as postIncidents } from "@/app/api/v1/incidents/route";
import { POST as postPullRequests } from "@/app/api/v1/pull-requests/route";
import { parseCsvText } from "@/lib/csv/read";
import { csvHeader } from "@/lib/delivery/drilldown";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { waitForJob } from "@/lib/server/jobs/queue";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

// Route handlers read the session through Auth.js, which needs the Next.js runtime; these requests use an API token.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * The delivery drill-downs over real HTTP (presentation.md rule 12): each panel lists exactly the rows its number
 * counts; rows are paged with a total, sorted in a total order, filtered by service and text, and downloaded as CSV.
 * Team Payments owns pay-api (40 deployments, every fifth a failed run, incidents, pull requests) and pay-web (15).
 */
let host: HttpHost;
let token = "";
const PERIOD = "team=payments&from=2026-03-02&to=2026-03-29";

const at = (day: number, hour: number) => new Date(Date.UTC(2026, 2, 2 + day, hour)).toISOString();
const pad = (n: number) => String(n).padStart(2, "0");

async function send(path: string, body: unknown) {
  const response = await fetch(`${host.url}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  expect(response.status, await response.clone().text()).toBe(200);
  // The batch's recompute runs as a background job; the summaries read its values.
  const { job } = (await response.json()) as { job: { id: string } | null };
  if (job) expect(await waitForJob(job.id, 30_000)).toMatchObject({ status: "DONE" });
}

async function get<T = Record<string, unknown>>(path: string): Promise<{ status: number; json: T }> {
  const response = await fetch(`${host.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, json: (await response.json()) as T };
}

interface Page<T> {
  total: number;
  page: number;
  pageSize: number;
  services: string[];
  rows: T[];
}
type Deployment = { externalId: string; service: string; finishedAt: string; causedFailure: boolean; recoveryMinutes: number | null; status: string; kind: string };
type Change = { externalId: string; service: string; title: string | null; leadTime: number | null; countedInLeadTime: boolean };
type Incident = { externalId: string; service: string; restoreMinutes: number | null; openedInPeriod: boolean };

async function rows<T>(kind: "deployments" | "changes" | "incidents", params: string): Promise<Page<T>> {
  const { status, json } = await get<Page<T> & Record<string, T[]>>(`/api/v1/delivery/${kind}?${PERIOD}&${params}`);
  expect(status, JSON.stringify(json)).toBe(200);
  return { ...json, rows: json[kind] };
}

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Berlin" } });
  token = (await createApiToken({ name: "ci", scopes: ["ingest", "read"] })).token;
  host = await serveRoutes({
    "POST /api/v1/deployments": postDeployments,
    "POST /api/v1/pull-requests": postPullRequests,
    "POST /api/v1/incidents": postIncidents,
    "GET /api/v1/delivery": getSummary,
    "GET /api/v1/delivery/deployments": getDeployments,
    "GET /api/v1/delivery/changes": getChanges,
    "GET /api/v1/delivery/incidents": getIncidents,
  });
  const base = { team: "payments", environment: "production" };
  await send("/api/v1/deployments", [
    ...Array.from({ length: 40 }, (_, i) => ({
      ...base, service: "pay-api", externalId: `api-${pad(i + 1)}`, finishedAt: at(Math.floor(i / 2), 9 + (i % 2) * 6),
      status: (i + 1) % 5 === 0 ? "failure" : "success", kind: i === 12 ? "hotfix" : "regular", commitSha: `a${pad(i + 1)}cafe`,
    })),
    ...Array.from({ length: 15 }, (_, i) => ({
      ...base, service: "pay-web", externalId: `web-${pad(i + 1)}`, finishedAt: at(i, 12), status: "success", commitSha: `b${pad(i + 1)}beef`,
    })),
  ]);
  await send("/api/v1/pull-requests", Array.from({ length: 30 }, (_, i) => ({
    externalId: String(100 + i), service: i % 3 === 0 ? "pay-web" : "pay-api", author: `dev${i % 4}`,
    title: i === 4 ? "=HYPERLINK(\"http://evil\",\"x\")" : `Change ${100 + i}`,
    createdAt: at(Math.floor(i / 2), 7), mergedAt: at(Math.floor(i / 2), 8), mergeCommitSha: `m${100 + i}`,
    commits: [{ sha: `c${100 + i}`, authoredAt: at(Math.floor(i / 2), 6) }],
  })));
  await send("/api/v1/incidents", [
    { externalId: "INC-1", service: "pay-api", severity: "sev1", openedAt: at(1, 11), resolvedAt: at(1, 14) },
    { externalId: "INC-2", service: "pay-api", severity: "sev2", openedAt: at(6, 10), resolvedAt: at(7, 10) },
    { externalId: "INC-3", service: "pay-api", severity: "sev3", openedAt: at(12, 10), resolvedAt: at(12, 11) },
    { externalId: "INC-4", service: "pay-api", severity: "sev2", openedAt: at(16, 10) },
  ]);
});

afterAll(async () => {
  await host?.close();
});

describe("delivery drill-downs list exactly the rows each number counts", () => {
  it("matches every number of the summary for the same scope and period", async () => {
    const { json: s } = await get<{
      deployments: { count: number }; leadTime: { count: number }; changeFailureRate: { failed: number; total: number };
      recoveryTime: { count: number }; rework: { rework: number }; timeToRestore: { count: number }; incidents: { opened: number };
    }>(`/api/v1/delivery?${PERIOD}`);
    const total = async (kind: "deployments" | "changes" | "incidents", subset: string) => (await rows(kind, `subset=${subset}&pageSize=1`)).total;

    // The change failure rate's drill-down holds its failures, not every deployment.
    expect(s.changeFailureRate.failed).toBeGreaterThan(0);
    expect(s.changeFailureRate.failed).toBeLessThan(s.changeFailureRate.total);
    expect(await total("deployments", "failed")).toBe(s.changeFailureRate.failed);
    const failed = await rows<Deployment>("deployments", "subset=failed&pageSize=500");
    expect(failed.rows.every((r) => r.causedFailure)).toBe(true);

    expect(await total("deployments", "all")).toBe(s.changeFailureRate.total);
    expect(await total("deployments", "successful")).toBe(s.deployments.count);
    expect(await total("deployments", "recovered")).toBe(s.recoveryTime.count);
    expect(await total("deployments", "rework")).toBe(s.rework.rework);
    expect(await total("changes", "counted")).toBe(s.leadTime.count);
    expect(await total("incidents", "resolved")).toBe(s.timeToRestore.count);
    expect(await total("incidents", "opened")).toBe(s.incidents.opened);
    const recovered = await rows<Deployment>("deployments", "subset=recovered&pageSize=500");
    expect(recovered.rows.every((r) => r.causedFailure && r.recoveryMinutes !== null)).toBe(true);
    const resolved = await rows<Incident>("incidents", "subset=resolved");
    expect(resolved.rows.map((r) => r.externalId).sort()).toEqual(["INC-1", "INC-2", "INC-3"]);
  });
});

describe("paging, sorting and filtering", () => {
  it("pages with a total in a stable order: the pages together are the whole list, each row once", async () => {
    const all = await rows<Deployment>("deployments", "pageSize=500");
    expect(all.total).toBe(55);
    const seen: string[] = [];
    for (let page = 1; page <= 8; page++) {
      const p = await rows<Deployment>("deployments", `page=${page}&pageSize=7`);
      expect(p).toMatchObject({ total: 55, page, pageSize: 7 });
      expect(p.rows.length).toBe(page < 8 ? 7 : 6);
      seen.push(...p.rows.map((r) => `${r.service}/${r.externalId}`));
    }
    expect(seen).toEqual(all.rows.map((r) => `${r.service}/${r.externalId}`));
    expect(new Set(seen).size).toBe(55);
    // Newest first by default; a page past the end is empty but still knows the total.
    const finished = all.rows.map((r) => r.finishedAt);
    expect(finished).toEqual([...finished].sort().reverse());
    expect(await rows("deployments", "page=9&pageSize=7")).toMatchObject({ total: 55, rows: [] });
    expect(all.services).toEqual(["pay-api", "pay-web"]);
  });

  it("sorts by the column asked for, ties in a fixed order across pages, unknown values last", async () => {
    const byService = await rows<Deployment>("deployments", "sort=service&dir=asc&pageSize=500");
    expect(byService.rows.slice(0, 40).every((r) => r.service === "pay-api")).toBe(true);
    const pages = [];
    for (let page = 1; page <= 6; page++) pages.push(...(await rows<Deployment>("deployments", `sort=service&dir=asc&page=${page}&pageSize=10`)).rows);
    expect(pages.map((r) => r.externalId)).toEqual(byService.rows.map((r) => r.externalId));

    const byRecovery = (await rows<Deployment>("deployments", "subset=failed&sort=recovery&dir=asc")).rows.map((r) => r.recoveryMinutes);
    const known = byRecovery.filter((m): m is number => m !== null);
    expect(known).toEqual([...known].sort((a, b) => a - b));
    expect(byRecovery.slice(known.length).every((m) => m === null)).toBe(true);

    const byLeadTime = (await rows<Change>("changes", "subset=counted&sort=lead_time&dir=desc&pageSize=500")).rows.map((r) => r.leadTime as number);
    expect(byLeadTime.length).toBeGreaterThan(1);
    expect(byLeadTime).toEqual([...byLeadTime].sort((a, b) => b - a));
  });

  it("filters by service and by text on ids, commit SHAs and titles", async () => {
    const web = await rows<Deployment>("deployments", "filterService=pay-web");
    expect(web.total).toBe(15);
    expect(web.rows.every((r) => r.service === "pay-web")).toBe(true);
    expect(web.services).toEqual(["pay-api", "pay-web"]);
    expect((await rows<Deployment>("deployments", "q=API-0")).total).toBe(9);
    expect((await rows<Deployment>("deployments", "q=a07caf")).rows.map((r) => r.externalId)).toEqual(["api-07"]);
    expect((await rows<Change>("changes", "q=change%20112")).rows.map((r) => r.externalId)).toEqual(["112"]);
    expect((await rows<Incident>("incidents", "q=inc-4")).rows.map((r) => r.externalId)).toEqual(["INC-4"]);
    expect((await rows<Deployment>("deployments", "filterService=pay-web&q=api")).total).toBe(0);
  });
});

describe("CSV download", () => {
  it("holds every row of the filtered set, whatever the page size, with the table's columns", async () => {
    const response = await fetch(`${host.url}/api/v1/delivery/deployments?${PERIOD}&subset=failed&sort=finished&dir=asc&pageSize=1&format=csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(response.headers.get("content-disposition")).toContain('filename="pillars-deployments-failed-2026-03-02-2026-03-29.csv"');
    const { header, rows: parsed } = parseCsvText(await response.text());
    const body = parsed.map((r) => r.fields);
    expect(header).toEqual(csvHeader("deployments"));
    const json = await rows<Deployment>("deployments", "subset=failed&sort=finished&dir=asc&pageSize=500");
    expect(body.map((r) => r[0])).toEqual(json.rows.map((r) => r.externalId));
    expect(body.every((r) => r[7]?.startsWith("yes"))).toBe(true);
  });

  it("neutralises formulas in cells", async () => {
    const response = await fetch(`${host.url}/api/v1/delivery/changes?${PERIOD}&format=csv&q=hyperlink`, { headers: { authorization: `Bearer ${token}` } });
    const { header, rows: parsed } = parseCsvText(await response.text());
    const body = parsed.map((r) => r.fields);
    expect(header).toEqual(csvHeader("changes"));
    expect(body).toHaveLength(1);
    expect(body[0][1]).toBe(`'=HYPERLINK("http://evil","x")`);
  });
});

describe("validation", () => {
  it.each([
    ["deployments", "pageSize=0", "pageSize"],
    ["deployments", "pageSize=501", "pageSize"],
    ["deployments", "page=two", "page"],
    ["deployments", "sort=lead_time", "sort"],
    ["deployments", "dir=up", "dir"],
    ["changes", "subset=failed", "subset"],
    ["incidents", "format=xlsx", "format"],
    ["incidents", "from=2026-04-01&to=2026-03-01", "from"],
  ])("%s?%s is refused with 400 naming %s", async (kind, params, field) => {
    const { status, json } = await get<{ message: string; issues: { path: string }[] }>(`/api/v1/delivery/${kind}?${params}`);
    expect(status).toBe(400);
    expect(json.issues[0].path).toBe(field);
  });
});
