import { BlockList, isIP } from "node:net";

/**
 * Which address a request came from, for per-address sign-in throttling. X-Forwarded-For is a list any
 * client can start; each proxy appends the address it received the request from, and Pillars' own server
 * (scripts/serve.mjs) appends the socket's peer last. So the list is read from the right: hops that are
 * trusted proxies are skipped, and the first one that is not is the client. A forged entry can only sit to
 * the left of that hop, where it is never read. With no trusted proxy at all, the client is the socket peer.
 *
 * PILLARS_TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (IPv4 or IPv6); `none` trusts nothing;
 * unset, loopback only (a reverse proxy on the same machine).
 */
export const LOOPBACK = "127.0.0.0/8, ::1/128";

export interface TrustedProxies {
  has(address: string): boolean;
}

export class TrustedProxiesError extends Error {}

/** Parses the setting; throws TrustedProxiesError naming the entry that is not an address or a range. */
export function parseTrustedProxies(setting: string | undefined): TrustedProxies {
  const value = setting?.trim() || LOOPBACK;
  const list = new BlockList();
  if (value.toLowerCase() !== "none") {
    for (const entry of value.split(",").map((e) => e.trim()).filter(Boolean)) {
      const [address = "", prefix, extra] = entry.split("/");
      const family = isIP(address);
      const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
      if (!family || extra !== undefined || !Number.isInteger(bits) || bits < 0 || bits > (family === 6 ? 128 : 32) || (prefix !== undefined && !/^\d+$/.test(prefix))) {
        throw new TrustedProxiesError(`"${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.0/8, 192.168.1.10, fd00::/8)`);
      }
      list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
    }
  }
  return {
    has(address: string) {
      const family = isIP(address);
      return family !== 0 && list.check(address, family === 6 ? "ipv6" : "ipv4");
    },
  };
}

/** One hop as written in a header: `1.2.3.4`, `1.2.3.4:5678`, `[::1]:443`, `::ffff:1.2.3.4` → the bare address. */
export function normalizeHop(hop: string): string {
  let value = hop.trim().replace(/^"|"$/g, "");
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(value);
  return (mapped ? mapped[1]! : value).toLowerCase();
}

/** The right-most hop of X-Forwarded-For that is not a trusted proxy (the left-most when all are), or null. */
export function clientAddressFrom(headers: Headers, trusted: TrustedProxies): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalizeHop).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    if (!trusted.has(hops[i]!)) return hops[i]!;
  }
  return hops[0] ?? null;
}

/** The peer that handed us the request: the right-most X-Forwarded-For hop (our server appends it), or null. */
export function peerFrom(headers: Headers): string | null {
  const hops = (headers.get("x-forwarded-for") ?? "").split(",").map(normalizeHop).filter(Boolean);
  return hops[hops.length - 1] ?? null;
}

export interface Forwarded {
  /** `https` or `http`, as the client reached the first proxy; null when not believed or not sent. */
  proto: string | null;
  /** The host the client asked the first proxy for; null when not believed or not sent. */
  host: string | null;
}

/**
 * X-Forwarded-Proto and X-Forwarded-Host are believed only when the peer that handed us the request is a
 * trusted proxy (PILLARS_TRUSTED_PROXIES, as for X-Forwarded-For): from anyone else they are the client's own
 * claim — "this came over HTTPS", "I am pillars.example.com" — and are ignored, so a client cannot choose the
 * address links are built from, pass the same-origin check for another host, or turn HSTS on or off.
 */
export function forwardedFrom(headers: Headers, trusted: TrustedProxies): Forwarded {
  const peer = peerFrom(headers);
  if (!peer || !trusted.has(peer)) return { proto: null, host: null };
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || null;
  const proto = first("x-forwarded-proto")?.toLowerCase() ?? null;
  return { proto: proto === "https" || proto === "http" ? proto : null, host: first("x-forwarded-host") };
}
