import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Location, sourcing and origin filters on the overview and the pillar pages. In the demo organisation Kraków
 * is one team, Customer Notifications, of 6 people: with the anonymity threshold raised to 7 its people
 * metrics must be withheld, never shown as numbers.
 */
const KRAKOW = /location=Krak%C3%B3w/;

async function withThreshold(page: Page, threshold: number, body: () => Promise<void>) {
  const { settings } = await (await page.request.get("/api/v1/admin/settings")).json();
  expect((await page.request.put("/api/v1/admin/settings", { data: { ...settings, anonymityThreshold: threshold } })).ok()).toBe(true);
  try {
    await body();
  } finally {
    expect((await page.request.put("/api/v1/admin/settings", { data: settings })).ok()).toBe(true);
  }
}

test.describe("segment filters", () => {
  test("overview: a location filter goes into the URL, changes the cards and withholds a small segment's people metrics", async ({ page }) => {
    test.slow(); // several full overview loads on a cold server
    await signIn(page, "ADMIN");
    await withThreshold(page, 7, async () => {
      await page.goto("/?range=12w");
      const deployments = page.getByTestId("metric-card-deployments");
      const headcount = page.getByTestId("metric-card-headcount");
      await expect(headcount.locator("p").first()).not.toContainText("Too few people");
      const orgDeployments = await deployments.locator("p").first().innerText();

      await page.getByLabel("Location", { exact: true }).selectOption("Kraków");
      await expect(page).toHaveURL(KRAKOW);
      await expect(page.getByTestId("filter-notice")).toContainText("Filtered: Location: Kraków · 1 team");
      await expect(deployments.locator("p").first()).not.toHaveText(orgDeployments);
      await expect(headcount.locator("p").first()).toContainText("Too few people to show");

      // The CSV holds what the cards show: the filtered points, the withheld ones without a number.
      const href = await page.getByRole("link", { name: "Download CSV" }).getAttribute("href");
      expect(href).toMatch(KRAKOW);
      const csv = await (await page.request.get(href as string)).text();
      const headcountRows = csv.split("\r\n").filter((line) => line.includes(",Location: Kraków,headcount,")).map((line) => line.split(","));
      // Columns: scope, filter, metric, period, label, value, withheld, teams, unit, shown.
      expect(headcountRows.filter((cols) => cols[6] === "too-few").length).toBeGreaterThan(0);
      expect(headcountRows.every((cols) => cols[5] === "" && cols[9] === "")).toBe(true);

      // A shared link opens the same filtered view; Clear filters goes back to the whole organisation.
      await page.reload();
      await expect(page.getByLabel("Location", { exact: true })).toHaveValue("Kraków");
      await expect(headcount.locator("p").first()).toContainText("Too few people to show");
      await page.getByRole("button", { name: "Clear filters" }).click();
      await expect(page).not.toHaveURL(/location=/);
      await expect(page.getByTestId("filter-notice")).toHaveCount(0);
      await expect(deployments.locator("p").first()).toHaveText(orgDeployments);
    });
  });

  test("an unknown filter value from a stale link shows an empty state, not an error", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/?location=Atlantis");
    await expect(page.getByTestId("filter-empty")).toContainText("No teams match this filter");
    expect((await page.request.get("/api/v1/overview?sourcing=MOON")).status()).toBe(400);
  });

  test("the Delivery and Retention pages honour the filter", async ({ page }) => {
    await signIn(page, "LEADER");
    await page.goto("/delivery");
    await expect(page.getByRole("heading", { name: /DORA keys/ })).toBeVisible();
    await page.getByLabel("Location", { exact: true }).selectOption("Kraków");
    await expect(page).toHaveURL(KRAKOW);
    await expect(page.getByTestId("filter-notice")).toContainText("Location: Kraków · 1 team");
    const summary = await (await page.request.get("/api/v1/delivery?location=Krak%C3%B3w")).json();
    const org = await (await page.request.get("/api/v1/delivery")).json();
    expect(summary.deployments.count).toBeLessThan(org.deployments.count);
    await expect(page.getByTestId("delivery-value-deployments")).toHaveAttribute("data-value", String(summary.deployments.count));

    await page.goto("/retention?location=Krak%C3%B3w");
    await expect(page.getByTestId("filter-notice")).toContainText("Location: Kraków");
    await expect(page.getByLabel("Show trends for")).toContainText("Filtered: Location: Kraków");
    await page.getByLabel("Period", { exact: true }).selectOption("quarter");
    await expect(page).toHaveURL(/period=quarter&location=Krak%C3%B3w/);
  });
});
