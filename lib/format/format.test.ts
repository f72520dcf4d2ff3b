import { describe, expect, it } from "vitest";
import {
  changeTone,
  currencySymbol,
  durationAxis,
  formatChange,
  formatCount,
  formatQuantity,
  formatDate,
  formatDateRange,
  formatDateTime,
  formatDifference,
  formatDuration,
  formatDurationTick,
  formatEnps,
  formatIsoWeek,
  formatMoney,
  formatNumber,
  formatPercent,
  formatTick,
  formatValue,
  orEmpty,
  valueAxis,
  valueStyle,
} from "./index";

const GBP = { currency: "GBP" };
const MINUS = "\u2212";

describe("numbers", () => {
  it("separates thousands and never prints a hyphen for a negative", () => {
    expect(formatNumber(1670)).toBe("1,670");
    expect(formatNumber(1234567.8, 1)).toBe("1,234,567.8");
    expect(formatNumber(-1400)).toBe(`${MINUS}1,400`);
    expect(formatNumber(-0.2)).toBe("0");
    expect(formatCount(3.44)).toBe("3.4");
    expect(formatCount(1717)).toBe("1,717");
    expect([formatQuantity(1, "team"), formatQuantity(0, "team"), formatQuantity(12, "team"), formatQuantity(1204, "value")]).toEqual(["1 team", "0 teams", "12 teams", "1,204 values"]);
    expect([formatQuantity(1, "person", "people"), formatQuantity(3, "person", "people")]).toEqual(["1 person", "3 people"]);
  });

  it("gives percentages one fixed decimal", () => {
    expect(formatPercent(8)).toBe("8.0%");
    expect(formatPercent(45.46)).toBe("45.5%");
    expect(formatPercent(100)).toBe("100.0%");
  });

  it("writes eNPS as a signed integer", () => {
    expect(formatEnps(30.39)).toBe("+30");
    expect(formatEnps(30.5)).toBe("+31");
    expect(formatEnps(-36.2)).toBe(`${MINUS}36`);
    expect(formatEnps(0.3)).toBe("0");
    expect(formatValue(-36.2, valueStyle({ key: "enps", unit: "score" }), GBP)).toBe(`${MINUS}36`);
    expect(valueStyle({ key: "psych_safety", unit: "score" })).toBe("score");
  });

  it("writes money in the organisation's currency, compact from 10,000 on", () => {
    expect(formatMoney(202_040, "GBP")).toBe("£202K");
    expect(formatMoney(15_077, "GBP")).toBe("£15.1K");
    expect(formatMoney(9_500, "GBP")).toBe("£9,500");
    // The threshold itself is compact ("at or above"); one unit below it is not.
    expect(formatMoney(10_000, "GBP")).toBe("£10K");
    expect(formatMoney(9_999, "GBP")).toBe("£9,999");
    expect(formatMoney(1_234_567, "EUR")).toBe("€1.23M");
    expect(formatMoney(203, "USD")).toBe("$203");
    expect(formatMoney(-2_500, "JPY")).toBe(`${MINUS}¥2,500`);
    expect(formatValue(178, "currency", GBP)).toBe("£178");
    expect(currencySymbol("GBP")).toBe("£");
    expect(currencySymbol("EUR")).toBe("€");
  });
});

describe("absent values", () => {
  it("read as an em dash, never as 0, while a real 0 reads as 0", () => {
    expect(orEmpty(null, formatCount)).toBe("—");
    expect(orEmpty(undefined, formatCount)).toBe("—");
    expect(orEmpty(0, formatCount)).toBe("0");
    expect(orEmpty(-36.2, formatEnps)).toBe(`${MINUS}36`);
  });
});

describe("summed counts", () => {
  it("show a month's deployments whole, although a straddling week's share of it is fractional", () => {
    const style = valueStyle({ key: "deployments", unit: "count", aggregation: "SUM" });
    expect(style).toBe("total");
    expect(formatValue(43.7, style, GBP)).toBe("44");
    expect(formatChange(style, 44, 40, GBP)?.text).toBe("+10%");
    // A count that is not a sum (a mean per week) keeps its decimal.
    expect(formatValue(3.4, valueStyle({ key: "x", unit: "count", aggregation: "MEAN" }), GBP)).toBe("3.4");
  });
});

describe("durations", () => {
  it("reads minutes under 2 h, hours under 2 days, then days", () => {
    expect(formatDuration(0)).toBe("0 min");
    expect(formatDuration(45)).toBe("45 min");
    expect(formatDuration(119)).toBe("119 min");
    expect(formatDuration(120)).toBe("2 h");
    expect(formatDuration(450)).toBe("7.5 h");
    expect(formatDuration(1860)).toBe("31 h"); // 1d 7h
    expect(formatDuration(2880)).toBe("2 days");
    expect(formatDuration(3888)).toBe("2.7 days");
    expect(formatDuration(812 * 1440)).toBe("812 days");
    expect(formatDuration(1890)).toBe("32 h"); // 31.5 h: whole from 10 up
    expect(formatDuration(45.4)).toBe("45 min"); // minutes are always whole
    expect(formatValue(2.7, "days", GBP)).toBe("2.7 days");
    expect(formatValue(0.5, "days", GBP)).toBe("12 h");
    expect(formatValue(1860, "minutes", GBP)).toBe("31 h");
    expect(formatValue(40, "hours", GBP)).toBe("40 h");
  });

  it("puts axis ticks on whole minutes, hours or days", () => {
    // Today's ticks fell at 16h 40m / 1d 9h / 2d 2h for a maximum near 3,000 minutes.
    const days = durationAxis(3000, 4);
    expect(days.unit).toBe("days");
    expect(days.stepMinutes % 1440).toBe(0);
    expect(days.maxMinutes).toBeGreaterThanOrEqual(3000);
    expect(formatDurationTick(days.stepMinutes, days.unit)).toBe("1 day");
    const hours = durationAxis(1000, 4);
    expect(hours).toEqual({ unit: "h", stepMinutes: 360, maxMinutes: 1080 });
    expect(formatDurationTick(720, "h")).toBe("12 h");
    const minutes = durationAxis(95, 4);
    expect(minutes).toEqual({ unit: "min", stepMinutes: 30, maxMinutes: 120 });
    expect(durationAxis(400 * 1440, 4).stepMinutes % 1440).toBe(0);
    // 12 h fits 4 steps of 3 h exactly: the smallest step that fits is taken.
    expect(durationAxis(720, 4)).toEqual({ unit: "h", stepMinutes: 180, maxMinutes: 720 });
    expect(formatDurationTick(0, "h")).toBe("0");
  });

  it("gives a days-unit metric an axis in whole days", () => {
    const axis = valueAxis("days", 9.3, GBP);
    expect(axis.stepSize).toBe(5);
    expect(axis.max).toBe(10);
    expect(axis.format(5)).toBe("5 days");
    expect(valueAxis("percent", 40, GBP).stepSize).toBeUndefined();
    expect(valueAxis("percent", 40, GBP).format(20)).toBe("20%");
  });

  it("writes ticks without fixed decimals", () => {
    expect(formatTick(20, "percent", GBP)).toBe("20%");
    expect(formatTick(4.5, "score", GBP)).toBe("4.5");
    expect(formatTick(-20, "enps", GBP)).toBe(`${MINUS}20`);
    expect(formatTick(50_000, "currency", GBP)).toBe("£50K");
  });
});

describe("changes", () => {
  it("expresses changes of rates and shares in percentage points", () => {
    expect(formatChange("percent", 8, 5.5, GBP)).toEqual({ kind: "pp", direction: "up", text: "+2.5 pp" });
    expect(formatChange("percent", 0, 4.2, GBP)).toEqual({ kind: "pp", direction: "down", text: `${MINUS}4.2 pp` });
    expect(formatChange("percent", 12.01, 12.02, GBP)).toEqual({ kind: "pp", direction: "flat", text: "0 pp" });
  });

  it("expresses changes of counts, durations and money in percent", () => {
    expect(formatChange("count", 1060, 1000, GBP)?.text).toBe("+6%");
    expect(formatChange("minutes", 90, 120, GBP)?.text).toBe(`${MINUS}25%`);
    expect(formatChange("currency", 178, 203, GBP)?.text).toBe(`${MINUS}12%`);
    expect(formatChange("count", 1004, 1000, GBP)?.text).toBe("+0.4%");
  });

  it("shows the absolute change when the earlier value is 0", () => {
    expect(formatChange("count", 3, 0, GBP)).toEqual({ kind: "absolute", direction: "up", text: "+3" });
    expect(formatChange("currency", 1200, 0, GBP)?.text).toBe("+£1,200");
    expect(formatChange("minutes", 45, 0, GBP)?.text).toBe("+45 min");
  });

  it("expresses eNPS and score changes in points", () => {
    expect(formatChange("enps", 31, 26.4, GBP)?.text).toBe("+5 pts");
    expect(formatChange("enps", -36, -30, GBP)?.text).toBe(`${MINUS}6 pts`);
    expect(formatChange("score", 5.5, 5.38, GBP)?.text).toBe("+0.12");
    expect(formatChange("count", 3, null, GBP)).toBeNull();
  });

  it("judges a change by the metric's direction", () => {
    expect(changeTone("up", "LOWER_IS_BETTER")).toBe("bad");
    expect(changeTone("down", "LOWER_IS_BETTER")).toBe("good");
    expect(changeTone("up", "NEUTRAL")).toBe("neutral");
    expect(changeTone("flat", "HIGHER_IS_BETTER")).toBe("neutral");
  });

  it("signs differences in the metric's unit", () => {
    expect(formatDifference(-150, "minutes", GBP)).toBe(`${MINUS}2.5 h`);
    expect(formatDifference(14.84, "percent", GBP)).toBe("+14.8 pp");
    expect(formatDifference(0, "count", GBP)).toBe("0");
  });
});

describe("dates", () => {
  it("writes days as '5 Dec 2026', with instants in the organisation's zone", () => {
    expect(formatDate("2026-12-05")).toBe("5 Dec 2026");
    expect(formatDate("2026-09-05", "Pacific/Auckland")).toBe("5 Sep 2026"); // a date-only value never shifts
    expect(formatDate("2026-12-05", "America/New_York")).toBe("5 Dec 2026"); // west of UTC either
    // 23:30 UTC on 4 December is already 5 December in Auckland and still 4 December in New York.
    expect(formatDate("2026-12-04T23:30:00Z", "Pacific/Auckland")).toBe("5 Dec 2026");
    expect(formatDate(new Date("2026-12-04T23:30:00Z"), "America/New_York")).toBe("4 Dec 2026");
    expect(formatDate("not a date")).toBe("not a date");
  });

  it("writes instants with a 24-hour local time", () => {
    expect(formatDateTime("2026-12-04T23:30:00Z", "UTC")).toBe("4 Dec 2026, 23:30");
    expect(formatDateTime("2026-12-04T23:30:00Z", "Europe/London")).toBe("4 Dec 2026, 23:30");
    expect(formatDateTime("2026-07-04T23:30:00Z", "Europe/London")).toBe("5 Jul 2026, 00:30");
    expect(formatDateTime("2026-12-04T23:30:00Z", "Asia/Kolkata")).toBe("5 Dec 2026, 05:00");
  });

  it("writes ranges and ISO weeks", () => {
    expect(formatDateRange("2026-10-05", "2026-12-05")).toBe("5 Oct – 5 Dec 2026");
    expect(formatDateRange("2025-12-29", "2026-01-04")).toBe("29 Dec 2025 – 4 Jan 2026");
    // An unreadable end is shown as it came, never dropped.
    expect(formatDateRange("not a date", "2026-12-05")).toBe("not a date – 2026-12-05");
    expect(formatDateRange("2026-12-05", "not a date")).toBe("2026-12-05 – not a date");
    expect(formatIsoWeek("2026-11-23")).toBe("2026-W48");
    expect(formatIsoWeek("2026-11-26")).toBe("2026-W48");
    expect(formatIsoWeek("2027-01-01")).toBe("2026-W53");
  });
});
