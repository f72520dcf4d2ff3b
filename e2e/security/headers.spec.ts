import { expect, test, type Page } from "@playwright/test";
import { discoverAppEntries } from "../../lib/security/routes";
import { signIn } from "../helpers";

/**
 * Security headers over real HTTP, and proof that the nonce-based Content Security Policy does not break the
 * app: every discovered page (dynamic segments filled with an unknown id) loads and hydrates in Chromium with
 * zero policy violations.
 */
const staticPages = discoverAppEntries().filter((e) => e.kind === "page" && e.params.length === 0).map((e) => e.pattern);

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const list = ((window as unknown as { __csp?: string[] }).__csp ??= []);
      list.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (msg.type() === "error" && /Content Security Policy|Refused to (execute|load)/i.test(msg.text())) violations.push(msg.text());
  });
  return violations;
}

async function pageViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

/** React marks hydrated DOM nodes with internal keys; none means the scripts did not run. */
async function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const nodes = [document.body, ...Array.from(document.body.querySelectorAll("*")).slice(0, 50)];
    return nodes.some((n) => Object.keys(n).some((k) => k.startsWith("__reactFiber") || k.startsWith("__reactProps")));
  });
}

test.describe("security headers", () => {
  test("pages carry a nonce CSP that changes per request, and API responses are locked down", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const csp = first.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(second.headers()["content-security-policy"]).not.toBe(csp);
    // The nonce in the header is the one on the page's scripts.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(first.headers()).toMatchObject({
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
      "x-frame-options": "DENY",
    });
    expect(first.headers()["permissions-policy"]).toContain("camera=()");
    expect(first.headers()["strict-transport-security"]).toBeUndefined();

    for (const url of ["/api/health", "/api/v1/overview"]) {
      const api = await request.get(url);
      expect(api.headers()["x-content-type-options"], url).toBe("nosniff");
      expect(api.headers()["content-security-policy"], url).toBe("default-src 'none'; frame-ancestors 'none'");
    }
    const asset = await request.get("/favicon.svg");
    expect(asset.headers()["x-content-type-options"]).toBe("nosniff");
  });

  test("HSTS is sent only when the request came over HTTPS", async ({ request }) => {
    const behindTls = await request.get("/sign-in", { headers: { "x-forwarded-proto": "https" } });
    expect(behindTls.headers()["strict-transport-security"]).toMatch(/^max-age=31536000/);
    expect(behindTls.headers()["content-security-policy"]).toContain("upgrade-insecure-requests");
    const api = await request.get("/api/health", { headers: { "x-forwarded-proto": "https" } });
    expect(api.headers()["strict-transport-security"]).toMatch(/^max-age=/);
  });

  test("the sign-in page hydrates with zero CSP violations", async ({ page }) => {
    const violations = await watchViolations(page);
    await page.goto("/sign-in");
    await expect.poll(() => hydrated(page)).toBe(true);
    expect([...violations, ...(await pageViolations(page))]).toEqual([]);
  });

  test("every page hydrates for an admin with zero CSP violations", async ({ page }) => {
    test.setTimeout(240_000);
    const violations = await watchViolations(page);
    await signIn(page, "ADMIN");
    const problems: string[] = [];
    for (const path of staticPages.filter((p) => p !== "/sign-in")) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      if (!(await hydrated(page))) problems.push(`${path}: did not hydrate`);
      for (const v of await pageViolations(page)) problems.push(`${path}: ${v}`);
    }
    expect([...problems, ...violations]).toEqual([]);
  });
});
