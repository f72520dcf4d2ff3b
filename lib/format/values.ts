/**
 * A metric's value as people read it, by its unit (and eNPS by its key: a −100…+100 index stored with the
 * "score" unit that reads as a signed integer). Every page, chart axis, tooltip, slide, pack and export
 * label goes through here. Pure.
 */
import type { MetricUnit } from "@/lib/metrics/catalog";
import { durationAxis, formatDuration, formatDurationTick, formatHours, MINUTES_PER_DAY, type DurationAxis } from "./durations";
import { currencySymbol, formatCount, formatEnps, formatFixed, formatMoney, formatNumber, formatPercent, formatSigned, MINUS } from "./numbers";

/** What formatting needs from the organisation's settings. */
export interface FormatSettings {
  /** ISO 4217 code of the organisation's currency (Settings). */
  currency: string;
  /** IANA time zone of the organisation (Settings). */
  timeZone: string;
}

/** "total": a summed count (deployments in a month), shown whole — a month's share of a straddling week is an estimate. */
export type ValueStyle = MetricUnit | "enps" | "total";

export function valueStyle(metric: { key: string; unit: string; aggregation?: string }): ValueStyle {
  if (metric.key === "enps") return "enps";
  if (metric.unit === "count" && metric.aggregation === "SUM") return "total";
  return metric.unit as MetricUnit;
}

/** Elapsed-time units hold durations in minutes or days; both read by the same duration rule. */
const MINUTES_PER: Partial<Record<ValueStyle, number>> = { minutes: 1, days: MINUTES_PER_DAY };

export function isDuration(style: ValueStyle): boolean {
  return MINUTES_PER[style] !== undefined;
}

export function formatValue(value: number, style: ValueStyle, settings: Pick<FormatSettings, "currency">): string {
  switch (style) {
    case "minutes":
    case "days":
      return formatDuration(value * (MINUTES_PER[style] as number));
    case "hours":
      return formatHours(value);
    case "percent":
      return formatPercent(value);
    case "score":
      return formatFixed(value, 2);
    case "enps":
      return formatEnps(value);
    case "currency":
      return formatMoney(value, settings.currency);
    case "people":
    case "count":
      return formatCount(value);
    case "total":
      return formatNumber(value, 0);
  }
}

/** A difference in the metric's own unit, signed: "+£1,200", "−45 min", "+3", "+2.5 pp". */
export function formatDifference(difference: number, style: ValueStyle, settings: Pick<FormatSettings, "currency">): string {
  if (style === "percent") return `${formatSigned(difference, 1)} pp`;
  if (style === "enps") return `${formatSigned(Math.round(difference), 0)} pts`;
  if (style === "score") return formatSigned(Number(difference.toFixed(2)), 2);
  const size = formatValue(Math.abs(difference), style, settings);
  if (/^[^1-9]*$/.test(size)) return size;
  return `${difference < 0 ? MINUS : "+"}${size}`;
}

export interface ValueAxis {
  /** Tick spacing and top, in the metric's unit; undefined lets the chart choose. */
  stepSize?: number;
  max?: number;
  format: (value: number) => string;
}

/**
 * A y axis for the metric: durations step in whole minutes, hours or days of the unit the largest value
 * reads in; other units keep the chart's round steps with the card's wording.
 */
export function valueAxis(style: ValueStyle, maxValue: number, settings: Pick<FormatSettings, "currency">, maxTicks = 4): ValueAxis {
  const per = MINUTES_PER[style];
  if (per !== undefined) {
    const axis: DurationAxis = durationAxis(Math.max(0, maxValue) * per, maxTicks);
    return { stepSize: axis.stepMinutes / per, max: axis.maxMinutes / per, format: (v) => formatDurationTick(v * per, axis.unit) };
  }
  return { format: (v) => formatTick(v, style, settings) };
}

/** Axis ticks are round numbers: no fixed decimals (that would print "20.0%"). */
export function formatTick(value: number, style: ValueStyle, settings: Pick<FormatSettings, "currency">): string {
  switch (style) {
    case "percent":
      return `${formatNumber(value, 1)}%`;
    case "score":
      return formatNumber(value, 1);
    case "enps":
      return formatEnps(value);
    default:
      return formatValue(value, style, settings);
  }
}

/** What the numbers are measured in, for exports and picture captions: "Unit: percent", "Unit: GBP (£)". */
export function unitLabel(style: ValueStyle, settings: Pick<FormatSettings, "currency">): string {
  switch (style) {
    case "percent":
      return "Unit: percent";
    case "minutes":
    case "days":
      return "Unit: duration (minutes, hours or days)";
    case "hours":
      return "Unit: hours";
    case "score":
      return "Unit: score";
    case "enps":
      return "Unit: eNPS (−100 to +100)";
    case "currency":
      return `Unit: ${settings.currency} (${currencySymbol(settings.currency)})`;
    case "people":
      return "Unit: people";
    case "count":
    case "total":
      return "Unit: count";
  }
}
