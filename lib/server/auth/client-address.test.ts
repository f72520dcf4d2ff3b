import { describe, expect, it } from "vitest";
import { clientAddressFrom, forwardedFrom, normalizeHop, parseTrustedProxies, TrustedProxiesError } from "./client-address";

const forwarded = (value: string | null) => new Headers(value === null ? {} : { "x-forwarded-for": value });

describe("PILLARS_TRUSTED_PROXIES", () => {
  it("trusts loopback only when unset or empty", () => {
    for (const setting of [undefined, "", "  "]) {
      const trusted = parseTrustedProxies(setting);
      expect(["127.0.0.1", "127.8.9.10", "::1"].every((a) => trusted.has(a))).toBe(true);
      expect(["10.0.0.1", "192.168.1.1", "::2", "8.8.8.8"].some((a) => trusted.has(a))).toBe(false);
    }
  });

  it("trusts nothing with `none`", () => {
    const trusted = parseTrustedProxies("none");
    expect(trusted.has("127.0.0.1")).toBe(false);
    expect(trusted.has("::1")).toBe(false);
  });

  it("reads addresses and CIDR ranges, IPv4 and IPv6, with spaces", () => {
    const trusted = parseTrustedProxies(" 10.0.0.0/8, 192.168.1.10 ,fd00::/8, 2001:db8::1 ");
    expect(["10.1.2.3", "192.168.1.10", "fd12::5", "2001:db8::1"].every((a) => trusted.has(a))).toBe(true);
    expect(["11.0.0.1", "192.168.1.11", "fe80::1", "2001:db8::2", "127.0.0.1", "not-an-address"].some((a) => trusted.has(a))).toBe(false);
  });

  it.each(["10.0.0.0/33", "fd00::/129", "10.0.0.0/x", "10.0.0/8", "proxy.internal", "10.0.0.1/8/2", "/8", "1.2.3.4/-1"])("refuses %s, naming it", (setting) => {
    expect(() => parseTrustedProxies(setting)).toThrow(TrustedProxiesError);
    expect(() => parseTrustedProxies(setting)).toThrow(`"${setting}" is not an IP address or a CIDR range`);
  });
});

describe("the client address", () => {
  const loopback = parseTrustedProxies(undefined);
  const behindBalancer = parseTrustedProxies("10.0.0.0/8, 127.0.0.1");
  const none = parseTrustedProxies("none");

  it("is the socket peer (the last hop, appended by the server) when that peer is not trusted", () => {
    expect(clientAddressFrom(forwarded("203.0.113.7"), loopback)).toBe("203.0.113.7");
    // A client forging the header from outside only adds entries to the left of its real address.
    expect(clientAddressFrom(forwarded("1.1.1.1, 203.0.113.7"), loopback)).toBe("203.0.113.7");
    expect(clientAddressFrom(forwarded("127.0.0.1, 203.0.113.7"), loopback)).toBe("203.0.113.7");
  });

  it("takes the right-most untrusted hop behind trusted proxies", () => {
    // client → load balancer 10.0.0.5 → local proxy 127.0.0.1 → Pillars
    expect(clientAddressFrom(forwarded("198.51.100.4, 10.0.0.5, 127.0.0.1"), behindBalancer)).toBe("198.51.100.4");
    // The client prepended a fake address; the balancer appended the real one.
    expect(clientAddressFrom(forwarded("6.6.6.6, 198.51.100.4, 10.0.0.5"), behindBalancer)).toBe("198.51.100.4");
  });

  it("believes nothing forwarded when no proxy is trusted", () => {
    expect(clientAddressFrom(forwarded("198.51.100.4, 127.0.0.1"), none)).toBe("127.0.0.1");
  });

  it("is the left-most hop when every hop is trusted, and null without the header", () => {
    expect(clientAddressFrom(forwarded("127.0.0.1"), loopback)).toBe("127.0.0.1");
    expect(clientAddressFrom(forwarded("10.0.0.9, 127.0.0.1"), behindBalancer)).toBe("10.0.0.9");
    expect(clientAddressFrom(forwarded(null), loopback)).toBeNull();
    expect(clientAddressFrom(forwarded(" , "), loopback)).toBeNull();
  });

  it("normalises ports, brackets, quotes and IPv4-mapped IPv6", () => {
    expect(normalizeHop(" 203.0.113.7:51234 ")).toBe("203.0.113.7");
    expect(normalizeHop("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeHop('"::ffff:127.0.0.1"')).toBe("127.0.0.1");
    expect(clientAddressFrom(forwarded("203.0.113.7, ::ffff:127.0.0.1"), loopback)).toBe("203.0.113.7");
  });
});

describe("X-Forwarded-Proto and X-Forwarded-Host", () => {
  const loopback = parseTrustedProxies(undefined);
  const headers = (xff: string | null, extra: Record<string, string>) => new Headers({ ...(xff === null ? {} : { "x-forwarded-for": xff }), ...extra });
  const claims = { "x-forwarded-proto": "https", "x-forwarded-host": "pillars.example.com" };

  it("are believed from a trusted proxy (the peer our server appended)", () => {
    expect(forwardedFrom(headers("203.0.113.7, 127.0.0.1", claims), loopback)).toEqual({ proto: "https", host: "pillars.example.com" });
    // The first value is the one the outermost proxy set.
    expect(forwardedFrom(headers("127.0.0.1", { "x-forwarded-proto": "http, https", "x-forwarded-host": "a.example, b.example" }), loopback)).toEqual({ proto: "http", host: "a.example" });
  });

  it("are ignored from any other peer, whatever X-Forwarded-For claims to its left", () => {
    expect(forwardedFrom(headers("203.0.113.7", claims), loopback)).toEqual({ proto: null, host: null });
    expect(forwardedFrom(headers("127.0.0.1, 203.0.113.7", claims), loopback)).toEqual({ proto: null, host: null });
    expect(forwardedFrom(headers(null, claims), loopback)).toEqual({ proto: null, host: null });
    expect(forwardedFrom(headers("127.0.0.1", claims), parseTrustedProxies("none"))).toEqual({ proto: null, host: null });
  });

  it("take only http or https as the protocol", () => {
    expect(forwardedFrom(headers("127.0.0.1", { "x-forwarded-proto": "javascript" }), loopback).proto).toBeNull();
  });
});
