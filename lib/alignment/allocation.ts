/**
 * Investment allocation and cost by investment category (metric spec §2 and §6). Pure.
 * Shares are fractions summing to 1; percentages appear only at the edges (manager input).
 */

export const INVESTMENT_CATEGORIES = ["newCapability", "ktlo", "techDebt"] as const;
export type InvestmentCategory = (typeof INVESTMENT_CATEGORIES)[number];
export type AllocationShares = Readonly<Record<InvestmentCategory, number>>;

/** Manager-entered percentages may be off by rounding, but no more than this. */
export const ALLOCATION_TOLERANCE = 0.01;

export interface FlowCounts {
  feature: number;
  defect: number;
  risk: number;
  debt: number;
}

/**
 * From flow distribution: new capability = features, keep-the-lights-on = defects + risks,
 * tech debt = debt. Takes finished-item counts (or the distribution's percentages); null when
 * nothing was finished.
 */
export function allocationFromFlow(counts: FlowCounts): AllocationShares | null {
  const values = [counts.feature, counts.defect, counts.risk, counts.debt];
  if (values.some((v) => v < 0 || !Number.isFinite(v))) throw new RangeError("flow counts must be non-negative");
  const total = values.reduce((s, v) => s + v, 0);
  if (total === 0) return null;
  return {
    newCapability: counts.feature / total,
    ktlo: (counts.defect + counts.risk) / total,
    techDebt: counts.debt / total,
  };
}

export type ManagerAllocationResult =
  | { ok: true; shares: AllocationShares }
  | { ok: false; error: "negative" | "does-not-sum-to-100"; total: number };

/** Manager-entered percentages: each ≥ 0 and together 100 (± 0.01). */
export function allocationFromPercentages(percentages: Readonly<Record<InvestmentCategory, number>>): ManagerAllocationResult {
  const values = INVESTMENT_CATEGORIES.map((c) => percentages[c]);
  const total = values.reduce((s, v) => s + v, 0);
  if (values.some((v) => v < 0 || !Number.isFinite(v))) return { ok: false, error: "negative", total };
  if (Math.abs(total - 100) > ALLOCATION_TOLERANCE + 1e-9) return { ok: false, error: "does-not-sum-to-100", total };
  return {
    ok: true,
    shares: {
      newCapability: percentages.newCapability / total,
      ktlo: percentages.ktlo / total,
      techDebt: percentages.techDebt / total,
    },
  };
}

/** Cost × allocation share, per category. */
export function costByCategory(cost: number, shares: AllocationShares): Record<InvestmentCategory, number> {
  return {
    newCapability: cost * shares.newCapability,
    ktlo: cost * shares.ktlo,
    techDebt: cost * shares.techDebt,
  };
}
