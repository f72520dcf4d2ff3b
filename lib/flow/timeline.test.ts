import { describe, expect, it } from "vitest";
import { DEFAULT_STATUS_MAPPING, categoryOf, resolveStatusMapping } from "./status-mapping";
import { item } from "./test-builders";
import { itemTimeline } from "./timeline";

describe("itemTimeline", () => {
  it("starts at the first active status and splits flow time into active and waiting", () => {
    const t = itemTimeline(
      item("i", "feature", [
        ["To Do", "2026-03-01T09:00:00Z"],
        ["In Progress", "2026-03-02T09:00:00Z"],
        ["Blocked", "2026-03-03T09:00:00Z"],
        ["In Progress", "2026-03-04T09:00:00Z"],
        ["In Review", "2026-03-04T21:00:00Z"],
        ["Done", "2026-03-05T09:00:00Z"],
      ]),
      DEFAULT_STATUS_MAPPING,
    );
    expect(t.start).toEqual(new Date("2026-03-02T09:00:00Z"));
    expect(t.finish).toEqual(new Date("2026-03-05T09:00:00Z"));
    // Active: 1 day in progress + 0.5 in progress + 0.5 in review; blocked 1 day.
    expect([t.flowDays, t.activeDays, t.waitingDays]).toEqual([3, 2, 1]);
  });

  it("finishes at the done status it never left, counting a reopened spell as waiting", () => {
    const t = itemTimeline(
      item("i", "defect", [
        ["In Progress", "2026-03-02T00:00:00Z"],
        ["Done", "2026-03-03T00:00:00Z"],
        ["Reopened", "2026-03-04T00:00:00Z"],
        ["In Progress", "2026-03-05T00:00:00Z"],
        ["Done", "2026-03-06T00:00:00Z"],
        ["Closed", "2026-03-06T12:00:00Z"],
      ]),
      DEFAULT_STATUS_MAPPING,
    );
    expect(t.finish).toEqual(new Date("2026-03-06T00:00:00Z"));
    expect([t.flowDays, t.activeDays, t.waitingDays]).toEqual([4, 2, 2]);
  });

  it("is unfinished while reopened, and never started when it skips every active status", () => {
    const reopened = itemTimeline(
      item("i", "defect", [
        ["In Progress", "2026-03-02T00:00:00Z"],
        ["Done", "2026-03-03T00:00:00Z"],
        ["Reopened", "2026-03-04T00:00:00Z"],
      ]),
      DEFAULT_STATUS_MAPPING,
    );
    expect(reopened).toMatchObject({ start: new Date("2026-03-02T00:00:00Z"), finish: null, flowDays: null });
    const skipped = itemTimeline(item("i", "debt", [["Backlog", "2026-03-02T00:00:00Z"], ["Won't Do", "2026-03-03T00:00:00Z"]]), DEFAULT_STATUS_MAPPING);
    expect(skipped).toMatchObject({ start: null, finish: null });
    expect(itemTimeline(item("i", "risk", []), DEFAULT_STATUS_MAPPING)).toMatchObject({ start: null, finish: null });
  });

  it("orders transitions by time and treats unmapped statuses as waiting", () => {
    const t = itemTimeline(
      item("i", "feature", [
        ["Done", "2026-03-04T00:00:00Z"],
        ["Awaiting Sign-off", "2026-03-03T00:00:00Z"],
        ["In Progress", "2026-03-02T00:00:00Z"],
      ]),
      DEFAULT_STATUS_MAPPING,
    );
    expect([t.flowDays, t.activeDays, t.waitingDays]).toEqual([2, 1, 1]);
  });

  it("uses a team's own mapping over the defaults", () => {
    const mapping = resolveStatusMapping({ "Awaiting Sign-off": "active", Blocked: "active" });
    expect(categoryOf("awaiting sign-off", mapping)).toBe("active");
    expect(categoryOf("BLOCKED", mapping)).toBe("active");
    expect(categoryOf("In Progress", mapping)).toBe("active");
    expect(categoryOf("Something else", mapping)).toBe("waiting");
    const t = itemTimeline(
      item("i", "feature", [
        ["In Progress", "2026-03-02T00:00:00Z"],
        ["Awaiting Sign-off", "2026-03-03T00:00:00Z"],
        ["Done", "2026-03-04T00:00:00Z"],
      ]),
      mapping,
    );
    expect(t.activeDays).toBe(2);
  });
});
