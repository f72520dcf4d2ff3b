/**
 * AI coding tool adoption (metric spec §5). Pure. Each share is null when its denominator
 * is zero or unknown, because "no data" must not read as "0% adoption".
 */
import { ratio } from "@/lib/domain/stats";

export interface AiAdoptionInput {
  /** Distinct people who used an AI coding tool in the period. */
  activeUsers: number;
  seats: number;
  engineeringHeadcount: number;
  /** Merged PRs in the period, and those flagged as AI-assisted, where a tool exports them. */
  mergedPrs?: number | null;
  aiAssistedMergedPrs?: number | null;
}

export interface AiAdoption {
  percentOfSeats: number | null;
  percentOfHeadcount: number | null;
  aiAssistedPrPercent: number | null;
}

const percent = (n: number, d: number) => {
  const r = ratio(n, d);
  return r === null ? null : r * 100;
};

export function aiAdoption(input: AiAdoptionInput): AiAdoption {
  const { mergedPrs, aiAssistedMergedPrs } = input;
  return {
    percentOfSeats: percent(input.activeUsers, input.seats),
    percentOfHeadcount: percent(input.activeUsers, input.engineeringHeadcount),
    aiAssistedPrPercent:
      mergedPrs === null || mergedPrs === undefined || aiAssistedMergedPrs === null || aiAssistedMergedPrs === undefined
        ? null
        : percent(aiAssistedMergedPrs, mergedPrs),
  };
}
