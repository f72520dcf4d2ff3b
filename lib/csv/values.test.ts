import { describe, expect, it } from "vitest";
import { detectDecimalSeparator, parseBoolean, parseInteger, parseNumber, parsePercent } from "./values";

const comma = { decimal: "," } as const;

describe("parseNumber", () => {
  it.each([
    ["1234.5", 1234.5],
    [" 42 ", 42],
    ["-3.5", -3.5],
    ["+7", 7],
    [".5", 0.5],
    ["1,234.5", 1234.5],
    ["1,234,567", 1234567],
    ["1 234.5", 1234.5],
    ["1.2E+3", 1200],
    ["\u22122", -2],
    ["-0", 0],
  ])("reads %s with a decimal point", (raw, expected) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ["1234,5", 1234.5],
    ["1.234,5", 1234.5],
    ["1.234", 1234],
    ["1.234.567,25", 1234567.25],
    ["1\u00a0234,5", 1234.5],
    ["-0,75", -0.75],
  ])("reads %s with a decimal comma", (raw, expected) => {
    expect(parseNumber(raw, comma)).toEqual({ ok: true, value: expected });
  });

  it("refuses values written for the other decimal separator instead of misreading them", () => {
    expect(parseNumber("1,5")).toEqual({ ok: false, error: '"1,5" is not a number (this file writes numbers like 1234.5 or 1,234.5).' });
    expect(parseNumber("1.5", comma)).toEqual({ ok: false, error: '"1.5" is not a number (this file writes numbers like 1234,5 or 1.234,5).' });
    expect(parseNumber("1,23,456").ok).toBe(false);
    expect(parseNumber("1,234 567").ok).toBe(false); // mixed group separators
  });

  it("refuses empty cells and text", () => {
    expect(parseNumber("  ")).toEqual({ ok: false, error: "A number is required but the cell is empty." });
    for (const raw of ["abc", "12abc", "$5", "-", ".", "5.", "1e", "NaN", "Infinity"]) expect(parseNumber(raw).ok).toBe(false);
  });

  it("refuses numbers too large to represent", () => {
    expect(parseNumber("1e999")).toEqual({ ok: false, error: '"1e999" is too large to be a number.' });
  });
});

describe("parseInteger", () => {
  it("reads whole numbers with group separators", () => {
    expect(parseInteger("1,200")).toEqual({ ok: true, value: 1200 });
    expect(parseInteger("1.200", comma)).toEqual({ ok: true, value: 1200 });
  });

  it("refuses fractions", () => {
    expect(parseInteger("2.5")).toEqual({ ok: false, error: '"2.5" must be a whole number.' });
  });
});

describe("parsePercent", () => {
  it("returns percent points", () => {
    expect(parsePercent("85%")).toEqual({ ok: true, value: 85 });
    expect(parsePercent("85 %")).toEqual({ ok: true, value: 85 });
    expect(parsePercent("12.5")).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent("12,5%", comma)).toEqual({ ok: true, value: 12.5 });
    expect(parsePercent("-4%")).toEqual({ ok: true, value: -4 });
  });

  it("explains a bad percentage", () => {
    expect(parsePercent("85%%")).toEqual({ ok: false, error: '"85%%" is not a percentage (expected e.g. 85% or 12.5%).' });
    expect(parsePercent("")).toEqual({ ok: false, error: "A percentage is required but the cell is empty." });
  });
});

describe("parseBoolean", () => {
  it.each([
    ["yes", true],
    ["Y", true],
    ["TRUE", true],
    ["1", true],
    [" no ", false],
    ["n", false],
    ["False", false],
    ["0", false],
  ])("reads %s", (raw, expected) => {
    expect(parseBoolean(raw)).toEqual({ ok: true, value: expected });
  });

  it("refuses anything else", () => {
    expect(parseBoolean("maybe")).toEqual({ ok: false, error: '"maybe" is not a yes/no value (use yes/no, true/false, y/n or 1/0).' });
    expect(parseBoolean("").ok).toBe(false);
  });
});

describe("detectDecimalSeparator", () => {
  it("is a point for comma-delimited files whatever the values", () => {
    expect(detectDecimalSeparator(["3,5"], ",")).toBe(".");
  });

  it("defaults to a comma for semicolon files", () => {
    expect(detectDecimalSeparator(["team", "12", "1.234", "1,234"], ";")).toBe(",");
  });

  it("follows values that can only be read one way", () => {
    expect(detectDecimalSeparator(["12,5", "3", "1.234,56"], ";")).toBe(",");
    expect(detectDecimalSeparator(["12.5", "3.25", "85.5%"], ";")).toBe(".");
    expect(detectDecimalSeparator(["1,234.5"], ";")).toBe(".");
    // dates and versions are not numbers
    expect(detectDecimalSeparator(["01.02.2025", "1.2.3"], ";")).toBe(",");
  });

  it("takes the majority when values disagree", () => {
    expect(detectDecimalSeparator(["1.5", "2.5", "3,5"], ";")).toBe(".");
    expect(detectDecimalSeparator(["1.5", "2,5", "3,5"], ";")).toBe(",");
  });
});
