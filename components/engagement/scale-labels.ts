/** Anchor words shown at the ends of each answer scale (the numbers themselves are the answers). */
import type { StoredItem } from "@/lib/validation/surveys";

export function scaleValues(kind: StoredItem["kind"]): number[] {
  if (kind === "likert5") return [1, 2, 3, 4, 5];
  if (kind === "likert7") return [1, 2, 3, 4, 5, 6, 7];
  if (kind === "scale0to10") return Array.from({ length: 11 }, (_, i) => i);
  return [];
}

export function scaleAnchors(kind: StoredItem["kind"]): { low: string; high: string } {
  if (kind === "scale0to10") return { low: "Not at all likely", high: "Extremely likely" };
  return { low: "Strongly disagree", high: "Strongly agree" };
}
