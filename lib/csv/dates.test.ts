import { describe, expect, it } from "vitest";
import { detectDayOrder, excelSerialToDate, parseDate, parseDateTime } from "./dates";

function instant(raw: string, format?: Parameters<typeof parseDateTime>[1]): string {
  const result = parseDateTime(raw, format);
  if (!result.ok) throw new Error(result.error);
  return result.value.toISOString();
}

describe("parseDate", () => {
  it.each([
    ["2025-01-31", "2025-01-31"],
    ["2025-1-5", "2025-01-05"],
    ["2025/01/31", "2025-01-31"],
    ["20250131", "2025-01-31"],
    ["2025-01-31T23:30:00-05:00", "2025-01-31"],
    ["2025-01-31 00:00:00", "2025-01-31"],
    ["31.01.2025", "2025-01-31"],
    ["02.03.2025", "2025-03-02"],
    ["31/01/2025", "2025-01-31"],
    ["01/31/2025", "2025-01-31"],
    ["05/05/2025", "2025-05-05"],
    ["2024-02-29", "2024-02-29"],
  ])("reads %s as %s", (raw, expected) => {
    expect(parseDate(raw)).toEqual({ ok: true, value: expected });
  });

  it("refuses an ambiguous day/month order, naming both readings", () => {
    expect(parseDate("03/04/2025")).toEqual({
      ok: false,
      error:
        '"03/04/2025" could be 3 April or March 4. Choose the date format of the file (DD/MM/YYYY or MM/DD/YYYY), or write dates as YYYY-MM-DD.',
    });
  });

  it("reads ambiguous values with a configured order", () => {
    expect(parseDate("03/04/2025", { dayOrder: "DMY" })).toEqual({ ok: true, value: "2025-04-03" });
    expect(parseDate("03/04/2025", { dayOrder: "MDY" })).toEqual({ ok: true, value: "2025-03-04" });
    expect(parseDate("3-4-2025 14:00", { dayOrder: "MDY" })).toEqual({ ok: true, value: "2025-03-04" });
  });

  it("refuses a value that contradicts the configured order", () => {
    expect(parseDate("13/04/2025", { dayOrder: "MDY" })).toEqual({ ok: false, error: '"13/04/2025" is not a real date.' });
  });

  it("refuses impossible dates and two-digit years", () => {
    expect(parseDate("2025-02-29")).toEqual({ ok: false, error: '"2025-02-29" is not a real date.' });
    expect(parseDate("2025-13-01").ok).toBe(false);
    expect(parseDate("31/31/2025")).toEqual({ ok: false, error: '"31/31/2025" is not a real date.' });
    expect(parseDate("31/01/25")).toEqual({ ok: false, error: '"31/01/25" has a two-digit year; write the year in full (e.g. 2025).' });
  });

  it("refuses text and empty cells", () => {
    expect(parseDate("next Tuesday")).toEqual({ ok: false, error: '"next Tuesday" is not a date. Use YYYY-MM-DD, e.g. 2025-01-31.' });
    expect(parseDate("")).toEqual({ ok: false, error: "A date is required but the cell is empty." });
    expect(parseDate("2025-01-31 25:00").ok).toBe(false);
  });
});

describe("Excel serial dates", () => {
  it.each([
    [45658, "2025-01-01"],
    [45688, "2025-01-31"],
    [43831, "2020-01-01"],
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [2958465, "9999-12-31"],
    [45658.75, "2025-01-01"],
  ])("reads %s as %s", (serial, expected) => {
    expect(excelSerialToDate(serial)).toEqual({ ok: true, value: expected });
    expect(parseDate(String(serial))).toEqual({ ok: true, value: expected });
  });

  it("refuses Excel's phantom 29 February 1900 and out-of-range serials", () => {
    expect(excelSerialToDate(60)).toEqual({
      ok: false,
      error: `"60" is Excel's 29 February 1900, a day that does not exist. Enter the date as YYYY-MM-DD.`,
    });
    expect(parseDate("0").ok).toBe(false);
    expect(parseDate("2958466").ok).toBe(false);
  });

  it("reads the fraction as the time of day in the organisation's zone", () => {
    expect(instant("45658.75")).toBe("2025-01-01T18:00:00.000Z");
    expect(instant("45658.5", { timeZone: "Europe/Paris" })).toBe("2025-01-01T11:00:00.000Z");
  });
});

describe("parseDateTime", () => {
  it("uses the offset a value names", () => {
    expect(instant("2025-01-31T09:15:00Z")).toBe("2025-01-31T09:15:00.000Z");
    expect(instant("2025-01-31T09:15:00+02:00", { timeZone: "America/New_York" })).toBe("2025-01-31T07:15:00.000Z");
    expect(instant("2025-01-31 09:15:00.250-0130")).toBe("2025-01-31T10:45:00.250Z");
  });

  it("reads values without an offset as wall time in the given zone", () => {
    expect(instant("2025-07-01 09:00", { timeZone: "Europe/Berlin" })).toBe("2025-07-01T07:00:00.000Z");
    expect(instant("2025-01-01", { timeZone: "Europe/Berlin" })).toBe("2024-12-31T23:00:00.000Z");
    expect(instant("1/31/2025 3:04 PM", { timeZone: "America/New_York" })).toBe("2025-01-31T20:04:00.000Z");
    expect(instant("31/01/2025 12:00 AM")).toBe("2025-01-31T00:00:00.000Z");
  });

  it("resolves wall times at DST changes like Temporal's compatible rule", () => {
    // New York, 9 March 2025: 02:00 EST jumps to 03:00 EDT, so 02:30 is read as 03:30 EDT.
    expect(instant("2025-03-09 02:30", { timeZone: "America/New_York" })).toBe("2025-03-09T07:30:00.000Z");
    // 2 November 2025: 01:30 happens twice; the first (EDT) is taken.
    expect(instant("2025-11-02 01:30", { timeZone: "America/New_York" })).toBe("2025-11-02T05:30:00.000Z");
    expect(instant("2025-11-02 03:00", { timeZone: "America/New_York" })).toBe("2025-11-02T08:00:00.000Z");
    expect(instant("2025-03-09 12:00", { timeZone: "America/New_York" })).toBe("2025-03-09T16:00:00.000Z");
  });

  it("refuses impossible times", () => {
    expect(parseDateTime("2025-01-31 13:00 PM")).toEqual({ ok: false, error: '"2025-01-31 13:00 PM" has an impossible time.' });
    expect(parseDateTime("2025-01-31 12:60").ok).toBe(false);
    expect(parseDateTime("2025-01-31 noon")).toEqual({
      ok: false,
      error: '"2025-01-31 noon" has a time that could not be read; use e.g. 2025-01-31 14:30 or 2025-01-31T14:30:00Z.',
    });
  });
});

describe("detectDayOrder", () => {
  it("settles the order from values with a part above 12", () => {
    expect(detectDayOrder(["03/04/2025", "13/04/2025"])).toBe("DMY");
    expect(detectDayOrder(["03/04/2025", "04/13/2025", ""])).toBe("MDY");
  });

  it("is null when nothing settles it or the values disagree", () => {
    expect(detectDayOrder(["03/04/2025", "2025-01-31", "31.01.2025"])).toBeNull();
    expect(detectDayOrder(["13/04/2025", "04/13/2025"])).toBeNull();
  });
});
