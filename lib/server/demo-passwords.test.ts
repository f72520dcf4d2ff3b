import { describe, expect, it } from "vitest";
import { demoPasswordRefusal, isLoopback, type DemoPasswordContext } from "./demo-passwords";

const local: DemoPasswordContext = { host: "127.0.0.1", nodeEnv: "development", databaseUrl: undefined, publicUrls: [], demoPasswords: undefined };

describe("where the demo's published passwords may be created", () => {
  it("allows a server on loopback, embedded or PostgreSQL in development", () => {
    expect(demoPasswordRefusal(local)).toBeNull();
    expect(demoPasswordRefusal({ ...local, host: undefined })).toBeNull();
    expect(demoPasswordRefusal({ ...local, host: "::1", databaseUrl: "postgresql://db/pillars" })).toBeNull();
    expect(demoPasswordRefusal({ ...local, publicUrls: [{ name: "PILLARS_PUBLIC_URL", value: "http://localhost:3000" }] })).toBeNull();
  });

  it.each(["0.0.0.0", "::", "192.168.1.20", "pillars.example.com"])("refuses a server listening on %s, saying why and what to do", (host) => {
    const refusal = demoPasswordRefusal({ ...local, host });
    expect(refusal).toContain(`it listens on ${host} (HOST)`);
    expect(refusal).toContain("PILLARS_SKIP_DEMO=1");
    expect(refusal).toContain("PILLARS_DEMO_PASSWORDS=allow");
  });

  it("refuses NODE_ENV=production with DATABASE_URL, and a public URL, even on loopback", () => {
    expect(demoPasswordRefusal({ ...local, nodeEnv: "production", databaseUrl: "postgresql://db/pillars" })).toContain("NODE_ENV=production on PostgreSQL");
    expect(demoPasswordRefusal({ ...local, nodeEnv: "production" })).toBeNull();
    expect(demoPasswordRefusal({ ...local, publicUrls: [{ name: "AUTH_URL", value: "https://pillars.example.com" }] })).toContain("published at https://pillars.example.com (AUTH_URL)");
  });

  it("allows anything when asked explicitly", () => {
    expect(demoPasswordRefusal({ host: "0.0.0.0", nodeEnv: "production", databaseUrl: "postgresql://db/p", publicUrls: [{ name: "AUTH_URL", value: "https://x.example" }], demoPasswords: "allow" })).toBeNull();
  });

  it("knows loopback addresses", () => {
    for (const host of ["localhost", "127.0.0.1", "127.8.9.10", "::1", "[::1]", "::ffff:127.0.0.1", "app.localhost"]) expect(isLoopback(host), host).toBe(true);
    for (const host of ["0.0.0.0", "::", "10.0.0.1", "128.0.0.1", "localhost.example.com", "::ffff:10.0.0.1"]) expect(isLoopback(host), host).toBe(false);
  });
});
