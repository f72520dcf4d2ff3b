import { expect, test, type Page } from "@playwright/test";
import { startOidcProvider, type TestOidcProvider } from "../lib/testing/oidc-provider";
import { adminApi, createUser, demoAccount } from "./helpers";

/**
 * Single sign-on through a real OpenID Connect provider this spec runs on E2E_OIDC_PORT (the e2e server is
 * configured with it as AUTH_OIDC_ISSUER, see playwright.config.ts and scripts/e2e-server.mjs): a person an admin
 * added signs in in Chromium; an email no admin added, or one the provider has not verified, is refused with
 * the reason on the sign-in page and no session.
 */
let idp: TestOidcProvider;

test.beforeAll(async ({ baseURL }) => {
  idp = await startOidcProvider(Number(process.env.E2E_OIDC_PORT), {
    clientId: "pillars-e2e",
    clientSecret: "pillars-e2e-oidc-client-secret",
    redirectUri: `${baseURL}/api/auth/callback/oidc`,
  });
});

test.afterAll(async () => {
  await idp?.close();
});

/** From Pillars' sign-in page through the provider's login and consent screens, and back. */
async function signInThroughProvider(page: Page, login: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Test identity provider" }).click();
  await expect(page).toHaveURL(new RegExp(`^${idp.issuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password the test provider accepts");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).not.toHaveURL(new RegExp(`^${idp.issuer}`));
}

test("a person an admin added signs in through the identity provider", async ({ page, browser, baseURL }) => {
  const email = `sso-person-${Date.now()}@example.test`;
  const admin = await adminApi(browser, baseURL);
  await createUser(admin, { email, name: "Sam Single-Sign-On" });
  await admin.close();

  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByText("Sam Single-Sign-On").first()).toBeVisible();
  expect((await page.request.get("/api/v1/overview")).status()).toBe(200);
});

test("an email no admin added is refused, with the reason on the sign-in page", async ({ page }) => {
  await signInThroughProvider(page, `stranger-${Date.now()}@example.test`);
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  await expect(page.getByRole("alert").filter({ hasText: "This account cannot sign in here" })).toContainText("Ask an administrator to add your email address");
  expect((await page.request.get("/api/v1/overview")).status()).toBe(401);
});

test("an email the provider has not verified is refused, even one an admin added", async ({ page }) => {
  const email = demoAccount("VIEWER").email;
  idp.unverified.add(email);
  await signInThroughProvider(page, email);
  await expect(page).toHaveURL(/\/sign-in\?.*error=AccessDenied/);
  expect((await page.request.get("/api/v1/overview")).status()).toBe(401);
});
