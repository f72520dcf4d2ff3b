/**
 * Collects generated weekly values in the shape MetricValue stores them. Ratio and rate values
 * always carry their numerator and denominator, and their value is exactly numerator ÷
 * denominator (× 100 for percent units), as the metric store displays them; a ratio with a zero
 * denominator is empty, so no row is written.
 */
import { builtInMetric, ratioScale } from "@/lib/metrics/catalog";

export interface SeedValue {
  metric: string;
  /** Team slug. */
  team: string;
  week: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

export class ValueSink {
  readonly rows: SeedValue[] = [];

  constructor(private readonly team: string) {}

  /** A plain value (counts, durations, means, stocks). */
  plain(metric: string, week: string, value: number): void {
    this.rows.push({ metric, team: this.team, week, value, numerator: null, denominator: null });
  }

  /** A value stored as numerator ÷ denominator; nothing when the denominator is zero. */
  ratio(metric: string, week: string, numerator: number, denominator: number): void {
    if (denominator === 0) return;
    const definition = builtInMetric(metric);
    if (!definition) throw new Error(`unknown metric ${metric}`);
    const value = (numerator / denominator) * ratioScale(definition.unit);
    this.rows.push({ metric, team: this.team, week, value, numerator, denominator });
  }
}
