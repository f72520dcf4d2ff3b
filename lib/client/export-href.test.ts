import { describe, expect, it } from "vitest";
import { exportHref, tableExportHref } from "./export-href";

describe("exportHref", () => {
  it("carries the chart's scope, metrics and weeks", () => {
    expect(exportHref({ scope: "group:g1", metricKeys: ["deployments", "lead_time"], from: "2026-01-05", to: "2026-03-09" })).toBe(
      "/api/v1/exports/metric-values?scope=group%3Ag1&metrics=deployments%2Clead_time&from=2026-01-05&to=2026-03-09",
    );
  });

  it("leaves out the defaults", () => {
    expect(exportHref({ scope: "org" })).toBe("/api/v1/exports/metric-values");
    expect(tableExportHref("teams")).toBe("/api/v1/exports/teams");
  });
});
