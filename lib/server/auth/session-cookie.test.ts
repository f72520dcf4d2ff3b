import { describe, expect, it } from "vitest";
import { isSessionCookieName, SESSION_COOKIE_NAMES } from "./session-cookie";

describe("isSessionCookieName", () => {
  it("knows the session cookie over HTTP and HTTPS, whole or in chunks", () => {
    for (const name of [...SESSION_COOKIE_NAMES, "authjs.session-token.0", "__Secure-authjs.session-token.1"]) expect(isSessionCookieName(name), name).toBe(true);
    for (const name of ["authjs.csrf-token", "__Host-authjs.csrf-token", "x-authjs.session-token", "authjs.session-token.x"]) expect(isSessionCookieName(name), name).toBe(false);
  });
});
