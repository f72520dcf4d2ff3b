import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from "@playwright/test";
import { decode, encode } from "next-auth/jwt";
import { adminApi, createUser, type AdminApi } from "../helpers";

/**
 * Sessions over real HTTP: a session ends PILLARS_SESSION_HOURS after sign-in however often Auth.js re-issues
 * its cookie (`/api/auth/session`), and every way of ending sessions — signing out through Auth.js's own
 * endpoint, a password reset, the person's own password change, deactivation, a new role — leaves a copy of
 * the old cookie worth nothing, refreshed or not.
 */
const AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret"; // scripts/e2e-server.mjs
const SESSION_COOKIE = "authjs.session-token";
const LIFETIME_MS = 12 * 3_600_000; // PILLARS_SESSION_HOURS default
const PASSWORD = "correct-horse-battery";

let admin: AdminApi;
test.beforeAll(async ({ browser, baseURL }) => {
  admin = await adminApi(browser, baseURL);
});
test.afterAll(async () => {
  await admin?.close();
});

function uniqueAddress(): string {
  return `198.19.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
}

async function newPerson(role: "VIEWER" | "MANAGER" = "VIEWER"): Promise<{ id: string; email: string }> {
  const email = `session-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  return { id: await createUser(admin, { email, role, password: PASSWORD }), email };
}

/** Signs in over the credentials endpoint as a script would, and returns the session cookie's value. */
async function sessionCookie(request: APIRequestContext, email: string, password = PASSWORD): Promise<string> {
  const headers = { "x-forwarded-for": uniqueAddress() };
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  const response = await request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0 });
  expect(response.headers()["location"]).not.toContain("error");
  const cookie = (await request.storageState()).cookies.find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toBeTruthy();
  return cookie!.value;
}

/** What a holder of a copy of the cookie gets: the API's status, and what refreshing the session returns. */
async function replay(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string | undefined, token: string) {
  const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${token}` } });
  const refresh = await ctx.get("/api/auth/session");
  const body = await refresh.json();
  const api = (await ctx.get("/api/v1/overview")).status();
  await ctx.dispose();
  return { api, user: (body as { user?: { email?: string } } | null)?.user?.email ?? null, setCookie: refresh.headers()["set-cookie"] ?? "" };
}

test.describe("absolute session lifetime", () => {
  test("refreshing the session re-issues the cookie without moving the end of the session", async ({ playwright, baseURL }) => {
    const person = await newPerson();
    const request = await playwright.request.newContext({ baseURL });
    const first = await sessionCookie(request, person.email);
    const claims = (await decode({ token: first, secret: AUTH_SECRET, salt: SESSION_COOKIE }))!;
    expect(claims.authExp).toBe((claims.authAt as number) + LIFETIME_MS);

    const refreshed = await request.get("/api/auth/session");
    expect((await refreshed.json()).user.email).toBe(person.email);
    const cookie = (await request.storageState()).cookies.find((c) => c.name === SESSION_COOKIE)!;
    const again = (await decode({ token: cookie.value, secret: AUTH_SECRET, salt: SESSION_COOKIE }))!;
    expect([again.authAt, again.authExp, again.sid]).toEqual([claims.authAt, claims.authExp, claims.sid]);
    // Neither the token's nor the cookie's own expiry is later than the session's end.
    expect((again.exp as number) * 1000).toBeLessThanOrEqual(claims.authExp as number);
    expect(cookie.expires * 1000).toBeLessThanOrEqual((claims.authExp as number) + 1000);
    await request.dispose();
  });

  test("a session signed in longer ago than the lifetime is refused, and refreshing it ends it", async ({ playwright, baseURL }) => {
    const person = await newPerson();
    const mint = (authAt: number) =>
      encode({ token: { uid: person.id, sub: person.id, email: person.email, sid: crypto.randomUUID(), authAt, authExp: authAt + LIFETIME_MS }, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge: 3600 });
    // Signed in 11 hours ago: one hour left, and a refresh gives a cookie that lasts that hour, not 12 more.
    const recent = await replay(playwright, baseURL, await mint(Date.now() - 11 * 3_600_000));
    expect([recent.api, recent.user]).toEqual([200, person.email]);
    const expires = Date.parse(/Expires=([^;]+)/i.exec(recent.setCookie)?.[1] ?? "");
    expect(expires).toBeLessThanOrEqual(Date.now() + 3_600_000);
    // Signed in 12 hours and a minute ago, in a token that has itself been re-issued a moment ago.
    const stale = await replay(playwright, baseURL, await mint(Date.now() - LIFETIME_MS - 60_000));
    expect([stale.api, stale.user]).toEqual([401, null]);
    expect(stale.setCookie).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
  });
});

test.describe("ending sessions", () => {
  test("signing out through Auth.js's own endpoint ends the session for every copy of its cookie", async ({ playwright, baseURL }) => {
    const person = await newPerson();
    const request = await playwright.request.newContext({ baseURL });
    const cookie = await sessionCookie(request, person.email);
    expect((await replay(playwright, baseURL, cookie)).api).toBe(200);
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    expect((await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl: "/sign-in" }, maxRedirects: 0 })).status()).toBe(302);
    expect(await replay(playwright, baseURL, cookie)).toMatchObject({ api: 401, user: null });
    await request.dispose();
  });

  test("an admin's password reset ends the person's open sessions; the new password starts a good one", async ({ playwright, baseURL }) => {
    const person = await newPerson();
    const request = await playwright.request.newContext({ baseURL });
    const cookie = await sessionCookie(request, person.email);
    const reset = await admin.api.post(`/api/v1/admin/users/${person.id}/password`, { headers: { origin: admin.origin }, data: { password: "a-brand-new-passphrase" } });
    expect(reset.status()).toBe(200);
    expect(await replay(playwright, baseURL, cookie)).toMatchObject({ api: 401, user: null });
    const fresh = await playwright.request.newContext({ baseURL });
    expect((await replay(playwright, baseURL, await sessionCookie(fresh, person.email, "a-brand-new-passphrase"))).api).toBe(200);
    await Promise.all([request.dispose(), fresh.dispose()]);
  });

  test("deactivation ends the sessions, and reactivating the account does not bring them back", async ({ playwright, baseURL }) => {
    const person = await newPerson();
    const request = await playwright.request.newContext({ baseURL });
    const cookie = await sessionCookie(request, person.email);
    const update = (data: object) => admin.api.patch(`/api/v1/admin/users/${person.id}`, { headers: { origin: admin.origin }, data });
    expect((await update({ active: false })).status()).toBe(200);
    expect((await replay(playwright, baseURL, cookie)).api).toBe(401);
    expect((await update({ active: true })).status()).toBe(200);
    expect(await replay(playwright, baseURL, cookie)).toMatchObject({ api: 401, user: null });
    await request.dispose();
  });

  test("a new role ends the sessions opened under the old one", async ({ playwright, baseURL }) => {
    const person = await newPerson();
    const request = await playwright.request.newContext({ baseURL });
    const cookie = await sessionCookie(request, person.email);
    expect((await admin.api.patch(`/api/v1/admin/users/${person.id}`, { headers: { origin: admin.origin }, data: { role: "LEADER" } })).status()).toBe(200);
    expect(await replay(playwright, baseURL, cookie)).toMatchObject({ api: 401, user: null });
    await request.dispose();
  });

  test("changing your own password keeps you signed in here and ends your other sessions", async ({ page, playwright, baseURL }) => {
    const person = await newPerson();
    const elsewhere = await playwright.request.newContext({ baseURL });
    const other = await sessionCookie(elsewhere, person.email);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: /^sign in$/i }).click();
    await expect(page).not.toHaveURL(/\/sign-in/);
    // The name in the header leads to the account page.
    await page.getByRole("link", { name: /Test Person/ }).click();
    await expect(page.getByRole("heading", { name: "Your account" })).toBeVisible();
    const form = page.getByRole("form", { name: "Change password" });
    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByLabel("New password", { exact: true }).fill("password2026!");
    await form.getByLabel("New password again").fill("password2026!");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(form.getByText(/too common/)).toBeVisible();

    await form.getByLabel("Current password").fill(PASSWORD);
    await form.getByLabel("New password", { exact: true }).fill("a-brand-new-passphrase");
    await form.getByLabel("New password again").fill("a-brand-new-passphrase");
    await form.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Your password was changed. Every other session of yours was signed out.")).toBeVisible();
    expect((await page.request.get("/api/v1/overview")).status()).toBe(200);
    expect(await replay(playwright, baseURL, other)).toMatchObject({ api: 401, user: null });
    await elsewhere.dispose();
  });
});
