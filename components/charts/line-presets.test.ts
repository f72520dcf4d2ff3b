import { describe, expect, it } from "vitest";
import { lineOptions, lineSeries, startsAtZero, valueScale } from "./line-presets";
import { chartTheme } from "./theme";

describe("line presets", () => {
  it("draws every line straight, keeps gaps, and gives reference lines no points", () => {
    const values = [1, null, 3];
    expect(lineSeries({ label: "Deploys", data: values, colour: "#000" })).toMatchObject({ tension: 0, spanGaps: false, borderWidth: 2, pointRadius: [3, 0, 3] });
    expect(lineSeries({ label: "Baseline", data: values, colour: "#000", dash: [6, 4], width: 1.5, points: false })).toMatchObject({ pointRadius: 0, borderDash: [6, 4], borderWidth: 1.5 });
  });

  it("puts the legend below, uses the app's tooltip colour and animates only when asked", () => {
    const options = lineOptions({ scales: { y: { beginAtZero: true } }, tooltipLabel: () => "" });
    expect(options.animation).toBe(false);
    expect(options.plugins?.legend).toMatchObject({ display: true, position: "bottom" });
    expect(options.plugins?.tooltip?.backgroundColor).toBe(chartTheme.tooltipBackground);
    expect(options.scales?.x).toMatchObject({ grid: { display: false }, ticks: { maxRotation: 0 } });
    expect(lineOptions({ scales: {}, tooltipLabel: () => "", animate: true }).animation).toEqual({ duration: 300 });
  });

  it("starts value axes at zero except scores and eNPS", () => {
    expect(startsAtZero("percent")).toBe(true);
    expect(startsAtZero("score")).toBe(false);
    expect(startsAtZero("enps")).toBe(false);
  });
});

describe("value axis", () => {
  it("steps durations in whole hours or days up to a round maximum, from 0, whatever the chart", () => {
    // Lead times up to 3,000 minutes: whole days, the last tick above the largest value.
    const lead = valueScale("minutes", [1000, null, 3000], { currency: "USD" }) as { min: number; max: number; ticks: { stepSize: number; callback: (v: number) => string } };
    expect(lead.min).toBe(0);
    expect(lead.ticks.stepSize % 1440).toBe(0);
    expect(lead.max).toBeGreaterThanOrEqual(3000);
    expect(lead.ticks.callback(lead.ticks.stepSize)).toMatch(/^\d+ days?$/);
    // Rates start at 0; scores keep their own range.
    expect(valueScale("percent", [96, 98], { currency: "USD" })).toMatchObject({ min: 0, beginAtZero: true });
    expect(valueScale("score", [5.2, 5.9], { currency: "USD" })).toMatchObject({ beginAtZero: false });
  });
});
