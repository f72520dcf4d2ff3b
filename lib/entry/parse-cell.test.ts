import { describe, expect, it } from "vitest";
import { parseCellInput } from "./parse-cell";

describe("parseCellInput", () => {
  it("reads plain and grouped numbers", () => {
    expect(parseCellInput(" 42 ", "count")).toEqual({ kind: "number", value: 42 });
    expect(parseCellInput("1,234.5", "hours")).toEqual({ kind: "number", value: 1234.5 });
  });

  it("accepts a percent sign in percent cells", () => {
    expect(parseCellInput("85%", "percent")).toEqual({ kind: "number", value: 85 });
    expect(parseCellInput("12.5", "percent")).toEqual({ kind: "number", value: 12.5 });
  });

  it("treats blank input as empty and words as invalid", () => {
    expect(parseCellInput("   ", "count")).toEqual({ kind: "empty" });
    expect(parseCellInput("lots", "count").kind).toBe("invalid");
    expect(parseCellInput("85%", "count").kind).toBe("invalid");
  });
});
