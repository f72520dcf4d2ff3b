import { describe, expect, it } from "vitest";
import { checkValue, movePct, noteRequired, rangeText, type ValueRules } from "./rules";

const percent: ValueRules = { unit: "percent", minValue: 0, maxValue: 100, integer: false, noteChangePct: 50 };
const count: ValueRules = { unit: "count", minValue: 0, maxValue: 10000, integer: true, noteChangePct: 50 };
const free: ValueRules = { unit: "hours", minValue: null, maxValue: null, integer: false, noteChangePct: 20 };

describe("checkValue", () => {
  it("accepts a value inside the range with no previous value", () => {
    expect(checkValue(percent, 87.5, null, null)).toEqual([]);
  });

  it("refuses a percentage above 100 even when the definition has no maximum", () => {
    const openPercent = { ...percent, maxValue: null };
    expect(checkValue(openPercent, 101, null, null)).toEqual([{ field: "value", message: "Must be between 0 and 100 (percent)." }]);
  });

  it("refuses values outside the definition's range", () => {
    expect(checkValue(count, -1, null, null)).toEqual([{ field: "value", message: "Must be between 0 and 10000." }]);
    expect(checkValue(count, 10001, null, null)[0].field).toBe("value");
  });

  it("refuses a decimal for a whole-number metric", () => {
    expect(checkValue(count, 2.5, null, null)).toEqual([{ field: "value", message: "Must be a whole number." }]);
  });

  it("reports both a range and an integer problem together", () => {
    expect(checkValue(count, -0.5, null, null).map((i) => i.message)).toEqual(["Must be between 0 and 10000.", "Must be a whole number."]);
  });

  it("asks for a note when the value moves more than the threshold from the previous one", () => {
    // 80 → 30 is a 62.5% drop, above the 50% threshold.
    expect(checkValue(percent, 30, 80, "")).toEqual([
      { field: "note", message: "Changed 63% from the previous value (80); add a note explaining why (more than 50% needs one)." },
    ]);
    expect(checkValue(percent, 30, 80, "two people on leave")).toEqual([]);
  });

  it("does not ask for a note at exactly the threshold", () => {
    // 80 → 40 is exactly 50%.
    expect(checkValue(percent, 40, 80, null)).toEqual([]);
  });

  it("does not ask for a note before fixing the value itself", () => {
    expect(checkValue(percent, 500, 10, null).map((i) => i.field)).toEqual(["value"]);
  });

  it("has no range text for an open metric", () => {
    expect(rangeText(free)).toBeNull();
    expect(checkValue(free, -12, null, null)).toEqual([]);
  });
});

describe("note rule", () => {
  it("measures the move relative to the previous value", () => {
    expect(movePct(12, 10)).toBeCloseTo(20);
    expect(movePct(-15, -10)).toBeCloseTo(50);
  });

  it("never requires a note after a zero or missing previous value", () => {
    expect(movePct(3, 0)).toBeNull();
    expect(noteRequired(count, 3, 0)).toBe(false);
    expect(noteRequired(count, 3, null)).toBe(false);
  });

  it("uses the threshold it is given", () => {
    expect(noteRequired(free, 12.5, 10)).toBe(true); // 25% > 20%
    expect(noteRequired(free, 11.5, 10)).toBe(false); // 15%
  });
});
