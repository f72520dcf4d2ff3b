/**
 * Team cost (metric spec §6): headcount × loaded cost per person for the team's location
 * and sourcing model, with rates entered by an admin. Pure.
 */
import { parseDay } from "@/lib/domain/time";

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

function daysInYear(year: number): number {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 366 : 365;
}

/**
 * The share of a yearly cost that falls in `start`..`end` (inclusive): each day is
 * 1 ÷ the length of its own year, so a whole calendar year is exactly the yearly cost.
 */
export function prorateAnnualCost(annualCost: number, start: string, end: string): number {
  const from = parseDay(start);
  const to = parseDay(end);
  if (to < from) throw new RangeError(`${start}..${end} is not a period`);
  let fraction = 0;
  for (let year = from.getUTCFullYear(); year <= to.getUTCFullYear(); year += 1) {
    const first = Math.max(from.getTime(), Date.UTC(year, 0, 1));
    const last = Math.min(to.getTime(), Date.UTC(year, 11, 31));
    fraction += ((last - first) / 86_400_000 + 1) / daysInYear(year);
  }
  return annualCost * fraction;
}
