import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const PILLARS = ["QUALITY", "ENGAGEMENT", "RETENTION", "SKILLS", "ALIGNMENT"];

test.describe("overview dashboard", () => {
  test("shows every pillar with drawn trend charts from two years of demo data", async ({ page }) => {
    await signIn(page, "LEADER");
    await page.goto("/?range=2y&granularity=month");
    for (const pillar of PILLARS) {
      const section = page.getByTestId(`pillar-${pillar}`);
      await expect(section).toBeVisible();
      await expect(section.locator("canvas").first()).toBeVisible();
    }
    // A drawn chart has non-blank pixels.
    const painted = await page.getByTestId("pillar-QUALITY").locator("canvas").first().evaluate((canvas: HTMLCanvasElement) => {
      const ctx = canvas.getContext("2d");
      if (!ctx) return 0;
      const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    });
    expect(painted).toBeGreaterThan(500);
    const api = await page.request.get("/api/v1/overview?range=2y&granularity=month");
    const body = await api.json();
    expect(body.empty).toBe(false);
    const deployments = body.pillars[0].series.find((s: { metric: { key: string } }) => s.metric.key === "deployments");
    expect(deployments.points.filter((p: { value: number | null }) => p.value !== null).length).toBeGreaterThanOrEqual(23);
  });

  test("range, granularity and scope are shareable in the URL", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/?range=12w&granularity=week");
    const scopes = await (await page.request.get("/api/v1/scopes")).json();
    const team = scopes.teams[0];
    await page.goto(`/?scope=team:${team.id}&range=1y&granularity=quarter`);
    await expect(page.getByTestId("pillar-QUALITY")).toBeVisible();
    const api = await (await page.request.get(`/api/v1/overview?scope=team:${team.id}&range=1y&granularity=quarter`)).json();
    expect(api.scope.name).toBe(team.name);
    expect(api.pillars[0].series[0].points.length).toBeLessThanOrEqual(5);
  });

  test("has no serious accessibility violations", async ({ page }) => {
    await signIn(page, "LEADER");
    await page.goto("/");
    await expect(page.getByTestId("pillar-QUALITY").locator("canvas").first()).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  test("the sign-in page is accessible too", async ({ page }) => {
    await page.goto("/sign-in");
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  });
});
