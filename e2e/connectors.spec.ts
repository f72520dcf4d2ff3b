import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { startFakeGithub } from "../lib/testing/fake-github";
import { shopRepo } from "../lib/testing/github-scenario";
import { signIn } from "./helpers";

/**
 * Admin → Connectors as an admin meets it: adding a GitHub connector (a bad repository name is named beside its
 * field), seeing it listed, syncing it now against an API nobody answers and reading why the sync failed, pausing,
 * editing (the token kept), and deleting it. The API URL is a port of this run's own range where nothing
 * listens, so no sync ever leaves the machine.
 */
const CLOSED_API = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 19}`;
const TOKEN = "ghp_e2e-connector-token-never-shown-0123";

async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

test("an admin adds a GitHub connector, syncs it, sees why the sync failed, edits, pauses and deletes it", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "ADMIN");
  await page.goto("/admin");
  await page.getByRole("link", { name: /^Connectors/ }).click();
  await expect(page.getByRole("heading", { name: "Connectors", level: 1 })).toBeVisible();
  await expect(page.getByText("No connectors yet.")).toBeVisible();

  await page.getByRole("button", { name: "Add connector" }).click();
  const form = page.getByRole("form", { name: "Add connector" });
  await expect(form.getByLabel("Provider")).toHaveValue("github");
  await expect(form.getByLabel("API URL")).toHaveAttribute("placeholder", "https://api.github.com");
  await form.getByLabel("Name").fill("E2E GitHub");
  await form.getByLabel("Repositories (required)").fill("acme/payments-api\nnot a repository");
  await form.getByLabel("API URL").fill(CLOSED_API);
  await form.getByLabel("Token").fill(TOKEN);
  await form.getByLabel("Default team").selectOption({ label: "Core Infrastructure" });
  await form.getByLabel("Backfill days").fill("30");
  expect(await seriousViolations(page)).toEqual([]);

  await form.getByRole("button", { name: "Add connector" }).click();
  const repos = form.getByLabel("Repositories (required)");
  await expect(repos).toHaveAttribute("aria-invalid", "true");
  await expect(form.getByRole("alert").filter({ hasText: "each must be owner/repo" })).toBeVisible();

  await repos.fill("acme/payments-api");
  await form.getByRole("button", { name: "Add connector" }).click();
  await expect(form).toHaveCount(0);
  const row = page.getByRole("row", { name: /E2E GitHub/ });
  await expect(row).toContainText("GitHub");
  await expect(row).toContainText(CLOSED_API);
  await expect(row).toContainText("Repositories: acme/payments-api · Production environments: production");
  await expect(row).toContainText("New services go to Core Infrastructure.");
  await expect(row).toContainText("Every 60 min");
  await expect(row).toContainText("First sync: last 30 days");

  // Sync now: the backfill queued on adding and this one are one sync; nothing answers, so it fails, and says why.
  await row.getByRole("button", { name: "Sync E2E GitHub now" }).click();
  const dialog = page.getByRole("dialog", { name: "Sync “E2E GitHub” now" });
  await dialog.getByLabel("Read history since (optional)").fill("2026-01-01");
  await dialog.getByRole("button", { name: "Start sync" }).click();
  await expect(dialog).toHaveCount(0);
  const error = row.getByTestId("sync-error").first();
  await expect(error).toContainText(/failed/, { timeout: 60_000 });
  expect((await error.innerText()).replace(/^.*failed(, retrying)?: /, "").length).toBeGreaterThan(10);
  expect(await seriousViolations(page)).toEqual([]);

  await row.getByRole("button", { name: "Pause E2E GitHub" }).click();
  await expect(row).toContainText("Paused");
  await row.getByRole("button", { name: "Resume E2E GitHub" }).click();
  await expect(row).toContainText(/Next /);

  await row.getByRole("button", { name: "Edit E2E GitHub" }).click();
  const edit = page.getByRole("form", { name: "Edit connector “E2E GitHub”" });
  await expect(edit.getByLabel("Token")).toHaveValue("");
  await expect(edit.getByLabel("Repositories (required)")).toHaveValue("acme/payments-api");
  await edit.getByLabel("Sync every (minutes)").fill("3");
  await edit.getByRole("button", { name: "Save connector" }).click();
  await expect(edit.getByRole("alert").filter({ hasText: "at least 5 minutes" })).toBeVisible();
  await edit.getByLabel("Sync every (minutes)").fill("30");
  await edit.getByRole("button", { name: "Save connector" }).click();
  await expect(edit).toHaveCount(0);
  await expect(row).toContainText("Every 30 min");

  // The token went in and never comes back: not in the page, not in the API's answer.
  expect(await page.content()).not.toContain(TOKEN);
  expect(await (await page.request.get("/api/v1/admin/connectors")).text()).not.toContain(TOKEN);

  await row.getByRole("button", { name: "Delete E2E GitHub" }).click();
  const confirm = page.getByRole("alertdialog", { name: "Delete connector “E2E GitHub”?" });
  await confirm.getByRole("button", { name: "Delete connector" }).click();
  await expect(page.getByRole("row", { name: /E2E GitHub/ })).toHaveCount(0);
  await expect(page.getByText("No connectors yet.")).toBeVisible();
});

test("an admin connects a GitHub repository and sees its history read, with progress while it syncs", async ({ page }) => {
  test.setTimeout(120_000);
  // A local GitHub (GitHub's documented payloads) holding March 2026: read with "since", so any date works.
  const github = await startFakeGithub({ token: TOKEN, repos: { "acme/shop": shopRepo() } });
  // Rate limited for three seconds on its pull requests: long enough to see the sync under way.
  github.faults.push({ path: /^\/repos\/acme\/shop\/pulls$/, status: 429, retryAfter: 3, times: 1 });
  try {
    await signIn(page, "ADMIN");
    await page.goto("/admin/connectors");
    await page.getByRole("button", { name: "Add connector" }).click();
    const form = page.getByRole("form", { name: "Add connector" });
    await form.getByLabel("Name").fill("E2E shop");
    await form.getByLabel("Repositories (required)").fill("acme/shop");
    await form.getByLabel("API URL").fill(github.url);
    await form.getByLabel("Token").fill(TOKEN);
    await form.getByLabel("Default team").selectOption({ label: "Core Infrastructure" });
    await form.getByRole("button", { name: "Add connector" }).click();
    await expect(form).toHaveCount(0);

    const row = page.getByRole("row", { name: /E2E shop/ });
    await row.getByRole("button", { name: "Sync E2E shop now" }).click();
    const dialog = page.getByRole("dialog", { name: "Sync “E2E shop” now" });
    await dialog.getByLabel("Read history since (optional)").fill("2026-03-01");
    await dialog.getByRole("button", { name: "Start sync" }).click();
    await expect(row.getByRole("progressbar")).toBeVisible();
    await expect(row).toContainText(/\d+ pull requests \(\d+ new\)/, { timeout: 60_000 });
    await expect(row).toContainText(/\d+ deployments? \(\d+ new\)/);
    await expect(row.getByRole("progressbar")).toHaveCount(0);
    expect(github.requests.some((r) => r.startsWith("GET /repos/acme/shop/deployments"))).toBe(true);

    await row.getByRole("button", { name: "Delete E2E shop" }).click();
    await page.getByRole("alertdialog", { name: "Delete connector “E2E shop”?" }).getByRole("button", { name: "Delete connector" }).click();
    await expect(page.getByRole("row", { name: /E2E shop/ })).toHaveCount(0);
  } finally {
    await github.close();
  }
});
