/**
 * "How is this computed" texts for skills and capability metrics (metric spec §5), keyed like
 * the metric catalog (lib/metrics/catalog.ts) where the metric is in it.
 */

export type SkillsMetricKey =
  | "learning_hours"
  | "learning_spend"
  | "learning_share"
  | "ai_adoption"
  | "ai_reach"
  | "ai_pr_share"
  | "skills_coverage"
  | "bus_factor"
  | "experiment_comparison"
  | "experiments_active";

export const SKILLS_EXPLANATIONS: Readonly<Record<SkillsMetricKey, string>> = {
  learning_hours: "Learning hours recorded in the period (usually a quarter) ÷ average engineering headcount.",
  learning_spend: "Learning spend (courses, books, conferences) recorded in the period ÷ average engineering headcount.",
  learning_share:
    "Engineers who recorded any learning hours in the period ÷ the engineers on the team on any day of the period, from the roster (the average engineering headcount where the roster has no one on the team), so it never passes 100% because people joined or left.",
  ai_adoption: "People who used an AI coding tool in the period ÷ licensed seats.",
  ai_reach: "People who used an AI coding tool in the period ÷ engineering headcount.",
  ai_pr_share: "Merged pull requests flagged as AI-assisted by the tool's usage export ÷ all merged pull requests, where the tool reports it.",
  skills_coverage:
    "A needed skill is covered when at least 2 people on the team are proficient (level 3 or 4 on a 0–4 scale). Coverage = covered skills ÷ needed skills.",
  bus_factor: "Needed skills that fewer than 2 proficient people hold: losing one person would lose the skill.",
  experiment_comparison:
    "Mean weekly value of the experiment teams before and after the start, compared with all other teams over the same weeks. Net = experiment change − other teams' change. Correlation, not cause.",
  experiments_active: "Experiments whose start is on or before the week's end and whose end is empty or on or after the week's start.",
};
