import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { NAV_ITEMS } from "../components/shell/nav";
import { signIn } from "./helpers";

/** Properties of every page a reader can open from the navigation, found from the navigation itself. */
test.describe("every page", () => {
  test("has no serious accessibility violations and a title of its own", async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, "ADMIN");
    const failures: string[] = [];
    for (const { href, label } of NAV_ITEMS) {
      await page.goto(href);
      await expect(page.locator("main h1").first()).toBeVisible();
      // Let data-driven content (cards, tables) arrive before judging the page.
      await page.waitForLoadState("networkidle");
      const title = await page.title();
      if (title === "Pillars" || !title.endsWith(" · Pillars")) failures.push(`${href}: title "${title}"`);
      const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      for (const v of serious) failures.push(`${label} (${href}): ${v.id} — ${v.help} (${v.nodes.length} element(s))`);
    }
    expect(failures).toEqual([]);
  });

  test("the overview by month heads each card with the last complete month and shows the running one as so far", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/?range=1y&granularity=month");
    const card = page.getByTestId("metric-card-deployments");
    const soFar = card.getByTestId("so-far");
    await expect(soFar).toContainText(/^\w{3} \d{4} so far: /);
    const running = ((await soFar.innerText()).match(/^(\w{3} \d{4}) so far/) ?? [])[1];
    const headline = card.locator("p").first();
    await expect(headline).toContainText(/\w{3} \d{4}/);
    await expect(headline).not.toContainText(running!);
    // The comparison names the month it compares with, never the running one.
    await expect(card.getByText(/vs \w{3} \d{4}/)).toBeVisible();
    await expect(card.getByText(new RegExp(`vs ${running}`))).toHaveCount(0);
  });
});
