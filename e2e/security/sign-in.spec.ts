import { expect, test, type APIRequestContext, type APIResponse, type Browser } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { adminApi, createUser, signIn } from "../helpers";

/**
 * Sign-in defences over real HTTP: attempts are throttled per account and address, per address, and per account
 * from any address (a clear message on the form, 429 with Retry-After for scripts calling the credentials
 * endpoint), a burst sent at once is cut like a slow series, sessions expire, and a forged or expired session
 * token is worth nothing.
 */
const AUTH_SECRET = "e2e-secret-e2e-secret-e2e-secret-e2e-secret"; // scripts/e2e-server.mjs
const SESSION_COOKIE = "authjs.session-token";
const SESSION_HOURS = 12; // PILLARS_SESSION_HOURS default

/**
 * Each test signs in from its own made-up client address (the server reads X-Forwarded-For), so holding an
 * address here never holds back the other suites, which all come from 127.0.0.1.
 */
function uniqueAddress(): string {
  return `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250) + 1}`;
}

async function newUser(browser: Browser, baseURL: string | undefined, email: string, password: string): Promise<string> {
  const admin = await adminApi(browser, baseURL);
  const id = await createUser(admin, { email, name: "Throttle Test", password });
  await admin.close();
  return id;
}

/** Posts the credentials form to Auth.js from `address`, with a CSRF token fetched by the same context. */
function postCredentials(request: APIRequestContext, csrfToken: string, email: string, password: string, address?: string) {
  const headers = address ? { "x-forwarded-for": address } : undefined;
  return request.post("/api/auth/callback/credentials", { headers, form: { csrfToken, email, password, callbackUrl: "/" }, maxRedirects: 0, failOnStatusCode: false });
}

/** What a script would do: fetch the CSRF token, then post the credentials form to Auth.js. */
async function apiSignIn(request: APIRequestContext, email: string, password: string, address?: string) {
  const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
  return postCredentials(request, csrfToken, email, password, address);
}

/** Signed in: Auth.js redirects to the callback URL, not back to the sign-in page with an error. */
function signedIn(response: APIResponse): boolean {
  return response.status() === 302 && !(response.headers()["location"] ?? "").includes("error");
}

test.describe("sign-in throttling", () => {
  test("after five wrong passwords from one address the form says when to retry; the owner elsewhere still signs in", async ({ page, browser, baseURL, playwright }) => {
    test.setTimeout(120_000);
    await page.setExtraHTTPHeaders({ "x-forwarded-for": uniqueAddress() });
    const email = `locked-${Date.now()}@example.test`;
    await newUser(browser, baseURL, email, "correct-horse-battery");
    await page.goto("/sign-in");
    const attempt = async (password: string) => {
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill(password);
      // Wait for the server action's answer, so each attempt is counted before the next one starts.
      const answered = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in");
      await page.getByRole("button", { name: /^sign in$/i }).click();
      await answered;
      // The form clears the password once the answer is shown; typing before that would be wiped.
      await expect(page.getByLabel("Password")).toHaveValue("");
    };
    for (let i = 1; i <= 5; i++) {
      await attempt(`wrong-password-${i}`);
      await expect(page.getByRole("alert").filter({ hasText: /incorrect/i })).toBeVisible();
    }
    const throttled = page.getByRole("alert").filter({ hasText: /too many failed sign-in attempts\. try again in 15 minutes/i });
    await attempt("wrong-password-6");
    await expect(throttled).toBeVisible();
    await attempt("correct-horse-battery");
    await expect(throttled).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);

    // The real owner, from another address, is not locked out by someone else's guesses.
    const owner = await playwright.request.newContext({ baseURL });
    expect(signedIn(await apiSignIn(owner, email, "correct-horse-battery", uniqueAddress()))).toBe(true);
    await owner.dispose();
  });

  test("a hundred wrong passwords sent at once get five checked, the rest 429 with Retry-After", async ({ browser, baseURL, playwright }) => {
    const email = `burst-${Date.now()}@example.test`;
    await newUser(browser, baseURL, email, "correct-horse-battery");
    const request = await playwright.request.newContext({ baseURL });
    const address = uniqueAddress();
    // One CSRF token for all: each request fetching its own would overwrite the others' cookie.
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => postCredentials(request, csrfToken, email, `wrong-password-${i}`, address)));
    const checked = answers.filter((r) => r.status() === 302);
    const refused = answers.filter((r) => r.status() === 429);
    expect(checked).toHaveLength(5);
    for (const r of checked) expect(r.headers()["location"]).toContain("code=invalid");
    expect(refused).toHaveLength(95);
    for (const r of refused) expect(Number(r.headers()["retry-after"])).toBeGreaterThan(800);
    expect((await refused[0]!.json()).error).toBe("throttled");
    // The right password from that address waits too; from another address it signs in.
    expect((await apiSignIn(request, email, "correct-horse-battery", address)).status()).toBe(429);
    expect(signedIn(await apiSignIn(request, email, "correct-horse-battery", uniqueAddress()))).toBe(true);
    await request.dispose();
  });

  test("guesses at one account from many addresses are slowed to one at a time; its owner waits at most a minute", async ({ browser, baseURL, playwright }) => {
    test.setTimeout(180_000);
    const email = `spread-${Date.now()}@example.test`;
    await newUser(browser, baseURL, email, "correct-horse-battery");
    const request = await playwright.request.newContext({ baseURL });
    // One CSRF token for all: each request fetching its own would overwrite the others' cookie.
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => postCredentials(request, csrfToken, email, `wrong-password-${i}`, `203.0.113.${i + 1}`)));
    // The first ten are checked; after them, one at a time with a doubling wait, so only a few more get through
    // while the server works through the rest (the exact steps, with the clock injected, are in
    // lib/server/auth/throttle.int.test.ts).
    const checked = answers.filter((r) => r.status() === 302);
    expect(checked.length).toBeGreaterThanOrEqual(10);
    expect(checked.length).toBeLessThanOrEqual(16);
    for (const r of checked) expect(r.headers()["location"]).toContain("code=invalid");
    const refused = answers.filter((r) => r.status() === 429);
    expect(refused).toHaveLength(30 - checked.length);
    for (const r of refused) expect(Number(r.headers()["retry-after"])).toBeLessThanOrEqual(60);
    // The owner, from an address of their own, is told how long to wait and then signs in.
    let answer = await apiSignIn(request, email, "correct-horse-battery", uniqueAddress());
    for (let tries = 0; answer.status() === 429 && tries < 3; tries++) {
      const wait = Number(answer.headers()["retry-after"]);
      expect(wait).toBeLessThanOrEqual(60);
      await new Promise((resolve) => setTimeout(resolve, wait * 1000));
      answer = await apiSignIn(request, email, "correct-horse-battery", uniqueAddress());
    }
    expect(signedIn(answer)).toBe(true);
    await request.dispose();
  });

  test("twenty failures from one address hold that address for every account, not others", async ({ playwright, baseURL }) => {
    const request = await playwright.request.newContext({ baseURL });
    const address = `203.0.113.${(Date.now() % 150) + 100}`;
    // Higher than the per-account limit: an office behind one NAT address must not lock itself out over five typos.
    for (let i = 0; i < 20; i++) {
      const r = await apiSignIn(request, `nobody-${i}-${Date.now()}@example.test`, "wrong-password-x", address);
      expect(r.status(), `failure ${i + 1}`).toBe(302);
      expect(r.headers()["location"]).toContain("error=CredentialsSignin");
    }
    const locked = await apiSignIn(request, "viewer@demo.pillars.dev", "pillars-demo-viewer", address);
    expect(locked.status()).toBe(429);
    const elsewhere = await playwright.request.newContext({ baseURL });
    expect(signedIn(await apiSignIn(elsewhere, "viewer@demo.pillars.dev", "pillars-demo-viewer", "198.51.100.9"))).toBe(true);
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
    const uid = await newUser(browser, baseURL, `expiry-${Date.now()}@example.test`, "correct-horse-battery");
    const authAt = Date.now();
    const claims = { uid, sid: crypto.randomUUID(), sub: uid, authAt, authExp: authAt + SESSION_HOURS * 3_600_000 };
    const mint = (maxAge: number) => encode({ token: claims, secret: AUTH_SECRET, salt: SESSION_COOKIE, maxAge });
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
