/**
 * Durations in the unit a reader expects: minutes under 2 hours, hours under 2 days, then days
 * (presentation.md rule 5), and axis ticks that fall on whole minutes, hours or days. Pure.
 */
import { formatNumber } from "./numbers";

export const MINUTES_PER_HOUR = 60;
export const MINUTES_PER_DAY = 1440;

export type DurationUnit = "min" | "h" | "days";

/** The unit a duration of this size is read in. */
export function durationUnit(minutes: number): DurationUnit {
  const size = Math.abs(minutes);
  if (Math.round(size) < 2 * MINUTES_PER_HOUR) return "min";
  if (size < 2 * MINUTES_PER_DAY) return "h";
  return "days";
}

const PER_UNIT: Record<DurationUnit, number> = { min: 1, h: MINUTES_PER_HOUR, days: MINUTES_PER_DAY };

/** Whole when large, one decimal under ten: "45 min", "7.5 h", "31 h", "2.7 days", "812 days". */
export function formatDuration(minutes: number): string {
  const unit = durationUnit(minutes);
  const amount = minutes / PER_UNIT[unit];
  const digits = unit === "min" || Math.abs(amount) >= 10 ? 0 : 1;
  return `${formatNumber(amount, digits)} ${unit}`;
}

/** Effort in hours (learning, coaching), which is not an elapsed time and never becomes days: "3.5 h". */
export function formatHours(hours: number): string {
  return `${formatNumber(hours, Math.abs(hours) < 10 ? 1 : 0)} h`;
}

/** Steps an axis may use, per unit, in that unit: ticks at whole minutes, hours or days. */
const STEPS: Record<DurationUnit, number[]> = {
  min: [1, 2, 5, 10, 15, 20, 30],
  h: [1, 2, 3, 4, 6, 8, 12],
  days: [1, 2, 5, 7, 10, 14, 15, 30, 60, 90, 180, 365],
};

export interface DurationAxis {
  unit: DurationUnit;
  /** Distance between ticks, in minutes. */
  stepMinutes: number;
  /** Top of the axis, in minutes: a whole number of steps at or above the largest value. */
  maxMinutes: number;
}

/**
 * An axis from 0 to at least `maxMinutes` with at most `maxTicks` intervals, each a whole number of the
 * unit the largest value is read in — so ticks read "0 / 6 h / 12 h / 18 h", never "16h 40m".
 */
export function durationAxis(maxMinutes: number, maxTicks = 4): DurationAxis {
  const top = Math.max(maxMinutes, 1);
  const unit = durationUnit(top);
  const per = PER_UNIT[unit];
  const inUnit = top / per;
  const steps = STEPS[unit];
  let step = steps.find((s) => Math.ceil(inUnit / s) <= maxTicks);
  if (step === undefined) {
    // Beyond the table: a multiple of the largest step.
    const largest = steps[steps.length - 1];
    step = Math.ceil(inUnit / maxTicks / largest) * largest;
  }
  return { unit, stepMinutes: step * per, maxMinutes: Math.ceil(inUnit / step) * step * per };
}

/** A tick on a duration axis, in the axis's unit: "0", "6 h", "2 days". */
export function formatDurationTick(minutes: number, unit: DurationUnit): string {
  if (minutes === 0) return "0";
  const amount = minutes / PER_UNIT[unit];
  return `${formatNumber(amount, 1)} ${unit === "days" && amount === 1 ? "day" : unit}`;
}

/** A duration held in days (flow time, tenure), read by the same rule as minutes. */
export function formatDays(days: number): string {
  return formatDuration(days * MINUTES_PER_DAY);
}
