import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn, type DemoRole } from "./helpers";

/** Weekly entry journeys: fill and save, validation without losing input, team scope, conflicts, targets and the audit trail. */

interface Team {
  id: string;
  name: string;
  slug: string;
}

async function teamBySlug(page: Page, slug: string): Promise<Team> {
  const scopes = (await (await page.request.get("/api/v1/scopes")).json()) as { teams: Team[] };
  const team = scopes.teams.find((t) => t.slug === slug);
  if (!team) throw new Error(`no team ${slug}`);
  return team;
}

async function session(browser: Browser, role: DemoRole): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, role);
  return page;
}

/** The value inputs of one metric's row, oldest week first (the current week is last). */
const cells = (page: Page, metric: string) => page.getByRole("textbox", { name: new RegExp(`^${metric}, \\d{4}-W\\d{2}$`) });

test.describe("weekly entry", () => {
  test("a manager fills a week, fixes an out-of-range value without losing input, saves, and the team trend moves", async ({ page, browser }) => {
    const admin = await session(browser, "ADMIN");
    const metrics = (await (await admin.request.get("/api/v1/metrics")).json()) as { metrics: { id: string; key: string }[] };
    const defects = metrics.metrics.find((m) => m.key === "escaped_defects");
    if (!defects) throw new Error("no escaped_defects");
    // Show the manual metric on the overview for this journey (restored at the end).
    expect((await admin.request.patch(`/api/v1/metrics/${defects.id}`, { data: { headline: true } })).ok()).toBe(true);
    try {
      await signIn(page, "MANAGER");
      await page.getByRole("link", { name: "My teams" }).click();
      const team = await teamBySlug(page, "billing-payments");
      await expect(page.getByRole("table", { name: `${team.name}: weekly metrics` })).toBeVisible();

      const defectsNow = cells(page, "Escaped defects").last();
      const sloNow = cells(page, "SLO attainment").last();
      // Far enough from last week's value to need a note (more than the 50% threshold), whatever the demo holds.
      const previous = Number((await cells(page, "Escaped defects").nth(-2).inputValue()) || "0");
      const entered = previous > 0 ? previous * 3 + 3 : 37;
      await defectsNow.fill(String(entered));
      await sloNow.fill("150");
      await expect(page.getByText("Must be between 0 and 100 (percent).")).toBeVisible();
      await expect(sloNow).toHaveAttribute("aria-invalid", "true");
      await page.getByRole("button", { name: "Save all" }).click();
      await expect(page.getByRole("status")).toContainText("nothing was saved");
      await expect(defectsNow).toHaveValue(String(entered));

      await sloNow.fill("99.5");
      if (previous > 0) await expect(page.getByText(/add a note explaining why/)).toBeVisible();
      await page.getByRole("button", { name: /note for Escaped defects, \d{4}-W\d{2}$/ }).last().click();
      await page.getByRole("textbox", { name: /^Note for Escaped defects/ }).fill("release with a broken migration");
      await page.getByRole("button", { name: "Save all" }).click();
      await expect(page.getByRole("status")).toContainText("Saved:");

      const series = await (await page.request.get(`/api/v1/metrics/series?metrics=escaped_defects&scope=team:${team.id}&range=12w`)).json();
      // This week is still running: its value is drawn as "so far", not made the headline.
      expect(series.series[0].points.at(-1)).toMatchObject({ value: entered, soFar: true });
      await page.goto(`/?scope=team:${team.id}&range=12w&granularity=week`);
      const card = page.getByTestId("metric-card-escaped_defects");
      await expect(card).toBeVisible();
      await expect(card.getByTestId("so-far")).toContainText(String(entered));
    } finally {
      await admin.request.patch(`/api/v1/metrics/${defects.id}`, { data: { headline: false } });
      await admin.context().close();
    }
  });

  test("a manager cannot save for a team they do not manage: the page does not offer it and the API refuses", async ({ page }) => {
    await signIn(page, "MANAGER");
    const own = await teamBySlug(page, "billing-payments");
    const other = await teamBySlug(page, "core-infrastructure");
    await page.goto(`/my-teams?team=${other.id}`);
    const teams = page.getByRole("navigation", { name: "Teams" });
    await expect(teams.getByRole("link")).toHaveText(["Billing & Payments", "Shipper Portal"]);
    await expect(page.getByRole("table", { name: `${own.name}: weekly metrics` })).toBeVisible();

    const week = (await (await page.request.get(`/api/v1/overview?scope=team:${own.id}&range=12w`)).json()).to as string;
    const response = await page.request.put("/api/v1/metric-values", {
      data: {
        values: [
          { metricKey: "oncall_pages", teamId: own.id, weekStart: week, value: 9999 },
          { metricKey: "oncall_pages", teamId: other.id, weekStart: week, value: 9999 },
        ],
      },
    });
    expect(response.status()).toBe(403);
    // Nothing was written, not even the row for the manager's own team.
    for (const t of [own, other]) {
      const stored = (await (await page.request.get(`/api/v1/metric-values?team=${t.id}&from=${week}&to=${week}`)).json()) as { values: { metricKey: string; value: number }[] };
      expect(stored.values.filter((v) => v.metricKey === "oncall_pages" && v.value === 9999)).toEqual([]);
    }
  });

  test("a conflict is reported when two sessions edit the same cell", async ({ browser }) => {
    const manager = await session(browser, "MANAGER");
    const admin = await session(browser, "ADMIN");
    try {
      const team = await teamBySlug(manager, "shipper-portal");
      await manager.goto(`/my-teams?team=${team.id}`);
      await admin.goto(`/my-teams?team=${team.id}`);
      const mine = cells(manager, "CI success rate").nth(-3);
      const theirs = cells(admin, "CI success rate").nth(-3);
      await expect(mine).not.toHaveValue("");
      const start = Number(await mine.inputValue());
      const managerValue = start > 98 ? start - 1 : start + 1;
      const adminValue = start > 98 ? start - 2 : start + 2;
      await expect(theirs).toHaveValue(String(start));

      await mine.fill(String(managerValue));
      await manager.getByRole("button", { name: "Save all" }).click();
      await expect(manager.getByRole("status")).toContainText("Saved:");

      await theirs.fill(String(adminValue));
      await admin.getByRole("button", { name: "Save all" }).click();
      await expect(admin.getByRole("status")).toContainText("changed by someone else");
      await expect(admin.getByText(`Changed to ${managerValue} by Sam Okafor`)).toBeVisible();
      await expect(theirs).toHaveValue(String(adminValue));

      await admin.getByRole("button", { name: "Keep mine" }).click();
      await admin.getByRole("button", { name: "Save all" }).click();
      await expect(admin.getByRole("status")).toContainText("Saved:");

      await admin.getByRole("button", { name: /^History of CI success rate/ }).nth(-3).click();
      const history = admin.getByRole("dialog", { name: /History of CI success rate/ });
      await expect(history).toContainText(`${managerValue} → ${adminValue}`);
      await expect(history).toContainText(`${start} → ${managerValue}`);
    } finally {
      await manager.context().close();
      await admin.context().close();
    }
  });

  test("a manager sees the target in force and the status of what they just entered, in words, beside the cell", async ({ page, browser }) => {
    const admin = await session(browser, "ADMIN");
    const metrics = (await (await admin.request.get("/api/v1/metrics")).json()) as { metrics: { id: string; key: string }[] };
    const slo = metrics.metrics.find((m) => m.key === "slo_attainment");
    if (!slo) throw new Error("no slo_attainment");
    const team = await teamBySlug(admin, "billing-payments");
    // From this week on, so it is the team's target in force now whatever the demo set before.
    const week = (await (await admin.request.get(`/api/v1/overview?scope=team:${team.id}&range=12w`)).json()).to as string;
    const created = await admin.request.post("/api/v1/targets", {
      data: { metricId: slo.id, scopeType: "TEAM", scopeId: team.id, green: 99.5, amber: 99, effectiveFrom: week },
    });
    expect(created.ok(), await created.text()).toBe(true);
    const targetId = ((await created.json()) as { id: string }).id;
    try {
      await signIn(page, "MANAGER");
      await page.goto(`/my-teams?team=${team.id}`);
      const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /SLO attainment/ }) });
      await expect(row.getByTestId("target-slo_attainment")).toHaveText("Target: Green ≥ 99.5, amber ≥ 99 (team target)");

      const now = cells(page, "SLO attainment").last();
      const cell = row.getByRole("cell").last();
      await now.fill("98.2");
      // Before saving: the status of the value just typed, in words (colour only adds to it).
      await expect(cell.getByText("Off target")).toBeVisible();
      await expect(cell.locator("[data-status]")).toHaveAttribute("data-status", "red");
      await expect(now).toHaveAccessibleDescription(/Off target/);
      await now.fill("99.2");
      await expect(cell.getByText("Near target")).toBeVisible();
      await now.fill("99.8");
      await expect(cell.getByText("On target")).toBeVisible();
      await expect(cell.getByText("Off target")).toHaveCount(0);
    } finally {
      await admin.request.delete(`/api/v1/targets/${targetId}`);
      await admin.context().close();
    }
  });

  test("an admin sets a team target and the dashboard shows its status and target line", async ({ page }) => {
    await signIn(page, "ADMIN");
    const team = await teamBySlug(page, "billing-payments");
    await page.goto("/admin/targets");
    const form = page.getByRole("form", { name: "Set a target" });
    await form.getByLabel("Metric").selectOption({ label: "Deployments" });
    await form.getByLabel("For").selectOption("TEAM");
    await form.getByLabel("Team", { exact: true }).selectOption({ label: team.name });
    // Amber above green is refused for a higher-is-better metric.
    await form.getByLabel(/^Green/).fill("100");
    await form.getByLabel(/^Amber/).fill("200");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(form.getByRole("alert")).toContainText("green must be at or above amber");
    await form.getByLabel(/^Green/).fill("100000");
    await form.getByLabel(/^Amber/).fill("99999");
    await form.getByLabel(/^Effective from/).fill("2020-01-06");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(form.getByRole("status")).toContainText("Target saved for Deployments");
    await expect(page.getByRole("cell", { name: "Team: Billing & Payments" }).first()).toBeVisible();

    await page.goto(`/?scope=team:${team.id}&range=12w&granularity=week`);
    const card = page.getByTestId("metric-card-deployments");
    await expect(card.getByText("Off target")).toBeVisible();
    await expect(card.getByRole("columnheader", { name: "Target" })).toHaveCount(1);
  });

  test("an admin corrects a target in place and deletes one set by mistake", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.goto("/admin/targets");
    const form = page.getByRole("form", { name: "Set a target" });
    await form.getByLabel("Metric").selectOption({ label: "Deployments" });
    await form.getByLabel(/^Green/).fill("77");
    await form.getByLabel(/^Amber/).fill("55");
    await form.getByLabel(/^Effective from/).fill("2021-03-01");
    await form.getByRole("button", { name: "Save target" }).click();
    await expect(form.getByRole("status")).toContainText("Target saved for Deployments");

    const label = "Organisation from 2021-03-01";
    await page.getByRole("button", { name: `Edit the target for ${label}` }).click();
    await page.getByLabel(`Amber for ${label}`).fill("88");
    await page.getByRole("form", { name: `Correct the target for ${label}` }).getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "green must" })).toContainText("green must be at or above amber");
    await page.getByLabel(`Amber for ${label}`).fill("66");
    await page.getByRole("form", { name: `Correct the target for ${label}` }).getByRole("button", { name: "Save" }).click();
    const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: `Edit the target for ${label}` }) });
    await expect(row.getByRole("cell").nth(2)).toHaveText("66");

    await page.getByRole("button", { name: `Delete the target for ${label}` }).click();
    await page.getByRole("group", { name: `Delete the target for ${label}?` }).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByRole("button", { name: `Edit the target for ${label}` })).toHaveCount(0);
    await page.reload();
    await form.getByLabel("Metric").selectOption({ label: "Deployments" });
    await expect(page.getByRole("button", { name: `Edit the target for ${label}` })).toHaveCount(0);
  });

  test("the audit trail shows value and target changes with before and after", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.goto("/admin/audit");
    await page.getByLabel("Entity type").selectOption("MetricValue");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page).toHaveURL(/entityType=MetricValue/);
    const rows = page.getByTestId("audit-row");
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId("audit-row").filter({ hasText: "manager@demo.pillars.dev" }).filter({ hasText: "→" }).first()).toBeVisible();
    await expect(page.getByTestId("audit-row").filter({ hasText: "release with a broken migration" }).first()).toContainText("Escaped defects");

    await page.getByLabel("Entity type").selectOption("Target");
    await page.getByRole("button", { name: "Filter" }).click();
    const targetRow = page.getByTestId("audit-row").filter({ hasText: "green 100000" }).first();
    await expect(targetRow).toContainText("Target for Deployments");
    await expect(targetRow).toContainText("amber 99999");
  });
});
