/**
 * "How is this computed" texts for skills and capability metrics (metric spec §5).
 */

export type SkillsMetricKey =
  | "learningHours"
  | "learningSpend"
  | "learningShare"
  | "aiAdoptionSeats"
  | "aiAdoptionHeadcount"
  | "aiAssistedPrs"
  | "skillsCoverage"
  | "busFactor"
  | "experimentComparison";

export const SKILLS_EXPLANATIONS: Readonly<Record<SkillsMetricKey, string>> = {
  learningHours: "Learning hours logged in the quarter ÷ engineering headcount.",
  learningSpend: "Learning spend (courses, books, conferences) in the quarter ÷ engineering headcount.",
  learningShare: "Engineers who logged any learning hours in the quarter ÷ engineering headcount.",
  aiAdoptionSeats: "People who used an AI coding tool in the period ÷ licensed seats.",
  aiAdoptionHeadcount: "People who used an AI coding tool in the period ÷ engineering headcount.",
  aiAssistedPrs: "Merged pull requests flagged as AI-assisted by the tool's usage export ÷ all merged pull requests, where the tool reports it.",
  skillsCoverage:
    "A needed skill is covered when at least 2 people on the team are proficient (level 3 or 4 on a 0–4 scale). Coverage = covered skills ÷ needed skills.",
  busFactor: "Needed skills that fewer than 2 proficient people hold: losing one person would lose the skill.",
  experimentComparison:
    "Mean weekly value of the experiment teams before and after the start, compared with all other teams over the same weeks. Net = experiment change − other teams' change. Correlation, not cause.",
};
