import { describe, expect, it } from "vitest";
import { seasonality } from "./curves";
import { ValueSink } from "./sink";

describe("ValueSink", () => {
  it("stores a percent ratio as numerator ÷ denominator × 100", () => {
    const sink = new ValueSink("route-planning");
    sink.ratio("change_failure_rate", "2026-03-16", 3, 24);
    expect(sink.rows).toEqual([
      { metric: "change_failure_rate", team: "route-planning", week: "2026-03-16", value: 12.5, numerator: 3, denominator: 24 },
    ]);
  });

  it("stores a score ratio unscaled and eNPS from 100 × (promoters − detractors)", () => {
    const sink = new ValueSink("mobile-apps");
    sink.ratio("psych_safety", "2026-03-09", 11, 2);
    // Spec example: 10 respondents, 4 promoters and 2 detractors → +20.
    sink.ratio("enps", "2026-03-09", 100 * (4 - 2), 10);
    expect(sink.rows.map((r) => r.value)).toEqual([5.5, 20]);
  });

  it("writes nothing for a ratio with a zero denominator and refuses unknown metrics", () => {
    const sink = new ValueSink("mobile-apps");
    sink.ratio("change_failure_rate", "2026-03-09", 0, 0);
    expect(sink.rows).toEqual([]);
    expect(() => sink.ratio("no_such_metric", "2026-03-09", 1, 2)).toThrow(/unknown metric/);
  });
});

describe("seasonality", () => {
  it("dips over Christmas, in the rest of December and in August", () => {
    expect(seasonality("2025-12-22")).toBe(0.35); // Thursday 25 Dec
    expect(seasonality("2025-12-29")).toBe(0.35); // Thursday 1 Jan
    expect(seasonality("2025-12-08")).toBe(0.85);
    expect(seasonality("2025-08-11")).toBe(0.72);
    expect(seasonality("2025-05-12")).toBe(1);
  });
});
