import { expect, test, type APIRequestContext, type Browser } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { signIn } from "../helpers";

/**
 * Sign-in defences over real HTTP: failed attempts are throttled per account and per address (a clear message
 * on the form, 429 for scripts calling the credentials endpoint), sessions expire, and a forged or expired
 * session token is worth nothing.
 */
const AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret"; // scripts/e2e-server.mjs
const SESSION_COOKIE = "authjs.session-token";
const SESSION_HOURS = 12; // PILLARS_SESSION_HOURS default

/**
 * Each test signs in from its own made-up client address (the server reads X-Forwarded-For), so locking an
 * address here never locks out the other suites, which all come from 127.0.0.1.
 */
function uniqueAddress(): string {
  return `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
}

async function adminApi(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL, extraHTTPHeaders: { "x-forwarded-for": uniqueAddress() } });
  const page = await context.newPage();
  await signIn(page, "ADMIN");
  return { api: context.request, origin: new URL(page.url()).origin, close: () => context.close() };
}

async function createUser(browser: Browser, baseURL: string | undefined, email: string, password: string): Promise<string> {
  const admin = await adminApi(browser, baseURL);
  const response = await admin.api.post("/api/v1/admin/users", { headers: { origin: admin.origin }, data: { name: "Throttle Test", email, role: "VIEWER", password } });
  expect(response.status()).toBe(201);
  const users = (await (await admin.api.get("/api/v1/admin/users")).json()).users as { id: string; email: string }[];
  await admin.close();
  return users.find((u) => u.email === email)!.id;
}

/** What a script would do: fetch the CSRF token, then post the credentials form to Auth.js. */
async function apiSignIn(request: APIRequestContext, email: string, password: string, address?: string) {
  const headers = address ? { "x-forwarded-for": address } : undefined;
  const { csrfToken } = await (await request.get("/api/auth/csrf", { headers })).json();
  return request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0, failOnStatusCode: false });
}

test.describe("sign-in throttling", () => {
  test("after five wrong passwords the account is locked: the form says so, even for the right password", async ({ page, browser, baseURL }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
    const email = `locked-${Date.now()}@example.test`;
    await createUser(browser, baseURL, email, "correct-horse-battery");
    await page.goto("/sign-in");
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      // Wait for the server action's answer, so each attempt is counted before the next one starts.
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
      await page.getByRole("button", { name: /^sign in$/i }).click();
      await answered;
    };
    for (let i = 1; i <= 5; i++) {
      await attempt(`wrong-password-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: /incorrect/i })).toBeVisible();
    }
    await attempt("wrong-password-6");
    await expect(page.getByRole("alert").filter({ hasText: /too many failed attempts/i })).toBeVisible();
    await attempt("correct-horse-battery");
    await expect(page.getByRole("alert").filter({ hasText: /too many failed attempts/i })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    const api = await apiSignIn(page.request, email, "correct-horse-battery", uniqueAddress());
    expect(api.status()).toBe(429);
    expect(Number(api.headers()["retry-after"])).toBeGreaterThan(800);
    expect((await api.json()).error).toBe("throttled");
  });

  test("twenty failures from one address lock that address for every account, not others", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const address = `203.0.113.${(Date.now() % 200) + 20}`;
    // Higher than the per-account limit: an office behind one NAT address must not lock itself out over five typos.
    for (let i = 0; i < 20; i++) {
      const r = await apiSignIn(request, `nobody-${i}-${Date.now()}@example.test`, "wrong-password-x", address);
      expect(r.status(), `failure ${i + 1}`).toBe(302);
      expect(r.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const locked = await apiSignIn(request, "viewer@demo.pillars.dev", "pillars-demo-viewer", address);
    expect(locked.status()).toBe(429);
    const elsewhere = await playwright.request.newContext({ baseURL });
    const ok = await apiSignIn(elsewhere, "viewer@demo.pillars.dev", "pillars-demo-viewer", "198.51.100.9");
    expect(ok.status()).toBe(302);
    expect(ok.headers()["location"]).not.toContain("error");
    await request.dispose();
    await elsewhere.dispose();
  });
});

test.describe("sessions", () => {
  test("the session cookie is HttpOnly, SameSite=Lax and expires after PILLARS_SESSION_HOURS", async ({ page }) => {
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
    const before = Date.now() / 1000;
    await signIn(page, "VIEWER");
    const cookie = (await page.context().cookies()).find((c) => c.name === SESSION_COOKIE)!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe("Lax");
    expect(cookie.expires).toBeGreaterThan(before + SESSION_HOURS * 3600 - 120);
    expect(cookie.expires).toBeLessThan(before + SESSION_HOURS * 3600 + 120);
  });

  test("an expired session token is refused even though it is correctly signed", async ({ browser, baseURL, playwright }) => {
    const uid = await createUser(browser, baseURL, `expiry-${Date.now()}@example.test`, "correct-horse-battery");
    const mint = (maxAge: number) => encode({ token: { uid, sid: crypto.randomUUID(), sub: uid }, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge });
    const call = async (jwt: string) => {
      const ctx = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: `${SESSION_COOKIE}=${jwt}` } });
      const status = (await ctx.get("/api/v1/overview")).status();
      await ctx.dispose();
      return status;
    };
    // The same minting with a future expiry is accepted, so the refusal below is about the expiry alone.
    expect(await call(await mint(3600))).toBe(200);
    expect(await call(await mint(-60))).toBe(401);
    expect(await call((await mint(3600)).slice(0, -4) + "AAAA")).toBe(401);
  });
});
