/**
 * A team's learning budget for a calendar year against what it has spent. A budget is for the whole team
 * and year (not per engineer), so the pace to compare with is the budget spread evenly over the year's days:
 * by 1 July about half of it. Pure; `today` comes from the caller.
 */

export type BudgetStatus = "no-budget" | "over-budget" | "ahead-of-pace" | "on-pace" | "under-pace";

export interface BudgetPace {
  /** Spent so far as a share of the year's budget, in percent; null without a budget. */
  percentSpent: number | null;
  /** What even spending would have used by today (the whole budget for a past year, nothing for a future one). */
  expectedByNow: number | null;
  status: BudgetStatus;
}

/** How far through `year` the day `today` (YYYY-MM-DD) is, from 0 (before it) to 1 (after it), counting whole days. */
export function shareOfYearElapsed(year: number, today: string): number {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const day = Date.parse(`${today}T00:00:00Z`);
  if (day < start) return 0;
  if (day >= end) return 1;
  // Today counts as spent time: on 31 December the whole year has been available.
  return (day - start + 86_400_000) / (end - start);
}

/** Within 10% of the even pace either way is on pace; a tolerance keeps one course's invoice from flipping the status. */
const PACE_TOLERANCE = 0.1;

export function budgetPace(budget: number | null, spent: number, year: number, today: string): BudgetPace {
  if (budget === null || budget <= 0) return { percentSpent: null, expectedByNow: null, status: "no-budget" };
  const expected = budget * shareOfYearElapsed(year, today);
  const percentSpent = (spent / budget) * 100;
  let status: BudgetStatus;
  if (spent > budget) status = "over-budget";
  else if (spent > expected * (1 + PACE_TOLERANCE)) status = "ahead-of-pace";
  else if (spent < expected * (1 - PACE_TOLERANCE)) status = "under-pace";
  else status = "on-pace";
  return { percentSpent, expectedByNow: expected, status };
}

export const BUDGET_STATUS_TEXT: Record<BudgetStatus, string> = {
  "no-budget": "No budget set",
  "over-budget": "Over budget",
  "ahead-of-pace": "Spending ahead of pace",
  "on-pace": "On pace",
  "under-pace": "Spending behind pace",
};
