import "server-only";
import { env } from "@/lib/server/env";
import { trustedForwarded } from "./proxies";

/**
 * Auth.js's endpoints must see the address the browser used. Its server-side sign-in (the sign-in page's
 * server actions) builds its URLs from the Host and X-Forwarded-* headers, but Next.js hands route handlers a
 * URL built from the address the server listens on (`localhost` behind `0.0.0.0`), and a NextRequest turns
 * `127.0.0.1` into `localhost`. Single sign-on then asks the provider for a token with a callback URL other
 * than the one it sent the browser to, and the provider refuses. So, unless AUTH_URL fixes the address, the
 * endpoints get a plain Request whose origin comes from the same headers — X-Forwarded-* only from a trusted proxy.
 */
export function withBrowserOrigin(request: Request): Request {
  if (env.AUTH_URL) return request;
  const url = new URL(request.url);
  const forwarded = trustedForwarded(request.headers);
  const host = forwarded.host ?? request.headers.get("host");
  if (!host) return request;
  const protocol = (forwarded.proto ?? url.protocol).replace(/:?$/, ":");
  let origin: string;
  try {
    origin = new URL(`${protocol}//${host}`).origin;
  } catch {
    return request;
  }
  if (origin === url.origin) return request;
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  // A streamed body needs `duplex: "half"`, which the RequestInit type does not list yet.
  const init = { method: request.method, headers: request.headers, body: hasBody ? request.body : undefined, duplex: "half", signal: request.signal };
  return new Request(`${origin}${url.pathname}${url.search}`, init as RequestInit);
}
