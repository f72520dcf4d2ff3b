/**
 * The line-chart presets every chart builds on (metric trends, comparisons, overlays), so they read alike:
 * straight segments that never bridge a gap, points while they are few enough to tell apart, the legend
 * below with line swatches, the index tooltip in the app's colours, no rotated or crowded x labels.
 * A chart adds only what is its own (its axes, its colours, a dashed baseline).
 */
import type { ChartDataset, ChartOptions, ScaleOptions, TooltipItem } from "chart.js";
import { formatValue, valueAxis, type FormatSettings, type ValueStyle } from "@/lib/format";
import { chartTheme } from "./theme";

export type LineValues = (number | null)[];
export type LineDataset = ChartDataset<"line", LineValues>;
type ValueScale = ScaleOptions<"linear">;

/** Every point is drawn while they are few enough to tell apart; a point alone between gaps always is. */
export function pointRadii(values: LineValues): number[] {
  const shown = values.filter((v) => v !== null).length;
  const sparse = values.length <= 26 || shown <= values.length / 2;
  return values.map((v, i) => {
    if (v === null) return 0;
    const alone = (values[i - 1] ?? null) === null && (values[i + 1] ?? null) === null;
    return alone ? 3 : sparse ? 2 : 0;
  });
}

/**
 * A period still running ("so far", presentation.md rule 1): its point hollow, reached by a dashed segment, so it
 * never reads as a final value. `soFar` is per point.
 */
export function runningPeriodStyle(values: LineValues, soFar: readonly boolean[], colour: string, scale = 1): Partial<LineDataset> {
  return {
    pointRadius: pointRadii(values).map((r, i) => (soFar[i] && values[i] !== null ? 3 : r) * scale),
    pointBackgroundColor: soFar.map((running) => (running ? "#ffffff" : colour)),
    segment: { borderDash: (ctx) => (soFar[ctx.p1DataIndex] ? [6 * scale, 4 * scale] : undefined) },
  };
}

export interface LineSeriesInput {
  label: string;
  data: LineValues;
  colour: string;
  /** A reference line (a baseline, a target, a second measure): thinner or dashed, no points. */
  dash?: number[];
  width?: number;
  points?: boolean;
  yAxisID?: string;
}

/** One line: straight segments, gaps kept as gaps, points by `pointRadii` unless it is a reference line. */
export function lineSeries({ label, data, colour, dash, width = 2, points = true, yAxisID }: LineSeriesInput): LineDataset {
  return {
    label,
    data,
    borderColor: colour,
    backgroundColor: colour,
    borderWidth: width,
    pointRadius: points ? pointRadii(data) : 0,
    tension: 0,
    spanGaps: false,
    ...(dash ? { borderDash: dash } : {}),
    ...(yAxisID ? { yAxisID } : {}),
  };
}

/** Scores and eNPS have a meaningful negative or 1-based range; every other value axis starts at 0. */
export function startsAtZero(style: ValueStyle): boolean {
  return style !== "score" && style !== "enps";
}

/**
 * A value axis in a metric's style (presentation rules 5 and 6): rates start at 0; durations step in whole minutes,
 * hours or days up to a round maximum that holds `values`; other values take at most 4 round ticks.
 */
export function valueScale(style: ValueStyle, values: readonly (number | null)[], settings: Pick<FormatSettings, "currency">, scale = 1): ValueScale {
  const largest = values.reduce<number>((max, v) => (v !== null && v > max ? v : max), 0);
  const axis = valueAxis(style, largest, settings);
  return {
    beginAtZero: startsAtZero(style),
    ...(style === "percent" ? { min: 0 } : {}),
    ...(axis.max !== undefined ? { min: 0, max: axis.max } : {}),
    ticks: { maxTicksLimit: axis.stepSize ? undefined : 4, stepSize: axis.stepSize, font: { size: 11 * scale }, callback: (v) => axis.format(Number(v)) },
  };
}

/** The tooltip line of a value in its metric's style ("Deploys: 12", "—" for a gap). */
export function valueTooltip(style: ValueStyle, settings: Pick<FormatSettings, "currency">) {
  return (ctx: TooltipItem<"line">) => `${ctx.dataset.label}: ${ctx.parsed.y === null ? "—" : formatValue(ctx.parsed.y, style, settings)}`;
}

export interface LineOptionsInput {
  /** The value axes (`y`, and `y2` for a second measure); x is the preset's. */
  scales: Record<string, ValueScale>;
  tooltipLabel: (ctx: TooltipItem<"line">) => string;
  /** A short fade-in for a chart drawn alone; dashboards draw many at once and pass false. */
  animate?: boolean;
  maxXTicks?: number;
  /** Tick and legend text size; PNG export draws larger (with `scale`). */
  fontSize?: number;
  scale?: number;
  legend?: boolean;
  /** The x tick of the point at an index (category ticks' values are indexes); the label itself by default. */
  xTick?: (index: number) => string | string[];
}

export function lineOptions({ scales, tooltipLabel, animate = false, maxXTicks = 8, fontSize, scale = 1, legend = true, xTick }: LineOptionsInput): ChartOptions<"line"> {
  const font = fontSize === undefined ? {} : { font: { size: fontSize * scale } };
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: animate ? { duration: 300 } : false,
    interaction: { mode: "index", intersect: false },
    scales: {
      x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, maxTicksLimit: maxXTicks, ...font, ...(xTick ? { callback: (v) => xTick(Number(v)) } : {}) } },
      ...scales,
    },
    plugins: {
      legend: { display: legend, position: "bottom", labels: { boxWidth: 12 * scale, boxHeight: 2 * scale, ...font } },
      tooltip: { backgroundColor: chartTheme.tooltipBackground, callbacks: { label: tooltipLabel } },
    },
  };
}
