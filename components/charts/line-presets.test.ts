import { describe, expect, it } from "vitest";
import { lineOptions, lineSeries, startsAtZero } from "./line-presets";
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
