import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The delivery journey: an admin creates API tokens, a CI pipeline sends events through the ingestion
 * API over real HTTP, and the Delivery page and its drill-down show the same numbers as the API.
 * Write endpoints refuse a missing, revoked or read-only token.
 */
const SERVICE = "e2e/checkout";
const TEAM = "core-infrastructure";
const FROM = "2025-03-03";
const TO = "2025-03-16";

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

async function send(request: APIRequestContext, token: string, path: string, data: unknown) {
  const response = await request.post(path, { headers: bearer(token), data });
  expect(response.status(), await response.text()).toBe(200);
}

test("events sent through the API show on the Delivery page and its drill-down, matching the API", async ({ page, request }) => {
  await signIn(page, "ADMIN");
  const create = async (name: string, scopes: string[]) => {
    const response = await page.request.post("/api/v1/admin/tokens", { data: { name, scopes, expiresOn: null } });
    expect(response.ok(), await response.text()).toBe(true);
    return (await response.json()) as { token: string; row: { id: string } };
  };
  const ci = await create("e2e pipeline", ["ingest", "read"]);
  const readOnly = await create("e2e dashboards", ["read"]);
  const revoked = await create("e2e old", ["ingest"]);
  expect((await page.request.delete(`/api/v1/admin/tokens/${revoked.row.id}`)).ok()).toBe(true);

  // Refused writes: no token, a revoked token, a token without the ingest scope.
  const deployment = { externalId: "r1", service: SERVICE, team: TEAM, environment: "production", status: "success", finishedAt: "2025-03-03T10:00:00Z", commitSha: "r1" };
  expect((await request.post("/api/v1/deployments", { data: deployment })).status()).toBe(401);
  expect((await request.post("/api/v1/deployments", { headers: bearer(revoked.token), data: deployment })).status()).toBe(401);
  expect((await request.post("/api/v1/deployments", { headers: bearer(readOnly.token), data: deployment })).status()).toBe(403);

  // A batch with one bad item is refused with its index and field, and stores nothing.
  const bad = await request.post("/api/v1/deployments", { headers: bearer(ci.token), data: [deployment, { ...deployment, externalId: "r2", status: "maybe" }] });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).issues[0].path).toBe("1.status");

  const at = (day: string, time: string) => `${day}T${time}:00Z`;
  await send(request, ci.token, "/api/v1/deployments", [
    { ...deployment, externalId: "d1", finishedAt: at("2025-03-03", "10:00"), commitSha: "s1" },
    { ...deployment, externalId: "d2", finishedAt: at("2025-03-05", "10:00"), commitSha: "s2" },
    { ...deployment, externalId: "d3", finishedAt: at("2025-03-11", "10:00"), commitSha: "s3", status: "failure" },
    { ...deployment, externalId: "d4", finishedAt: at("2025-03-12", "10:00"), commitSha: "s4", kind: "hotfix" },
  ]);
  await send(request, ci.token, "/api/v1/pull-requests", [
    { externalId: "101", service: SERVICE, author: "ann", createdAt: at("2025-03-03", "14:00"), mergedAt: at("2025-03-04", "10:00"), mergeCommitSha: "m101",
      commits: [{ sha: "c1", authoredAt: at("2025-03-03", "12:00") }], reviews: [{ author: "bob", submittedAt: at("2025-03-04", "09:00") }] },
    { externalId: "102", service: SERVICE, author: "cat", createdAt: at("2025-03-06", "09:00"), mergedAt: at("2025-03-10", "09:00"), mergeCommitSha: "m102",
      commits: [{ sha: "c2", authoredAt: at("2025-03-05", "09:00") }], reviews: [{ author: "ann", submittedAt: at("2025-03-07", "09:00") }] },
  ]);
  await send(request, ci.token, "/api/v1/incidents", { externalId: "INC-1", service: SERVICE, severity: "sev2", openedAt: at("2025-03-05", "12:00"), resolvedAt: at("2025-03-05", "13:30") });

  const api = await request.get(`/api/v1/delivery?service=${encodeURIComponent(SERVICE)}&from=${FROM}&to=${TO}`, { headers: bearer(readOnly.token) });
  expect(api.ok()).toBe(true);
  const summary = await api.json();
  // Hand-checked: three successful deployments (d3 failed). PR 101 ships with d2: coding 120 + open→merge
  // 1,200 + deploy 1,440 = 2,760 min; PR 102 with the hotfix d4: 1,440 + 5,760 + 2,940 = 10,140 min.
  expect(summary.deployments.count).toBe(3);
  expect(summary.leadTime).toMatchObject({ count: 2, median: 6450 });
  // d2 (the incident links to it; the hotfix remediates it) and d3 (failed) of four production deployments.
  expect(summary.changeFailureRate).toMatchObject({ failed: 2, total: 4 });
  // d2: 210 min to the incident's resolution; d3: 1,440 min to the hotfix.
  expect(summary.recoveryTime).toMatchObject({ count: 2, median: 825 });

  await page.goto(`/delivery?scope=${encodeURIComponent(`service:${SERVICE}`)}&from=${FROM}&to=${TO}`);
  await expect(page.getByRole("heading", { name: /DORA keys/ })).toBeVisible();
  const value = (id: string) => page.getByTestId(`delivery-value-${id}`);
  await expect(value("deployments")).toHaveAttribute("data-value", String(summary.deployments.count));
  await expect(value("lead-time")).toHaveAttribute("data-value", String(summary.leadTime.median));
  await expect(value("lead-time")).toHaveText("4.5 days");
  await expect(value("change-failure-rate")).toHaveAttribute("data-value", String(summary.changeFailureRate.rate));
  await expect(value("change-failure-rate")).toHaveText("50.0%");
  await expect(value("recovery-time")).toHaveAttribute("data-value", String(summary.recoveryTime.median));
  await expect(value("incidents")).toHaveAttribute("data-value", String(summary.incidents.opened));
  await expect(page.getByTestId("dora-note")).toContainText("2025");

  // Drill down: the failed deployments behind the change failure rate (only those), the changes behind the lead time.
  await page.getByTestId("delivery-card-change-failure-rate").getByRole("button", { name: /rows behind/ }).click();
  const deployments = page.getByTestId("drilldown-deployments").locator("tbody tr");
  await expect(deployments).toHaveCount(summary.changeFailureRate.failed);
  await expect(page.getByTestId("drilldown-deployments").locator('tbody tr[data-failed="true"]')).toHaveCount(summary.changeFailureRate.failed);
  // Widening to every production deployment run shows the rate's denominator.
  await page.getByRole("region", { name: /Production deployments/ }).getByLabel("Rows", { exact: true }).selectOption("all");
  await expect(deployments).toHaveCount(summary.changeFailureRate.total);
  // By its id cell: a row's text runs its cells together ("failed" + "24 h"), so a substring would match others.
  await expect(deployments.filter({ has: page.getByRole("cell", { name: "d2", exact: true }) })).toContainText("INC-1");

  await page.getByTestId("delivery-card-lead-time").getByRole("button", { name: /rows behind/ }).click();
  const changes = page.getByTestId("drilldown-changes").locator('tbody tr[data-counted="true"]');
  await expect(changes).toHaveCount(summary.leadTime.count);
  await expect(changes.filter({ hasText: "#101" })).toContainText("46 h");
  await expect(changes.filter({ hasText: "#101" })).toContainText("d2");

  // A change opens on its own page: the same breakdown, the deployment that shipped it, its commits and reviews.
  await changes.filter({ hasText: "#101" }).getByRole("link", { name: /Change #101/ }).click();
  await expect(page).toHaveURL(/\/delivery\/change\?service=.+&pr=101$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("#101");
  await expect(page.getByTestId("change-lead-time")).toHaveText("46 h");
  await expect(page.getByTestId("change-stage-coding")).toContainText("2 h");
  await expect(page.getByTestId("change-stage-pickup")).toContainText("19 h");
  await expect(page.getByTestId("change-stage-review")).toContainText("60 min");
  await expect(page.getByTestId("change-stage-deploy")).toContainText("24 h");
  await expect(page.getByTestId("change-deployment")).toContainText("d2");
  await expect(page.getByTestId("change-commits")).toContainText("c1");
  await expect(page.getByTestId("change-reviews")).toContainText("bob");
  await page.getByText("How is this computed?").click();
  await expect(page.getByText(/from its first commit to the finish of the first successful production deployment/)).toBeVisible();
  await expect(page).toHaveTitle("Change · Pillars");
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => v.id)).toEqual([]);
  await page.goBack();

  await page.getByTestId("delivery-card-incidents").getByRole("button", { name: /rows behind/ }).click();
  await expect(page.getByTestId("drilldown-incidents").locator("tbody tr")).toContainText(["d2"]);
});

test("a drill-down over the demo pages, sorts and filters the rows its number counts, and downloads them all as CSV", async ({ page }) => {
  await signIn(page, "ADMIN");
  const summary = await (await page.request.get("/api/v1/delivery")).json();
  expect(summary.deployments.count).toBeGreaterThan(50);
  await page.goto(`/delivery?scope=org&from=${summary.from}&to=${summary.to}`);
  await expect(page.getByTestId("delivery-value-deployments")).toHaveAttribute("data-value", String(summary.deployments.count));

  // The panel opens in view with the keyboard on its heading.
  await page.getByTestId("delivery-card-deployments").getByRole("button", { name: /rows behind/ }).click();
  const panel = page.getByRole("region", { name: /Production deployments/ });
  await expect(panel.getByRole("heading", { name: /Production deployments/ })).toBeFocused();
  await expect(panel.getByRole("heading", { name: /Production deployments/ })).toBeInViewport();
  const count = panel.getByTestId("drilldown-deployments-count");
  const rows = panel.getByTestId("drilldown-deployments").locator("tbody tr");
  await expect(count).toHaveAttribute("data-total", String(summary.deployments.count));
  await expect(count).toContainText("Rows 1–50 of");
  await expect(rows).toHaveCount(50);
  const firstOfPage1 = await rows.first().getByRole("cell").first().textContent();
  await panel.getByRole("button", { name: "Next page" }).click();
  await expect(count).toContainText("Rows 51–100 of");
  await expect(rows.first().getByRole("cell").first()).not.toHaveText(firstOfPage1 ?? "");

  // Sorting by a column says so; a second click reverses it and goes back to the first page.
  const serviceHeader = panel.getByRole("columnheader", { name: /Service/ });
  await serviceHeader.getByRole("button").click();
  await expect(serviceHeader).toHaveAttribute("aria-sort", "descending");
  await serviceHeader.getByRole("button").click();
  await expect(serviceHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(count).toContainText("Rows 1–50 of");

  // The change failure rate opens on its failures only; a service filter narrows them.
  await page.getByTestId("delivery-card-change-failure-rate").getByRole("button", { name: /rows behind/ }).click();
  await expect(count).toHaveAttribute("data-total", String(summary.changeFailureRate.failed));
  await expect(panel.getByTestId("drilldown-deployments").locator('tbody tr[data-failed="false"]')).toHaveCount(0);
  const service = panel.getByLabel("Service", { exact: true });
  const names = (await service.locator("option").allTextContents()).filter((n) => n !== "All services");
  await service.selectOption(names[0]);
  // Every row shown is of that service (waits for the filtered page to replace the previous one).
  await expect(rows.filter({ hasNot: page.getByRole("cell", { name: names[0], exact: true }) })).toHaveCount(0);
  await expect(rows.first()).toBeVisible();
  const filtered = Number(await count.getAttribute("data-total"));
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThanOrEqual(summary.changeFailureRate.failed);

  // The CSV holds the whole filtered set, with the table's columns.
  const download = page.waitForEvent("download");
  await panel.getByRole("link", { name: /Download CSV/ }).click();
  const file = await download;
  const text = await readFile(await file.path(), "utf8");
  const lines = text.replace(/^\uFEFF/, "").trim().split("\r\n");
  expect(lines[0]).toBe("Deployment,Service,Finished (UTC),Commit,Status,Kind,Changes shipped,Caused a failure,Recovery (minutes),Incidents");
  expect(lines.length - 1).toBe(filtered);
  expect(lines.slice(1).every((line) => line.split(",")[1] === names[0])).toBe(true);
});
