import { expect, test, type Page } from "@playwright/test";
import { signIn, type DemoRole } from "./helpers";

/** Admin journeys: users, API tokens, and that non-admins are kept out of both pages and handlers. */

async function signInAs(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /^sign in$/i }).click();
  await expect(page).not.toHaveURL(/\/sign-in/);
}

test.describe("administration", () => {
  test("an admin creates a user who can then sign in", async ({ page }) => {
    await signIn(page, "ADMIN");
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await page.getByRole("link", { name: /^Users/ }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);

    await page.getByRole("button", { name: "New user" }).click();
    const form = page.getByRole("form", { name: "New user" });
    await form.getByLabel("Name").fill("Robin Tester");
    await form.getByLabel("Email").fill("Robin.Tester@example.com");
    await form.getByLabel("Role").selectOption("LEADER");
    await form.getByLabel("Set it myself").check();
    await form.getByLabel("Password", { exact: true }).fill("password");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("alert")).toContainText("at least 12 characters");

    await form.getByLabel("Password", { exact: true }).fill("robin-tester-secret-42");
    await form.getByRole("button", { name: "Create user" }).click();
    const row = page.getByRole("row", { name: /robin\.tester@example\.com/ });
    await expect(row).toContainText("Leader");
    await expect(row).toContainText("Never");

    // The same email again is a clear conflict, not a server error.
    await page.getByRole("button", { name: "New user" }).click();
    await form.getByLabel("Name").fill("Robin Again");
    await form.getByLabel("Email").fill("robin.tester@example.com");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("alert")).toContainText("already exists");

    await page.getByRole("button", { name: /sign out/i }).click();
    await signInAs(page, "robin.tester@example.com", "robin-tester-secret-42");
    await expect(page.getByText("Robin Tester").first()).toBeVisible();
  });

  test("an admin creates an API token, it works, and is refused once revoked", async ({ page, request }) => {
    await signIn(page, "ADMIN");
    await page.goto("/admin/tokens");
    const form = page.getByRole("form", { name: "New API token" });
    await form.getByLabel("Token name").fill("e2e reader");
    await form.getByRole("checkbox", { name: /ingest/ }).uncheck();
    await form.getByRole("checkbox", { name: /read/ }).check();
    await form.getByRole("button", { name: "Create token" }).click();
    const secret = (await page.getByTestId("secret-once").textContent())?.trim() ?? "";
    expect(secret).toMatch(/^pil_/);

    const headers = { authorization: `Bearer ${secret}` };
    expect((await request.get("/api/v1/overview", { headers })).status()).toBe(200);

    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("secret-once")).toHaveCount(0);
    const row = page.getByRole("row", { name: /e2e reader/ });
    await expect(row).toContainText(secret.slice(0, 10));
    await expect(row).toContainText("read");
    page.once("dialog", (dialog) => dialog.accept());
    await row.getByRole("button", { name: "Revoke token e2e reader" }).click();
    await expect(row).toContainText("Revoked");

    const refused = await request.get("/api/v1/overview", { headers });
    expect(refused.status()).toBe(401);
    // The token list never shows the secret again.
    await page.reload();
    await expect(page.getByText(secret)).toHaveCount(0);
  });

  for (const role of ["VIEWER", "MANAGER"] as DemoRole[]) {
    test(`a ${role} is kept out of the admin pages and handlers`, async ({ page, browser, baseURL }) => {
      await signIn(page, role);
      await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
      for (const path of ["/admin", "/admin/users", "/admin/tokens", "/admin/settings", "/admin/org"]) {
        await page.goto(path);
        await expect(page).toHaveURL(/\/denied/);
      }
      const origin = new URL(page.url()).origin;
      const email = `sneaky-${role.toLowerCase()}@example.com`;
      const create = await page.request.post("/api/v1/admin/users", {
        data: { name: "Sneaky", email, role: "ADMIN", password: "sneaky-long-password" },
        headers: { origin },
      });
      expect(create.status()).toBe(403);
      expect((await page.request.post("/api/v1/admin/tokens", { data: { name: "x", scopes: ["ingest"] }, headers: { origin } })).status()).toBe(403);
      expect((await page.request.get("/api/v1/admin/users")).status()).toBe(403);

      const admin = await browser.newPage({ baseURL });
      await signIn(admin, "ADMIN");
      const users = (await (await admin.request.get("/api/v1/admin/users")).json()) as { users: { email: string }[] };
      expect(users.users.map((u) => u.email)).not.toContain(email);
      await admin.close();
    });
  }
});
