import { NextResponse, type NextRequest } from "next/server";

/**
 * Redirects visitors without a session cookie to sign-in, and answers API calls without credentials with
 * 401. This is only a convenience: every page and handler checks the session and role itself
 * (lib/server/page-auth.ts, lib/server/http/route.ts).
 */
const PUBLIC_PATHS = [/^\/sign-in(\/|$)/, /^\/api\/auth(\/|$)/, /^\/api\/health$/, /^\/s\//, /^\/api\/v1\/respond(\/|$)/, /^\/api\/webhooks\//];

function hasSessionCookie(request: NextRequest): boolean {
  return request.cookies.getAll().some((c) => /(^|\.)authjs\.session-token(\.\d+)?$/.test(c.name));
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (PUBLIC_PATHS.some((p) => p.test(pathname))) return NextResponse.next();
  if (hasSessionCookie(request)) return NextResponse.next();
  if (pathname.startsWith("/api/")) {
    if (/^Bearer\s+/i.test(request.headers.get("authorization") ?? "")) return NextResponse.next();
    return NextResponse.json({ error: "unauthorized", message: "Sign in or send a valid API token." }, { status: 401 });
  }
  const url = request.nextUrl.clone();
  url.pathname = "/sign-in";
  url.search = pathname === "/" && !search ? "" : `?callbackUrl=${encodeURIComponent(pathname + search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  // Static files (anything with an extension at the root, e.g. /favicon.svg) are served without a session.
  matcher: ["/((?!_next/static|_next/image|[^/]+\\.(?:svg|png|ico|txt|webmanifest)$).*)"],
};
