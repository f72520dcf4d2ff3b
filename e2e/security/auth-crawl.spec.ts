import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { concretePath, discoverAppEntries, type AppEntry } from "../../lib/security/routes";
import { PUBLIC_RULES, sampleParam, type Method } from "./access-rules";

/**
 * Every page and route handler found in the app/ tree, with every method, called anonymously over real HTTP:
 * the answer is a redirect to sign-in, 401 or 405 — never data, never a 500. Run twice: without any cookie
 * (the proxy answers) and with a forged session cookie, which the proxy lets through, so the pages' and
 * handlers' own checks are what is tested.
 */
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];
const entries = discoverAppEntries();
const FORGED_COOKIE = "authjs.session-token=forged.not-a-real.jwt";

async function call(request: APIRequestContext, method: Method, url: string, cookie?: string, body: unknown = {}): Promise<APIResponse> {
  return request.fetch(url, {
    method,
    maxRedirects: 0,
    failOnStatusCode: false,
    headers: { ...(cookie ? { cookie } : {}), ...(method === "GET" ? {} : { "content-type": "application/json" }) },
    data: method === "GET" ? undefined : JSON.stringify(body),
  });
}

async function jsonBody(response: APIResponse): Promise<{ json: true; value: unknown } | { json: false }> {
  if (!(response.headers()["content-type"] ?? "").includes("application/json")) return { json: false };
  try {
    return { json: true, value: await response.json() };
  } catch {
    return { json: false };
  }
}

/**
 * Once a page has started streaming (its layout is sent first), Next can no longer change the status: the
 * redirect of requirePageUser arrives in the stream instead, as a refresh meta tag and an RSC instruction.
 */
function streamedRedirectToSignIn(html: string): boolean {
  return /<meta[^>]+id="__next-page-redirect"[^>]+url=\/sign-in/.test(html) || /NEXT_REDIRECT;(replace|push);\/sign-in/.test(html);
}

function urlOf(entry: AppEntry): string {
  return concretePath(entry.pattern, (p) => sampleParam(entry.pattern, p));
}

async function problemsFor(request: APIRequestContext, entry: AppEntry, cookie?: string): Promise<string[]> {
  const url = urlOf(entry);
  const rule = PUBLIC_RULES[entry.pattern];
  const problems: string[] = [];
  for (const method of METHODS) {
    const response = await call(request, method, url, cookie, rule?.body);
    const status = response.status();
    const where = `${method} ${url} (${entry.file})${cookie ? " with a forged cookie" : ""} → ${status}`;
    if (status >= 500) {
      problems.push(`${where}: server error`);
      continue;
    }
    const body = await jsonBody(response);
    if (rule) {
      const allowed = rule.statuses[method];
      if (allowed ? !allowed.includes(status) : ![401, 405].includes(status) && !(status >= 300 && status < 400)) problems.push(`${where}: expected ${allowed?.join("/") ?? "401/405"}`);
      if (status < 300 && body.json && !(rule.allowedJson?.(body.value) ?? false)) problems.push(`${where}: returned JSON data ${JSON.stringify(body.value).slice(0, 120)}`);
      continue;
    }
    if (entry.kind === "page") {
      const location = response.headers()["location"] ?? "";
      const toSignIn = (status >= 300 && status < 400 && new URL(location, "http://x").pathname === "/sign-in") || (status === 200 && streamedRedirectToSignIn(await response.text()));
      if (!toSignIn && status !== 405) problems.push(`${where}: expected a redirect to /sign-in (location: ${location || "none"})`);
    } else if (![401, 405].includes(status)) {
      problems.push(`${where}: expected 401 or 405${body.json ? `, got ${JSON.stringify(body.value).slice(0, 120)}` : ""}`);
    }
  }
  return problems;
}

test.describe("anonymous access to everything in the app", () => {
  test("discovery found the app's pages and handlers, and every public exception still exists", () => {
    expect(entries.filter((e) => e.kind === "page").length).toBeGreaterThan(10);
    expect(entries.filter((e) => e.kind === "route").length).toBeGreaterThan(20);
    const patterns = new Set(entries.map((e) => e.pattern));
    expect(Object.keys(PUBLIC_RULES).filter((p) => !patterns.has(p))).toEqual([]);
  });

  test("without a cookie: redirect to sign-in, 401 or 405, never data or a 500", async ({ request }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    for (const entry of entries) problems.push(...(await problemsFor(request, entry)));
    expect(problems).toEqual([]);
  });

  test("with a forged session cookie: the pages and handlers refuse by themselves", async ({ request }) => {
    test.setTimeout(300_000);
    const problems: string[] = [];
    for (const entry of entries) problems.push(...(await problemsFor(request, entry, FORGED_COOKIE)));
    expect(problems).toEqual([]);
  });

  test("a forged server action id posted anonymously is refused without a server error", async ({ request }) => {
    const fakeAction = "7f".repeat(21);
    for (const url of ["/sign-in", "/", "/admin/users", `/s/${sampleParam("/s/[token]", "token")}`]) {
      for (const cookie of [undefined, FORGED_COOKIE]) {
        const response = await request.fetch(url, {
          method: "POST",
          maxRedirects: 0,
          failOnStatusCode: false,
          headers: { "Next-Action": fakeAction, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", ...(cookie ? { cookie } : {}) },
          data: "[]",
        });
        expect(response.status(), `${url} ${cookie ? "with" : "without"} a forged cookie`).toBeLessThan(500);
      }
    }
  });
});
