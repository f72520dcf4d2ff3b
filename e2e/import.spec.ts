import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The import journey: an admin uploads a 20,000-row CSV of metric values for teams the organisation
 * does not have yet, checks the preview, imports with a progress bar, and finds the numbers on the
 * dashboard of one of the new teams.
 */
const METRICS: [string, (i: number) => number][] = [
  ["escaped_defects", (i) => 3 + (i % 2)],
  ["oncall_pages", (i) => 10 + (i % 3)],
  ["slo_attainment", (i) => 97 + (i % 3) / 2],
  ["test_automation", (i) => 70 + (i % 2)],
  // A headline metric, so the numbers show on the overview's cards.
  ["deployments", (i) => 5 + (i % 2)],
];
const TEAMS = 20;
const WEEKS = 200;

function mondayWeeksAgo(weeks: number): string {
  const now = new Date();
  const day = (now.getUTCDay() + 6) % 7;
  const monday = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - day - 7 * weeks);
  return new Date(monday).toISOString().slice(0, 10);
}

function generatedCsv(): string {
  const lines = ["team,metric,week,value,note"];
  for (let t = 1; t <= TEAMS; t++) {
    for (const [metric, value] of METRICS) {
      for (let w = WEEKS; w >= 1; w--) lines.push(`E2E Import Team ${t},${metric},${mondayWeeksAgo(w)},${value(w)},`);
    }
  }
  return `${lines.join("\r\n")}\r\n`;
}

test("imports a large CSV with a visible progress bar and shows the data on the dashboard", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, "ADMIN");
  await page.goto("/import");
  await page.getByLabel("What the file holds").selectOption("metric-values");
  await expect(page.getByRole("link", { name: "Download the template" })).toHaveAttribute("href", "/api/v1/templates/metric-values");

  await page.getByLabel("Choose a file").setInputFiles({ name: "import-e2e-values.csv", mimeType: "text/csv", buffer: Buffer.from(generatedCsv()) });
  const counts = page.getByTestId("preview-counts");
  await expect(counts).toContainText("20,000 rows", { timeout: 60_000 });
  // The teams are new: the preview lists them until "create unknown" is chosen.
  await expect(page.getByRole("alert").filter({ hasText: 'Unknown team "E2E Import Team 1"' })).toBeVisible();
  await page.getByLabel("Create unknown teams and metrics").check();
  await expect(counts).toHaveText("20,000 rows: 20,000 ready to import.", { timeout: 60_000 });

  await page.getByRole("button", { name: "Import 20,000 rows" }).click();
  const bar = page.getByRole("progressbar", { name: "Import progress" });
  await expect(bar).toBeVisible();
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 180_000 });
  await expect(page.getByTestId("import-summary")).toContainText("Created 20,000, updated 0, unchanged 0, skipped 0.");

  const scopes = await (await page.request.get("/api/v1/scopes")).json();
  const team = scopes.teams.find((t: { name: string }) => t.name === "E2E Import Team 3");
  expect(team).toBeTruthy();
  const overview = await (await page.request.get(`/api/v1/overview?scope=team:${team.id}&range=12w&granularity=week`)).json();
  const deployments = overview.pillars
    .flatMap((p: { series: { metric: { key: string }; points: { value: number | null }[] }[] }) => p.series)
    .find((s: { metric: { key: string } }) => s.metric.key === "deployments");
  expect(deployments.points.filter((p: { value: number | null }) => p.value !== null).length).toBeGreaterThanOrEqual(11);

  await page.getByRole("link", { name: "See the dashboard" }).click();
  await page.goto(`/?scope=team:${team.id}&range=12w&granularity=week`);
  await expect(page.getByTestId("pillar-QUALITY")).toBeVisible();
  await expect(page.getByTestId("pillar-QUALITY").locator("canvas").first()).toBeVisible();

  // The same file again changes nothing.
  const again = await page.request.post("/api/v1/imports?kind=metric-values&fileName=import-e2e-values.csv&run=1", {
    headers: { "Content-Type": "text/csv", Origin: new URL(page.url()).origin },
    data: generatedCsv(),
  });
  expect(again.status()).toBe(201);
  expect((await again.json()).import).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 20_000 });
});

test("imports deployments from a CSV and re-importing the file changes nothing", async ({ page }) => {
  await signIn(page, "ADMIN");
  await page.goto("/import");
  await page.getByLabel("What the file holds").selectOption("deployments");
  await expect(page.getByRole("link", { name: "Download the template" })).toHaveAttribute("href", "/api/v1/templates/deployments");
  const file = [
    "External id,Service,Environment,Status,Finished at,Commit SHA",
    `e2e-d1,e2e-import-api,production,success,${mondayWeeksAgo(1)}T10:00:00Z,sha-e2e-1`,
    `e2e-d2,e2e-import-api,production,failure,${mondayWeeksAgo(1)}T16:30:00Z,sha-e2e-2`,
  ].join("\n");

  await page.getByLabel("Choose a file").setInputFiles({ name: "deployments.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await expect(page.getByTestId("preview-counts")).toHaveText("2 rows: 2 ready to import.");
  await page.getByRole("button", { name: "Import 2 rows" }).click();
  await expect(page.getByTestId("import-summary")).toContainText("Created 2, updated 0, unchanged 0, skipped 0.");

  const again = await page.request.post("/api/v1/imports?kind=deployments&fileName=deployments.csv&run=1", {
    headers: { "Content-Type": "text/csv", Origin: new URL(page.url()).origin },
    data: file,
  });
  expect(again.status()).toBe(201);
  expect((await again.json()).import).toMatchObject({ status: "COMPLETED", created: 0, updated: 0, unchanged: 2 });
});
