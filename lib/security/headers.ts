/**
 * The security headers every response carries, built in one place so the proxy, the static-file config and
 * the tests agree. Pages get a Content Security Policy with a fresh nonce per request: Next.js reads the
 * nonce from the request's CSP header and stamps it on its own scripts, and 'strict-dynamic' lets those
 * scripts load their chunks. No inline script runs without the nonce. Styles keep 'unsafe-inline' because
 * React style attributes and Chart.js set inline styles; scripts never do.
 */

export interface CspOptions {
  nonce: string;
  /** `next dev` evaluates code for fast refresh and talks to its websocket. */
  dev?: boolean;
  /** Only ask the browser to upgrade sub-requests when the page itself came over HTTPS. */
  https?: boolean;
}

export function createNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, dev = false, https = false }: CspOptions): string {
  const directives: [string, string[]][] = [
    ["default-src", ["'self'"]],
    ["script-src", ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])]],
    ["style-src", ["'self'", "'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'", "data:"]],
    ["connect-src", ["'self'", ...(dev ? ["ws:", "wss:"] : [])]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
    ["worker-src", ["'self'", "blob:"]],
  ];
  const parts = directives.map(([name, values]) => `${name} ${values.join(" ")}`);
  if (https) parts.push("upgrade-insecure-requests");
  return parts.join("; ");
}

/** JSON and files never render as a document, so they get the strictest policy. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

export const PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

/** HSTS only means something over HTTPS; sent over plain HTTP it would be ignored or, behind a mis-set proxy, wrong. */
export const HSTS = "max-age=31536000; includeSubDomains";

/** Headers for every response, whatever its type. */
export function baseSecurityHeaders({ https = false }: { https?: boolean } = {}): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": PERMISSIONS_POLICY,
    ...(https ? { "Strict-Transport-Security": HSTS } : {}),
  };
}

/**
 * Did the request reach us over HTTPS (directly, or through a trusted proxy that says so)? `forwardedProto` is
 * X-Forwarded-Proto as believed (lib/server/auth/proxies.ts): null when absent or not sent by a trusted proxy.
 */
export function cameOverHttps(url: URL, forwardedProto: string | null): boolean {
  return forwardedProto ? forwardedProto === "https" : url.protocol === "https:";
}

/** Pulls the nonce back out of a policy (tests, and anything that only has the header). */
export function nonceOf(policy: string): string | null {
  return /'nonce-([^']+)'/.exec(policy)?.[1] ?? null;
}
