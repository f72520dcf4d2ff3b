import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps same-origin paths with their query", () => {
    expect(safeCallbackUrl("/teams/alpha")).toBe("/teams/alpha");
    expect(safeCallbackUrl("/?scope=team%3At1&range=1y")).toBe("/?scope=team%3At1&range=1y");
  });

  it("rejects other origins and tricks that browsers treat as one", () => {
    for (const raw of ["https://evil.example", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "teams", "/a\\b", "/x\nLocation: y"]) {
      expect(safeCallbackUrl(raw)).toBe("/");
    }
  });

  it("falls back for missing, oversized or looping values", () => {
    expect(safeCallbackUrl(undefined)).toBe("/");
    expect(safeCallbackUrl(["/teams"])).toBe("/");
    expect(safeCallbackUrl(`/${"a".repeat(3000)}`)).toBe("/");
    expect(safeCallbackUrl("/sign-in?callbackUrl=/x")).toBe("/");
    expect(safeCallbackUrl("", "/admin")).toBe("/admin");
  });
});
