/**
 * The career framework seeded into CareerLevel, and how levels are drawn for the demo roster.
 */
import type { Rng } from "./prng";

export interface CareerLevelPlan {
  key: string;
  name: string;
  track: "IC" | "M";
  order: number;
}

export const CAREER_LEVELS: CareerLevelPlan[] = [
  { key: "IC1", name: "Associate Engineer", track: "IC", order: 1 },
  { key: "IC2", name: "Engineer", track: "IC", order: 2 },
  { key: "IC3", name: "Senior Engineer", track: "IC", order: 3 },
  { key: "IC4", name: "Staff Engineer", track: "IC", order: 4 },
  { key: "IC5", name: "Senior Staff Engineer", track: "IC", order: 5 },
  { key: "IC6", name: "Principal Engineer", track: "IC", order: 6 },
  { key: "M1", name: "Engineering Manager", track: "M", order: 3 },
  { key: "M2", name: "Senior Engineering Manager", track: "M", order: 4 },
  { key: "M3", name: "Director of Engineering", track: "M", order: 5 },
  { key: "M4", name: "VP Engineering", track: "M", order: 6 },
];

/** The next level up the same track, or null at the top. */
export function nextLevel(level: string): string | null {
  const current = CAREER_LEVELS.find((l) => l.key === level);
  if (!current) return null;
  return CAREER_LEVELS.find((l) => l.track === current.track && l.order === current.order + 1)?.key ?? null;
}

/** A level that fits someone's years of experience in the company when the demo starts. */
export function levelForTenure(rng: Rng, years: number): string {
  if (years < 1) return rng.chance(0.35) ? "IC1" : "IC2";
  if (years < 3) return rng.chance(0.55) ? "IC2" : "IC3";
  if (years < 6) return rng.chance(0.6) ? "IC3" : "IC4";
  return rng.chance(0.7) ? "IC4" : "IC5";
}

/** The level an outside hire joins at: mostly mid-level, a few juniors and staff engineers. */
export function levelForHire(rng: Rng): string {
  const u = rng.next();
  if (u < 0.12) return "IC1";
  if (u < 0.6) return "IC2";
  if (u < 0.9) return "IC3";
  return "IC4";
}

/** Chance of promotion at a cycle for someone eligible, by current level (it narrows at the top). */
export function promotionChance(level: string): number {
  const chances: Record<string, number> = { IC1: 0.45, IC2: 0.22, IC3: 0.14, IC4: 0.08 };
  return chances[level] ?? 0;
}
