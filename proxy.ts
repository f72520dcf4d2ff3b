import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, baseSecurityHeaders, cameOverHttps, contentSecurityPolicy, createNonce } from "@/lib/security/headers";
import { trustedForwarded } from "@/lib/server/auth/proxies";
import { isSessionCookieName } from "@/lib/server/auth/session-cookie";
import { databaseReachable, databaseUnavailablePage } from "@/lib/server/database-gate";

/**
 * Redirects visitors without a session cookie to sign-in, and answers API calls without credentials with
 * 401. This is only a convenience: every page and handler checks the session and role itself
 * (lib/server/page-auth.ts, lib/server/http/route.ts).
 *
 * It also sets the security headers on every response (lib/security/headers.ts): pages get a Content
 * Security Policy with a per-request nonce, passed to Next.js on the request so it stamps its own scripts.
 * While PostgreSQL is unreachable, pages answer 503 with a plain explanation (lib/server/database-gate.ts).
 */
const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/, /^\/s\//, /^\/api\/v1\/respond(\/|$)/, /^\/api\/webhooks\//];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => isSessionCookieName(c.name));
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

function gate(request: NextRequest, forward: Headers | undefined): NextResponse {
  const { pathname, search } = request.nextUrl;
  const pass = () => (forward ? NextResponse.next({ request: { headers: forward } }) : NextResponse.next());
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return pass();
  if (hasSessionCookie(request)) return pass();
  if (pathname.startsWith("/api/")) {
    if (/^Bearer\s+/i.test(request.headers.get("authorization") ?? "")) return pass();
    return NextResponse.json({ error: "unauthorized", message: "Sign in or send a valid API token." }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" && !search ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export async function proxy(request: NextRequest) {
  const https = cameOverHttps(request.nextUrl, trustedForwarded(request.headers).proto);
  const base = baseSecurityHeaders({ https });
  if (request.nextUrl.pathname.startsWith("/api/")) {
    return withHeaders(gate(request, undefined), { ...base, "Content-Security-Policy": API_CSP });
  }
  if (!(await databaseReachable())) {
    const page = databaseUnavailablePage();
    for (const [name, value] of Object.entries({ ...base, "Content-Security-Policy": contentSecurityPolicy({ nonce: createNonce(), https, dev: false }) })) {
      page.headers.set(name, value);
    }
    return page;
  }
  const nonce = createNonce();
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const forward = new Headers(request.headers);
  forward.set("x-nonce", nonce);
  forward.set("Content-Security-Policy", policy);
  return withHeaders(gate(request, forward), { ...base, "Content-Security-Policy": policy });
}

export const config = {
  // Static files (anything with an extension at the root, e.g. /favicon.svg) are served without a session;
  // next.config.js gives them the headers that do not depend on the request.
  matcher: ["/((?!_next/static|_next/image|[^/]+\\.(?:svg|png|ico|txt|webmanifest)$).*)"],
};
