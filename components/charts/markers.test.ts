import { describe, expect, it } from "vitest";
import { markerClusters, markersInRange, numberMarkers, withNumbers } from "./markers";

const weeks = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ period: new Date(Date.UTC(2026, 0, 5 + 7 * i)).toISOString().slice(0, 10) }));

describe("numbered markers", () => {
  it("numbers distinct notes oldest first, and a note on several charts keeps its number", () => {
    const key = numberMarkers([
      { date: "2026-03-02", label: "Reorg" },
      { date: "2026-01-12", label: "Acquisition" },
      { date: "2026-03-02", label: "Reorg" },
    ]);
    expect(key).toEqual([
      { date: "2026-01-12", label: "Acquisition", number: 1 },
      { date: "2026-03-02", label: "Reorg", number: 2 },
    ]);
    expect(withNumbers([{ date: "2026-03-02", label: "Reorg" }], key)).toEqual([{ date: "2026-03-02", label: "Reorg", number: 2 }]);
    // A marker the key does not list (outside the page's range) is not drawn with a number of its own.
    expect(withNumbers([{ date: "2025-01-01", label: "Old" }, { date: "2026-01-12", label: "Acquisition" }], key)).toEqual([
      { date: "2026-01-12", label: "Acquisition", number: 1 },
    ]);
  });

  it("puts markers that would collide on one line with both numbers", () => {
    const points = weeks(104);
    const markers = [
      { date: "2026-01-06", label: "Trunk-based development", number: 1 },
      { date: "2026-01-13", label: "Acquisition Project", number: 2 },
      { date: "2026-06-01", label: "Carrier integration", number: 3 },
    ];
    expect(markerClusters(points, markers)).toEqual([
      { index: 0, numbers: [1, 2] },
      { index: 21, numbers: [3] },
    ]);
    // On a 12-week chart a week apart is far enough.
    expect(markerClusters(weeks(12), markers.slice(0, 2))).toEqual([
      { index: 0, numbers: [1] },
      { index: 1, numbers: [2] },
    ]);
  });

  it("leaves out markers outside the chart's periods", () => {
    const points = weeks(4);
    expect(markersInRange(points, [{ date: "2025-12-01", label: "Old" }, { date: "2026-01-20", label: "In" }])).toEqual([{ date: "2026-01-20", label: "In" }]);
    expect(markerClusters(points, [{ date: "2025-12-01", label: "Old" }])).toEqual([]);
  });
});
