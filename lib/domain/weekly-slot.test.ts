import { describe, expect, it } from "vitest";
import { latestSlot, localHourInstant } from "./weekly-slot";

describe("weekly slot in the organisation's zone", () => {
  it("places Monday 08:00 in the zone, across a summer-time change", () => {
    expect(localHourInstant("2026-12-07", 8, "Europe/Berlin").toISOString()).toBe("2026-12-07T07:00:00.000Z");
    expect(localHourInstant("2026-07-06", 8, "Europe/Berlin").toISOString()).toBe("2026-07-06T06:00:00.000Z");
    expect(localHourInstant("2026-12-07", 8, "America/Los_Angeles").toISOString()).toBe("2026-12-07T16:00:00.000Z");
    expect(localHourInstant("2026-12-07", 8, "UTC").toISOString()).toBe("2026-12-07T08:00:00.000Z");
    // 02:00 does not exist on 29 Mar 2026 in Berlin: the first instant after the gap.
    expect(localHourInstant("2026-03-29", 2, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:00:00.000Z");
    // 02:00 happens twice on 25 Oct 2026 in Berlin: the first one.
    expect(localHourInstant("2026-10-25", 2, "Europe/Berlin").toISOString()).toBe("2026-10-25T00:00:00.000Z");
  });

  it("is last week's occurrence until this week's is reached, then this week's for the rest of the week", () => {
    const slot = { weekday: 1, hour: 8, timeZone: "Europe/Berlin" };
    expect(latestSlot(new Date("2026-12-07T06:59:59Z"), slot)).toEqual({ week: "2026-11-30", at: new Date("2026-11-30T07:00:00Z") });
    expect(latestSlot(new Date("2026-12-07T07:00:00Z"), slot)).toEqual({ week: "2026-12-07", at: new Date("2026-12-07T07:00:00Z") });
    expect(latestSlot(new Date("2026-12-10T12:00:00Z"), slot).week).toBe("2026-12-07");
    // Sunday 23:30 local is still the same week.
    expect(latestSlot(new Date("2026-12-13T22:30:00Z"), slot).week).toBe("2026-12-07");
    expect(latestSlot(new Date("2026-12-13T23:30:00Z"), slot).week).toBe("2026-12-07");
    expect(latestSlot(new Date("2026-12-14T07:00:00Z"), slot).week).toBe("2026-12-14");
    // Friday 17:00.
    expect(latestSlot(new Date("2026-12-10T12:00:00Z"), { weekday: 5, hour: 17, timeZone: "UTC" })).toEqual({ week: "2026-11-30", at: new Date("2026-12-04T17:00:00Z") });
  });
});
