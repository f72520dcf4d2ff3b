import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/** A leader turns on the weekly digest, Slack and alerts on their Account page; the choices hold after a reload. */
test.describe("weekly digest and alerts", () => {
  test("a leader turns on the digest on the Account page", async ({ page }) => {
    await signIn(page, "LEADER");
    await page.goto("/account");
    const form = page.getByRole("form", { name: "Weekly digest and alerts" });
    await expect(form.getByText(/Mondays at 08:00/)).toBeVisible();

    // An address that is not Slack's is refused.
    await form.getByLabel("Email me the weekly digest").check();
    await form.getByLabel("Slack incoming webhook URL").fill("https://example.com/hook");
    await form.getByRole("button", { name: "Save notifications" }).click();
    await expect(form.getByRole("alert")).toContainText("hooks.slack.com");

    await form.getByLabel("Slack incoming webhook URL").fill("https://hooks.slack.com/services/T0000/B0000/e2e-secret");
    await form.getByLabel("Send the weekly digest to my Slack webhook").check();
    await form.getByLabel("Send me alerts").check();
    await form.getByRole("button", { name: "Save notifications" }).click();
    await expect(form.getByRole("status")).toHaveText("Notifications saved.");

    await page.reload();
    const again = page.getByRole("form", { name: "Weekly digest and alerts" });
    await expect(again.getByLabel("Email me the weekly digest")).toBeChecked();
    await expect(again.getByLabel("Send the weekly digest to my Slack webhook")).toBeChecked();
    await expect(again.getByLabel("Send me alerts")).toBeChecked();
    // The webhook is never shown back, only that one is set.
    await expect(again.getByLabel("Slack incoming webhook URL")).toHaveValue("");
    await expect(again.getByLabel("Slack incoming webhook URL")).toHaveAttribute("placeholder", /A webhook is set/);
    await expect(page.locator("body")).not.toContainText("e2e-secret");
  });

  test("a viewer may not ask for every team's alerts", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/account");
    const form = page.getByRole("form", { name: "Weekly digest and alerts" });
    await expect(form.getByLabel("Email me the weekly digest")).toBeVisible();
    await expect(form.getByLabel("Send me alerts")).toHaveCount(0);
  });
});
