import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test.describe("status grid", () => {
  test("a viewer reads every team's headline metrics against target, with trends, withheld cells marked, and narrows to a group", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/");
    await page.getByRole("link", { name: "Status", exact: true }).first().click();
    await expect(page).toHaveURL(/\/status/);
    await expect(page).toHaveTitle("Status · Pillars");
    const grid = page.getByTestId("status-grid");
    await expect(grid).toBeVisible();

    // One row for the organisation, then one per team, each linking to that scope's overview.
    const scopes = (await (await page.request.get("/api/v1/scopes")).json()) as { teams: unknown[]; groups: { id: string; name: string; parentId: string | null }[] };
    await expect(grid.locator("tbody tr")).toHaveCount(scopes.teams.length + 1);
    await expect(grid.getByRole("columnheader", { name: "Deployments" })).toBeVisible();
    // Colours never stand alone: a status cell says its status in words.
    const coloured = grid.locator('td[data-status="green"], td[data-status="amber"], td[data-status="red"]');
    expect(await coloured.count()).toBeGreaterThan(0);
    await expect(coloured.first()).toContainText(/On target|Near target|Off target/);
    // People numbers of small teams are withheld cell by cell, with the reason and no number (for a viewer, how
    // separations were classified too: regretted attrition over a rolling year is not whole calendar months).
    const withheld = grid.locator("td[data-withheld]");
    expect(await withheld.count()).toBeGreaterThan(0);
    await expect(withheld.first()).toHaveText(/Too few people to show|Withheld to protect anonymity|Shown when the period is complete|Too few leavers to show how they are classified/);

    // The API agrees with the page, and a withheld cell carries no number.
    const api = (await (await page.request.get("/api/v1/status-grid?scope=org&granularity=month")).json()) as { rows: { cells: { value: number | null; withheld?: string }[] }[] };
    for (const row of api.rows) for (const cell of row.cells) if (cell.withheld) expect(cell.value).toBeNull();

    const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help}`)).toEqual([]);

    const root = scopes.groups.find((g) => g.parentId === null)!;
    await page.getByLabel("Scope").selectOption(`group:${root.id}`);
    await expect(page).toHaveURL(new RegExp(`scope=group%3A${root.id}`));
    await expect(grid.locator("tbody tr").first()).toContainText(root.name);
    await page.getByLabel("Period").selectOption("week");
    await expect(page).toHaveURL(/granularity=week/);
    await expect(grid.locator("tbody tr").first().locator("td").first()).toContainText(/W\d{2}|—|Too few|Withheld|Shown when/);
  });
});
