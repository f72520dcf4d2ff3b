import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** The metric catalog: create, edit (recorded and annotated), delete without data, archive with data after confirming. */

test("an admin creates, edits, deletes and archives metrics", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "ADMIN");
  await page.goto("/admin/metrics");
  await expect(page.getByTestId("catalog-deployments")).toContainText("Read-only");

  const create = async (name: string, key: string) => {
    await page.getByRole("button", { name: "New metric" }).click();
    const form = page.getByRole("form", { name: "New metric" });
    await form.getByLabel("Name").fill(name);
    await form.getByLabel("Key").fill(key);
    await form.getByLabel("Unit").selectOption("count");
    await form.getByLabel("Minimum").fill("0");
    await form.getByLabel("Maximum").fill("500");
    await form.getByLabel("Chosen teams").check();
    await form.getByLabel("Billing & Payments").check();
    await form.getByRole("button", { name: "Create metric" }).click();
    await expect(page.getByRole("status")).toContainText(`Created ${name}`);
  };

  await create("Release defects", "release_defects");
  const row = page.getByTestId("catalog-release_defects");
  await expect(row).toContainText("0–500");
  await expect(row).toContainText("1 chosen");

  // A duplicate key is refused beside the form.
  await page.getByRole("button", { name: "New metric" }).click();
  const dup = page.getByRole("form", { name: "New metric" });
  await dup.getByLabel("Name").fill("Again");
  await dup.getByLabel("Key").fill("release_defects");
  await dup.getByRole("button", { name: "Create metric" }).click();
  await expect(dup.getByRole("alert").first()).toContainText("already exists");
  await dup.getByRole("button", { name: "Cancel" }).click();

  await row.getByRole("button", { name: "Edit Release defects" }).click();
  const edit = page.getByRole("form", { name: "Edit Release defects" });
  await expect(edit.getByLabel("Key")).toBeDisabled();
  await edit.getByLabel("Maximum").fill("50");
  await edit.getByRole("button", { name: "Save changes" }).click();
  await expect(row).toContainText("0–50");

  // Without data a metric is deleted outright.
  await row.getByRole("button", { name: "Delete Release defects" }).click();
  await expect(page.getByRole("status")).toContainText("Deleted Release defects");
  await expect(page.getByTestId("catalog-release_defects")).toHaveCount(0);

  // With data it asks first, then archives and keeps the values.
  await create("Hotfixes", "hotfixes_e2e");
  const scopes = (await (await page.request.get("/api/v1/scopes")).json()) as { teams: { id: string; slug: string }[] };
  const team = scopes.teams.find((t) => t.slug === "billing-payments");
  const week = (await (await page.request.get("/api/v1/overview?range=12w")).json()).to as string;
  const put = await page.request.put("/api/v1/metric-values", { data: { values: [{ metricKey: "hotfixes_e2e", teamId: team?.id, weekStart: week, value: 2 }] } });
  expect(put.status()).toBe(200);
  await page.reload();
  const hotfixes = page.getByTestId("catalog-hotfixes_e2e");
  await expect(hotfixes).toContainText("1");
  await hotfixes.getByRole("button", { name: "Delete Hotfixes" }).click();
  const confirm = page.getByRole("alertdialog");
  await expect(confirm).toContainText("has 1 value(s)");
  await confirm.getByRole("button", { name: "Archive Hotfixes" }).click();
  await expect(page.getByRole("status")).toContainText("Archived Hotfixes");
  await expect(hotfixes).toContainText("archived");

  await page.goto("/admin/audit?entityType=MetricDefinition");
  await expect(page.getByTestId("audit-row").filter({ hasText: "Changed maximum of Release defects" })).toContainText("500");
});
