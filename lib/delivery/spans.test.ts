import { describe, expect, it } from "vitest";
import { spanMinutes } from "./spans";

describe("spanMinutes", () => {
  it("rounds partial minutes up", () => {
    expect(spanMinutes(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T10:00:02Z"))).toBe(1);
    expect(spanMinutes(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T11:00:00Z"))).toBe(60);
    expect(spanMinutes(new Date("2026-03-02T10:00:00Z"), new Date("2026-03-02T10:00:00Z"))).toBe(0);
  });

  it("is empty when a side is missing or the span is negative", () => {
    expect(spanMinutes(null, new Date("2026-03-02T10:00:00Z"))).toBeNull();
    expect(spanMinutes(new Date("2026-03-02T10:00:00Z"), undefined)).toBeNull();
    expect(spanMinutes(new Date("2026-03-02T10:00:01Z"), new Date("2026-03-02T10:00:00Z"))).toBeNull();
  });
});
