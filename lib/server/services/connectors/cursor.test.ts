import { describe, expect, it } from "vitest";
import { advanceCursor, alreadySynced } from "./cursor";

describe("stream cursor", () => {
  it("skips what was committed, including items at the cursor's instant, and takes a newcomer at that instant", () => {
    const cursor = advanceCursor(null, [
      { at: "2026-03-02T10:00:00Z", id: "1" },
      { at: "2026-03-02T11:00:00Z", id: "2" },
      { at: "2026-03-02T11:00:00.000Z", id: "3" },
    ]);
    expect(cursor).toEqual({ at: "2026-03-02T11:00:00.000Z", ids: ["2", "3"] });
    expect(alreadySynced(cursor, "2026-03-02T10:30:00Z", "9")).toBe(true);
    expect(alreadySynced(cursor, "2026-03-02T11:00:00Z", "2")).toBe(true);
    expect(alreadySynced(cursor, "2026-03-02T11:00:00Z", "4")).toBe(false);
    expect(alreadySynced(cursor, "2026-03-02T11:00:01Z", "2")).toBe(false);
    expect(alreadySynced(null, "2000-01-01T00:00:00Z", "1")).toBe(false);
  });

  it("moves forward only, and an empty page keeps the cursor", () => {
    const cursor = { at: "2026-03-02T11:00:00.000Z", ids: ["2"] };
    expect(advanceCursor(cursor, [])).toEqual(cursor);
    expect(advanceCursor(cursor, [{ at: "2026-03-01T00:00:00Z", id: "7" }])).toEqual(cursor);
    expect(advanceCursor(cursor, [{ at: "2026-03-02T11:00:00Z", id: "1" }])).toEqual({ at: "2026-03-02T11:00:00.000Z", ids: ["1", "2"] });
  });
});
