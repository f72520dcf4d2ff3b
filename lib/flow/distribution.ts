/** Flow distribution: how finished work splits across the four flow types. */
import { FLOW_TYPES, type FlowType } from "./types";

/**
 * Whole percentages that sum to exactly 100 (largest-remainder method; ties go to the earlier key),
 * so a displayed breakdown never reads 99% or 101%. All zeros when the total is zero.
 */
export function wholePercentages<K extends string>(counts: Readonly<Record<K, number>>, keys: readonly K[]): Record<K, number> {
  const total = keys.reduce((acc, k) => acc + counts[k], 0);
  const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  if (total === 0) return out;
  const exact = keys.map((k, i) => ({ k, i, value: (counts[k] * 100) / total }));
  for (const e of exact) out[e.k] = Math.floor(e.value);
  let left = 100 - keys.reduce((acc, k) => acc + out[k], 0);
  const byRemainder = [...exact].sort((a, b) => b.value - Math.floor(b.value) - (a.value - Math.floor(a.value)) || a.i - b.i);
  for (const e of byRemainder) {
    if (left <= 0) break;
    out[e.k] += 1;
    left -= 1;
  }
  return out;
}

export interface FlowDistribution {
  total: number;
  counts: Record<FlowType, number>;
  /** Fractions of the total (0.25 = 25%); null when nothing finished. */
  shares: Record<FlowType, number | null>;
  /** Whole percentages summing to 100 (all zero when nothing finished). */
  percentages: Record<FlowType, number>;
}

export function flowDistribution(counts: Readonly<Record<FlowType, number>>): FlowDistribution {
  const total = FLOW_TYPES.reduce((acc, t) => acc + counts[t], 0);
  const shares = Object.fromEntries(FLOW_TYPES.map((t) => [t, total === 0 ? null : counts[t] / total])) as Record<FlowType, number | null>;
  return { total, counts: { ...counts }, shares, percentages: wholePercentages(counts, FLOW_TYPES) };
}

export function countByType(types: Iterable<FlowType>): Record<FlowType, number> {
  const counts: Record<FlowType, number> = { feature: 0, defect: 0, risk: 0, debt: 0 };
  for (const t of types) counts[t] += 1;
  return counts;
}
