import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** How numbers read and print (presentation.md rules 4–10): currency, changes, print layout, accessibility. */

test.describe("numbers a VP can present", () => {
  test("money on the overview uses the organisation's currency setting", async ({ page }) => {
    await signIn(page, "ADMIN");
    const before = (await (await page.request.get("/api/v1/admin/settings")).json()).settings as Record<string, unknown>;
    try {
      await page.goto("/admin/settings");
      await page.getByLabel("Currency").fill("GBP");
      await page.getByRole("button", { name: "Save settings" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Settings saved." })).toBeVisible();

      await page.goto("/?range=12w");
      const cost = page.getByTestId("metric-card-engineering_cost");
      await expect(cost).toContainText("£");
      await expect(cost).not.toContainText("$");
      // Thousands are compact from 10,000 on, with at most three significant digits.
      await expect(cost.locator("p").first().locator("span").first()).toHaveText(/£\d{1,3}(\.\d{1,2})?[KMB]/);
    } finally {
      const { updatedAt: _ignored, ...restore } = before;
      expect((await page.request.put("/api/v1/admin/settings", { data: restore })).ok()).toBe(true);
    }
  });

  test("changes of rates read in percentage points, of counts in percent; eNPS is a signed integer", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/?range=12w");
    const rate = page.getByTestId("metric-card-change_failure_rate");
    await expect(rate.locator("[data-change-kind]")).toHaveAttribute("data-change-kind", "pp");
    await expect(rate.locator("[data-change-kind]")).toContainText(/\d pp/);
    const count = page.getByTestId("metric-card-deployments");
    await expect(count.locator("[data-change-kind]")).toHaveAttribute("data-change-kind", /percent|absolute/);
    await expect(page.getByTestId("metric-card-enps").locator("p").first().locator("span").first()).toHaveText(/^([+\u2212]\d{1,3}|0)$/);
  });

  test("the overview prints with charts at the page's width, each card whole, under a header", async ({ page }) => {
    test.setTimeout(120_000);
    await signIn(page, "LEADER");
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto("/?range=6m");
    await expect(page.getByTestId("pillar-ALIGNMENT").locator("canvas").first()).toBeVisible();
    // Let every card mount its chart before switching to print.
    await expect(async () => {
      const cards = await page.locator("[data-testid^='metric-card-']").count();
      expect(await page.locator("[data-testid^='metric-card-'] canvas").count()).toBe(cards);
    }).toPass();

    await page.emulateMedia({ media: "print" });
    await expect(page.locator("[data-print-header]")).toBeVisible();
    await expect(page.locator("[data-print-header]")).toContainText(/Overview/);
    const layout = await page.evaluate(() => {
      const main = document.querySelector("main") as HTMLElement;
      const width = main.getBoundingClientRect().width;
      return [...document.querySelectorAll<HTMLElement>("[data-testid^='metric-card-']")].map((card) => {
        const canvas = card.querySelector("canvas") as HTMLCanvasElement;
        const box = canvas.getBoundingClientRect();
        const inner = card.getBoundingClientRect().width - 2 * parseFloat(getComputedStyle(card).paddingLeft);
        return { id: card.dataset.testid, canvas: box.width, inner, main: width, avoid: getComputedStyle(card).breakInside };
      });
    });
    expect(layout.length).toBeGreaterThan(10);
    for (const card of layout) {
      // The whole chart is on the page (not wider than it) and uses the card's width (not a screen column).
      expect(card.canvas, card.id).toBeLessThanOrEqual(card.main + 1);
      expect(card.canvas, card.id).toBeGreaterThan(card.inner * 0.95);
      expect(card.avoid, card.id).toBe("avoid");
    }
    const pdf = await page.pdf({ format: "A4", printBackground: true, margin: { top: "12mm", bottom: "12mm", left: "12mm", right: "12mm" } });
    const pages = pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? [];
    // Cards one per row, each whole: many pages, never one squeezed page.
    expect(pages.length).toBeGreaterThan(3);
  });

  test("the delivery page explains why its two deployment counts differ", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/delivery");
    const card = page.getByTestId("delivery-card-deployments");
    await expect(card).toContainText("successful production deployments");
    const note = page.getByTestId("deployment-count-note");
    if (await note.count()) await expect(note).toContainText(/counts only the [\d,]+ that succeeded/);
    // Counts have thousands separators.
    const raw = Number(await page.getByTestId("delivery-value-deployments").getAttribute("data-value"));
    if (raw >= 1000) await expect(page.getByTestId("delivery-value-deployments")).toContainText(raw.toLocaleString("en-US"));
  });

  test("an experiment's page has no serious accessibility violations", async ({ page }) => {
    await signIn(page, "ADMIN");
    const { experiments } = (await (await page.request.get("/api/v1/experiments")).json()) as { experiments: { id: string }[] };
    expect(experiments.length).toBeGreaterThan(0);
    await page.goto(`/experiments/${experiments[0].id}`);
    await expect(page.getByTestId("experiment-readout")).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
