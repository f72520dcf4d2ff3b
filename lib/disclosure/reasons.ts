/**
 * Why a number about people is not shown, and what a reader is told — one wording everywhere (pages, API,
 * exports). Pure.
 */
export type WithheldReason =
  /** The group has fewer people (respondents, or people for people metrics) than the threshold. */
  | "too-few"
  /** Shown beside what else can be read, it would let someone work out a smaller group (complementary suppression). */
  | "differencing"
  /** People numbers of a period appear once the period is over (they would change, and could be subtracted, daily). */
  | "in-progress"
  /** A survey run's results appear once a snapshot is published (when it closes, or when a leader publishes one). */
  | "not-published"
  /** How separations are classified (voluntary, regretted, reasons) needs more separations for this role. */
  | "classification";

export const WITHHELD_TEXT: Record<WithheldReason, string> = {
  "too-few": "Too few people to show",
  differencing: "Withheld to protect anonymity",
  "in-progress": "Shown when the period is complete",
  "not-published": "Results appear when the run closes or a snapshot is published",
  classification: "Too few leavers to show how they are classified",
};

/** Survey thresholds an admin may choose (k); people metrics never go below 5 whatever k is. */
export const ANONYMITY_THRESHOLD_MIN = 3;
export const ANONYMITY_THRESHOLD_MAX = 10;
export const ANONYMITY_THRESHOLD_DEFAULT = 5;
export const PEOPLE_FLOOR_MIN = 5;
/** Separations a group needs in each month before managers and viewers see how they are classified (rule 5). */
export const CLASSIFICATION_FLOOR = 3;

export function isValidThreshold(threshold: number): boolean {
  return Number.isInteger(threshold) && threshold >= ANONYMITY_THRESHOLD_MIN && threshold <= ANONYMITY_THRESHOLD_MAX;
}

export function peopleFloor(threshold: number): number {
  return Math.max(PEOPLE_FLOOR_MIN, threshold);
}
