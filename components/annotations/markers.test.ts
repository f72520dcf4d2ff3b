import { describe, expect, it } from "vitest";
import { markersForMetric } from "./markers";

describe("markersForMetric", () => {
  it("keeps scope notes and only this metric's definition changes, oldest first", () => {
    const notes = [
      { date: "2026-03-16", title: "Outages begin", kind: "NOTE" as const, metricKey: null },
      { date: "2026-02-02", title: "Metric changed: Incidents", kind: "METRIC_CHANGE" as const, metricKey: "incidents" },
      { date: "2026-01-05", title: "Metric changed: eNPS", kind: "METRIC_CHANGE" as const, metricKey: "enps" },
    ];
    expect(markersForMetric(notes, "incidents")).toEqual([
      { date: "2026-02-02", label: "Metric changed: Incidents" },
      { date: "2026-03-16", label: "Outages begin" },
    ]);
    expect(markersForMetric(notes, "deployments")).toEqual([{ date: "2026-03-16", label: "Outages begin" }]);
  });
});
