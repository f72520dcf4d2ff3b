/**
 * Investment allocation (business alignment): the share of effort by category — new capability
 * (features), keep-the-lights-on (defects + risk) and tech debt (debt) — either derived from flow
 * distribution or entered by managers as percentages that must sum to 100.
 */
import { wholePercentages } from "./distribution";
import type { FlowType } from "./types";

export type InvestmentCategory = "newCapability" | "ktlo" | "techDebt";

export const INVESTMENT_CATEGORIES: readonly InvestmentCategory[] = ["newCapability", "ktlo", "techDebt"];

export const CATEGORY_OF_FLOW_TYPE: Readonly<Record<FlowType, InvestmentCategory>> = {
  feature: "newCapability",
  defect: "ktlo",
  risk: "ktlo",
  debt: "techDebt",
};

export interface InvestmentAllocation {
  counts: Record<InvestmentCategory, number>;
  /** Fractions of finished items; null when nothing finished. */
  shares: Record<InvestmentCategory, number | null>;
  /** Whole percentages summing to 100 (all zero when nothing finished). */
  percentages: Record<InvestmentCategory, number>;
}

export function allocationFromFlow(counts: Readonly<Record<FlowType, number>>): InvestmentAllocation {
  const byCategory: Record<InvestmentCategory, number> = { newCapability: 0, ktlo: 0, techDebt: 0 };
  for (const [type, count] of Object.entries(counts) as [FlowType, number][]) byCategory[CATEGORY_OF_FLOW_TYPE[type]] += count;
  const total = byCategory.newCapability + byCategory.ktlo + byCategory.techDebt;
  const shares = Object.fromEntries(
    INVESTMENT_CATEGORIES.map((c) => [c, total === 0 ? null : byCategory[c] / total]),
  ) as Record<InvestmentCategory, number | null>;
  return { counts: byCategory, shares, percentages: wholePercentages(byCategory, INVESTMENT_CATEGORIES) };
}

/** Float noise allowance only: 33.33 + 33.33 + 33.34 passes, 33.3 × 3 does not. */
const SUM_TOLERANCE = 1e-6;

export type AllocationCheck = { ok: true } | { ok: false; message: string };

/** Manager-entered percentages: each 0–100 and together exactly 100. */
export function validateAllocation(percentages: Readonly<Record<InvestmentCategory, number>>): AllocationCheck {
  for (const c of INVESTMENT_CATEGORIES) {
    const v = percentages[c];
    if (!Number.isFinite(v) || v < 0 || v > 100) return { ok: false, message: `${c} must be a percentage between 0 and 100` };
  }
  const total = INVESTMENT_CATEGORIES.reduce((acc, c) => acc + percentages[c], 0);
  if (Math.abs(total - 100) > SUM_TOLERANCE) {
    return { ok: false, message: `allocation must sum to 100% (it sums to ${Math.round(total * 100) / 100}%)` };
  }
  return { ok: true };
}

/** Cost by investment category = cost × allocation share (spec section 6). */
export function costByCategory(
  cost: number,
  percentages: Readonly<Record<InvestmentCategory, number>>,
): Record<InvestmentCategory, number> {
  return {
    newCapability: (cost * percentages.newCapability) / 100,
    ktlo: (cost * percentages.ktlo) / 100,
    techDebt: (cost * percentages.techDebt) / 100,
  };
}
