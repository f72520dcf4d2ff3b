import { expect, test } from "@playwright/test";
import { demoAccount, signIn, type DemoRole } from "./helpers";

test.describe("sign-in and access", () => {
  test("an anonymous visitor is sent to sign-in, and APIs answer 401", async ({ page, request }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/retention?range=1y");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fretention/);
    const api = await request.get("/api/v1/overview");
    expect(api.status()).toBe(401);
    expect((await api.json()).error).toBe("unauthorized");
    expect((await request.get("/api/health")).status()).toBe(200);
  });

  for (const role of ["ADMIN", "LEADER", "MANAGER", "VIEWER"] as DemoRole[]) {
    test(`${role} signs in and sees the overview`, async ({ page }) => {
      await signIn(page, role);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByText(demoAccount(role).name).first()).toBeVisible();
      await expect(page.getByTestId("pillar-QUALITY")).toBeVisible();
    });
  }

  test("a wrong password is refused with a clear message and keeps the email", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demoAccount("VIEWER").email);
    await page.getByLabel("Password").fill("not-the-password-at-all");
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await expect(page.getByRole("alert").filter({ hasText: /incorrect/i })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(demoAccount("VIEWER").email);
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("a viewer cannot reach admin pages or write data", async ({ page }) => {
    await signIn(page, "VIEWER");
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/denied/);
    const write = await page.request.put("/api/v1/metric-values", {
      data: { values: [] },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(write.status()).toBe(403);
  });

  test("signing out ends the session, even for a copied cookie", async ({ page, browser, baseURL }) => {
    await signIn(page, "LEADER");
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: /sign out/i }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    const replay = await browser.newContext({ baseURL });
    await replay.addCookies(cookies);
    const response = await replay.request.get("/api/v1/overview");
    expect(response.status()).toBe(401);
    // Asking Auth.js to refresh it gives no session and no new cookie to carry on with.
    const refreshed = await replay.request.get("/api/auth/session");
    expect(await refreshed.json()).toBeNull();
    expect((await replay.request.get("/api/v1/overview")).status()).toBe(401);
    await replay.close();
  });
});
