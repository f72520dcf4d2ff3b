import "server-only";
import { env } from "@/lib/server/env";
import { forwardedFrom, parseTrustedProxies, type Forwarded } from "./client-address";

/** The reverse proxies whose forwarding headers are believed (PILLARS_TRUSTED_PROXIES; see client-address.ts). */
export const trustedProxies = parseTrustedProxies(env.PILLARS_TRUSTED_PROXIES);

/** X-Forwarded-Proto and X-Forwarded-Host when a trusted proxy sent them, else nulls. */
export function trustedForwarded(headers: Headers): Forwarded {
  return forwardedFrom(headers, trustedProxies);
}

/** The host the client asked for: a trusted proxy's X-Forwarded-Host, else the Host header. */
export function requestHost(headers: Headers): string | null {
  return trustedForwarded(headers).host ?? headers.get("host");
}

/**
 * The origin the client used (`https://pillars.example.com`), for links the app hands out: the protocol and host
 * a trusted proxy forwarded, else the request's own. PILLARS_PUBLIC_URL, where set, overrides it for links.
 */
export function requestOrigin(request: { url: string; headers: Headers }): string {
  const url = new URL(request.url);
  const forwarded = trustedForwarded(request.headers);
  const host = forwarded.host ?? request.headers.get("host") ?? url.host;
  try {
    return new URL(`${forwarded.proto ?? url.protocol.replace(/:$/, "")}://${host}`).origin;
  } catch {
    return url.origin;
  }
}
