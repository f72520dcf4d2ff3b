import { describe, expect, it } from "vitest";
import { API_CSP, baseSecurityHeaders, cameOverHttps, contentSecurityPolicy, createNonce, nonceOf } from "./headers";

function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
}

describe("content security policy", () => {
  it("allows scripts only with the request's nonce, never inline", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123==" });
    const scripts = directives(policy).get("script-src")!;
    expect(scripts).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    expect(nonceOf(policy)).toBe("abc123==");
  });

  it("forbids framing, plugins and foreign form targets", () => {
    const d = directives(contentSecurityPolicy({ nonce: "n" }));
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
  });

  it("upgrades insecure requests only over HTTPS, and relaxes eval only in development", () => {
    expect(contentSecurityPolicy({ nonce: "n" })).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
    expect(directives(contentSecurityPolicy({ nonce: "n", dev: true })).get("script-src")).toContain("'unsafe-eval'");
  });

  it("gives every request a different, unguessable nonce", () => {
    const nonces = new Set(Array.from({ length: 50 }, () => createNonce()));
    expect(nonces.size).toBe(50);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });

  it("locks API responses down completely", () => {
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe("base headers", () => {
  it("sends HSTS only over HTTPS", () => {
    expect(baseSecurityHeaders()).not.toHaveProperty("Strict-Transport-Security");
    expect(baseSecurityHeaders({ https: true })["Strict-Transport-Security"]).toMatch(/^max-age=31536000/);
    expect(baseSecurityHeaders()).toMatchObject({ "X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin" });
  });

  it("trusts the forwarded protocol of a trusted load balancer over the local one", () => {
    const http = new URL("http://127.0.0.1/");
    expect(cameOverHttps(http, "https")).toBe(true);
    expect(cameOverHttps(http, "http")).toBe(false);
    expect(cameOverHttps(http, null)).toBe(false);
    expect(cameOverHttps(new URL("https://pillars.example/"), null)).toBe(true);
  });
});
