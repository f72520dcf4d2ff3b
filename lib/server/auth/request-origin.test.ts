import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { withBrowserOrigin } from "./request-origin";

describe("withBrowserOrigin", () => {
  it("gives Auth.js's endpoints the origin the browser used, as its server-side sign-in sees it", async () => {
    const request = new NextRequest("http://localhost:3000/api/auth/callback/oidc?code=x", { headers: { host: "pillars.internal:3000" } });
    expect(withBrowserOrigin(request).url).toBe("http://pillars.internal:3000/api/auth/callback/oidc?code=x");
    const proxied = new NextRequest("http://localhost:3000/api/auth/session", {
      headers: { host: "localhost:3000", "x-forwarded-host": "pillars.example.com", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7, 127.0.0.1" },
    });
    expect(withBrowserOrigin(proxied).url).toBe("https://pillars.example.com/api/auth/session");
    // The same claims from a client that is not a trusted proxy are its own: ignored.
    const forged = new NextRequest("http://localhost:3000/api/auth/session", {
      headers: { host: "pillars.internal:3000", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", "x-forwarded-for": "203.0.113.7" },
    });
    expect(withBrowserOrigin(forged).url).toBe("http://pillars.internal:3000/api/auth/session");
    const posted = new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", headers: { host: "pillars.internal:3000", "content-type": "application/x-www-form-urlencoded" }, body: "email=a%40b.io" });
    const rebuilt = withBrowserOrigin(posted);
    expect([rebuilt.url, rebuilt.method, await rebuilt.text()]).toEqual(["http://pillars.internal:3000/api/auth/callback/credentials", "POST", "email=a%40b.io"]);
  });

  it("keeps the request as it is when the headers agree or make no address", () => {
    const same = new Request("http://pillars.internal:3200/api/auth/csrf", { headers: { host: "pillars.internal:3200" } });
    expect(withBrowserOrigin(same)).toBe(same);
    // A NextRequest calls 127.0.0.1 "localhost"; the browser's address is kept as the browser wrote it.
    const loopback = new NextRequest("http://127.0.0.1:3200/api/auth/csrf", { headers: { host: "127.0.0.1:3200" } });
    expect(withBrowserOrigin(loopback).url).toBe("http://127.0.0.1:3200/api/auth/csrf");
    const broken = new NextRequest("http://localhost:3000/api/auth/csrf", { headers: { host: "bad host/with spaces" } });
    expect(withBrowserOrigin(broken).url).toBe("http://localhost:3000/api/auth/csrf");
  });
});
