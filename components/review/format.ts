/** Wording of review numbers: signed changes in the metric's unit ("+14.8 pts", "−2h"). Pure. */
import { formatChange, formatValue } from "@/components/charts/shape";
import type { MetricUnit } from "@/lib/metrics/catalog";

export function formatDelta(change: number, unit: string): string {
  const sign = change > 0 ? "+" : change < 0 ? "−" : "";
  const size = Math.abs(change);
  if (unit === "percent") return `${sign}${new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 }).format(size)} pts`;
  return `${sign}${formatValue(size, unit as MetricUnit)}`;
}

export function formatMetric(value: number, unit: string): string {
  return formatValue(value, unit as MetricUnit);
}

export { formatChange };

/** Link to the overview chart behind an item. */
export function chartHref(scope: string, range: "12w" | "6m" | "1y" = "6m"): string {
  const search = new URLSearchParams();
  if (scope !== "org") search.set("scope", scope);
  search.set("range", range);
  return `/?${search}`;
}
