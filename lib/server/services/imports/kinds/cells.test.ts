import { describe, expect, it } from "vitest";
import { isoWeekMonday, parseWeek, RowReader } from "./cells";

const UTC = { timeZone: "UTC" };

describe("parseWeek", () => {
  it("reads ISO weeks, including week 53 only in years that have one", () => {
    expect(parseWeek("2026-W07", UTC)).toEqual({ ok: true, value: "2026-02-09" });
    expect(parseWeek("2026W01", UTC)).toEqual({ ok: true, value: "2025-12-29" }); // ISO week 1 of 2026 starts in 2025
    expect(isoWeekMonday(2020, 53)).toBe("2020-12-28");
    expect(isoWeekMonday(2026, 53)).toBe("2026-12-28"); // 2026 starts on a Thursday: 53 weeks
    expect(isoWeekMonday(2025, 53)).toBeNull();
    expect(parseWeek("2025-W53", UTC)).toEqual({ ok: false, error: '"2025-W53" is not a week of 2025 (ISO weeks run from W01 to W52 or W53).' });
  });

  it("takes any date to its Monday, and a date-time to its Monday in the organisation's zone", () => {
    expect(parseWeek("2026-02-15", UTC)).toEqual({ ok: true, value: "2026-02-09" }); // a Sunday
    expect(parseWeek("46068", UTC)).toEqual({ ok: true, value: "2026-02-09" }); // Excel serial for 2026-02-12
    // Sunday 23:30 UTC is already Monday in Berlin.
    expect(parseWeek("2026-02-15T23:30:00Z", { timeZone: "Europe/Berlin" })).toEqual({ ok: true, value: "2026-02-16" });
    expect(parseWeek("2026-02-15T23:30:00Z", UTC)).toEqual({ ok: true, value: "2026-02-09" });
    expect(parseWeek("15.02.2026", UTC)).toEqual({ ok: true, value: "2026-02-09" });
  });

  it("explains what it could not read", () => {
    const result = parseWeek("next week", UTC);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain("or give an ISO week such as 2026-W07");
  });
});

describe("RowReader", () => {
  it("collects every problem of a row and reads numbers in the file's format", () => {
    const cells: Record<string, string> = { value: "1.234,5", count: "-2", when: "31/02/2026" };
    const row = new RowReader((f) => cells[f], { decimal: ",", timeZone: "UTC" });
    expect(row.number("value")).toBe(1234.5);
    expect(row.number("count", { integer: true, min: 0 })).toBeNull();
    expect(row.date("when")).toBeNull();
    expect(row.required("missing", "The team")).toBeNull();
    expect(row.issues.map((i) => i.field)).toEqual(["count", "when", "missing"]);
    expect(row.issues[0].message).toBe("Must be at least 0.");
  });

  it("takes off the quote an export put before a formula character", () => {
    const row = new RowReader((f) => ({ a: "'=SUM(A1)", b: "'plain", c: "'-3" })[f], { decimal: ".", timeZone: "UTC" });
    expect([row.text("a"), row.text("b"), row.text("c")]).toEqual(["=SUM(A1)", "'plain", "-3"]);
  });
});
