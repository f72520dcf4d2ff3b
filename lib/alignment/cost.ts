/**
 * Team cost (metric spec §6): headcount × loaded cost per person for the team's location
 * and sourcing model, with rates entered by an admin. Pure.
 */

export const SOURCING_MODELS = ["onshore", "nearshore", "offshore", "vendor"] as const;
export type Sourcing = (typeof SOURCING_MODELS)[number];

export interface LoadedCostRate {
  location: string;
  /** Null: the rate applies to every sourcing model at this location without its own rate. */
  sourcing: Sourcing | null;
  /** Fully loaded yearly cost of one person (salary, benefits, overheads), in the org currency. */
  annualCostPerPerson: number;
}

export interface HeadcountSlice {
  location: string;
  sourcing: Sourcing;
  /** May be fractional (e.g. an average headcount). */
  headcount: number;
}

export interface TeamCost {
  annualCost: number;
  headcount: number;
  costedHeadcount: number;
  /** Slices without a rate; they add nothing to the cost, so the UI must flag it as incomplete. */
  missingRates: { location: string; sourcing: Sourcing }[];
}

/** The rate for a location and sourcing model: an exact rate first, else the location's general one. */
export function rateFor(rates: readonly LoadedCostRate[], location: string, sourcing: Sourcing): LoadedCostRate | null {
  return (
    rates.find((r) => r.location === location && r.sourcing === sourcing) ??
    rates.find((r) => r.location === location && r.sourcing === null) ??
    null
  );
}

export function teamCost(slices: readonly HeadcountSlice[], rates: readonly LoadedCostRate[]): TeamCost {
  let annualCost = 0;
  let headcount = 0;
  let costedHeadcount = 0;
  const missingRates: TeamCost["missingRates"] = [];
  for (const s of slices) {
    headcount += s.headcount;
    const rate = rateFor(rates, s.location, s.sourcing);
    if (rate === null) {
      if (s.headcount > 0) missingRates.push({ location: s.location, sourcing: s.sourcing });
      continue;
    }
    annualCost += s.headcount * rate.annualCostPerPerson;
    costedHeadcount += s.headcount;
  }
  return { annualCost, headcount, costedHeadcount, missingRates };
}

/** Weeks a yearly cost is spread over; the catalog stores cost per ISO week as annual ÷ 52. */
export const WEEKS_PER_YEAR = 52;

/** One week's share of a yearly cost (engineering_cost is stored per week and summed). */
export function weeklyCost(annualCost: number): number {
  return annualCost / WEEKS_PER_YEAR;
}
