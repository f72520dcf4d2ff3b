import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, formatDay, localDate, parseDay, periodLabel, weekStartOf, weeksBetween } from "./time";

/** What the memoised local date must equal: Intl formatting of the exact instant. */
const reference = new Map<string, Intl.DateTimeFormat>();
function intlDate(instant: Date, timeZone: string): string {
  let f = reference.get(timeZone);
  if (!f) reference.set(timeZone, (f = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" })));
  return f.format(instant);
}

const ZONES = ["UTC", "Europe/Berlin", "America/St_Johns", "Asia/Kolkata", "Asia/Kathmandu", "Pacific/Chatham", "Australia/Lord_Howe", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Sao_Paulo"];

describe("localDate", () => {
  it("agrees with Intl for any instant and zone, including half-hour DST and 45-minute offsets", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2045, 0, 1) }), fc.constantFrom(...ZONES), (ms, zone) => {
        const instant = new Date(ms);
        expect(localDate(instant, zone)).toBe(intlDate(instant, zone));
      }),
      { numRuns: 5_000, seed: 7 },
    );
  });

  it("agrees with Intl on both sides of every quarter hour around DST changes", () => {
    // Berlin 2026-03-29 01:00 UTC, Lord Howe 2026-04-04 15:00 UTC (a 30-minute change), St John's 2026-11-01 03:30 UTC.
    for (const [zone, change] of [["Europe/Berlin", "2026-03-29T01:00:00Z"], ["Australia/Lord_Howe", "2026-04-04T15:00:00Z"], ["America/St_Johns", "2026-11-01T03:30:00Z"]] as const) {
      for (let offset = -3 * 3600_000; offset <= 3 * 3600_000; offset += 60_000) {
        for (const edge of [-1, 0, 1]) {
          const instant = new Date(Date.parse(change) + offset + edge);
          expect(localDate(instant, zone), `${zone} ${instant.toISOString()}`).toBe(intlDate(instant, zone));
        }
      }
    }
  });

  it("gives the local Monday of the week", () => {
    expect(weekStartOf(new Date("2026-11-22T23:30:00Z"), "UTC")).toBe("2026-11-16");
    expect(weekStartOf(new Date("2026-11-22T23:30:00Z"), "Europe/Berlin")).toBe("2026-11-23");
    expect(weekStartOf(new Date("2026-11-23T04:00:00Z"), "America/Los_Angeles")).toBe("2026-11-16");
  });
});

describe("year boundaries", () => {
  it("puts New Year's days in the ISO week of their Monday, whichever year that starts in", () => {
    // 1 Jan 2027 is a Friday: its week began on Monday 28 Dec 2026 (ISO 2026-W53).
    expect(weekStartOf(new Date("2027-01-01T12:00:00Z"), "UTC")).toBe("2026-12-28");
    expect(periodLabel("2026-12-28", "week")).toBe("2026-W53");
    expect(periodLabel("2027-01-04", "week")).toBe("2027-W01");
    // 1 Jan 2021 (a Friday) belongs to 2020-W53; 31 Dec 2024 (a Tuesday) to 2025-W01.
    expect(periodLabel(weekStartOf(new Date("2021-01-01T00:00:00Z"), "UTC"), "week")).toBe("2020-W53");
    expect(periodLabel(weekStartOf(new Date("2024-12-31T00:00:00Z"), "UTC"), "week")).toBe("2025-W01");
  });

  it("turns the year by the organisation's zone, not UTC", () => {
    // 31 Dec 2028 23:30 UTC is already Monday 1 Jan 2029 in Berlin, still Sunday in Los Angeles.
    expect(weekStartOf(new Date("2028-12-31T23:30:00Z"), "Europe/Berlin")).toBe("2029-01-01");
    expect(weekStartOf(new Date("2028-12-31T23:30:00Z"), "America/Los_Angeles")).toBe("2028-12-25");
  });

  it("counts 53 Mondays in a 53-week ISO year and steps across the year end without a gap", () => {
    const weeks = weeksBetween("2026-12-21", "2027-01-11");
    expect(weeks).toEqual(["2026-12-21", "2026-12-28", "2027-01-04", "2027-01-11"]);
    expect(weeksBetween("2025-12-29", "2026-12-28")).toHaveLength(53);
  });
});

describe("days", () => {
  it("reads each day as its UTC midnight, a new Date each time, however often it is read", () => {
    const first = parseDay("2026-02-28");
    first.setUTCDate(1);
    expect(parseDay("2026-02-28").toISOString()).toBe("2026-02-28T00:00:00.000Z");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });

  it("refuses what is not a day, every time it is asked", () => {
    for (let i = 0; i < 2; i++) {
      expect(() => parseDay("2026-02-30")).toThrow(RangeError);
      expect(() => addDays("2026-13-01", 1)).toThrow(RangeError);
      expect(() => parseDay("26-02-01")).toThrow(RangeError);
    }
  });

  it("formats the UTC date of any instant, not only midnights", () => {
    expect(formatDay(new Date("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(formatDay(new Date("1969-12-31T12:00:00Z"))).toBe("1969-12-31");
    expect(() => formatDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});
