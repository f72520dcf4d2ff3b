/**
 * "How is this computed" texts for engagement metrics, shown in the UI and returned by the
 * API beside each number. Keyed like the metric catalog (lib/metrics/catalog.ts) where the
 * metric is in it. Wording follows the metric spec §3.
 */

export type EngagementMetricKey =
  | "team_score"
  | "percent_favourable"
  | "psych_safety"
  | "enps"
  | "participation"
  | "distribution"
  | "anonymity";

export const ENGAGEMENT_EXPLANATIONS: Readonly<Record<EngagementMetricKey, string>> = {
  team_score:
    "Each respondent's score is the mean of their answers to the items (negatively worded items reversed); the team's score is the mean of its respondents' scores, so every person counts once.",
  percent_favourable:
    "Share of answers that agree: 4 or 5 on a 5-point scale, 6 or 7 on a 7-point scale, read after reversing negatively worded items. Across several items, all answers are pooled.",
  psych_safety:
    "Edmondson's (1999) seven items on a 7-point scale. Items 1, 3 and 5 are reverse-scored (8 − answer). A person's score is the mean of the seven; the team's is the mean of persons.",
  enps:
    "“How likely are you to recommend working here to a friend?” (0–10). eNPS = 100 × (promoters answering 9–10 − detractors answering 0–6) ÷ respondents; it ranges from −100 to +100.",
  participation: "Respondents ÷ people invited to the survey.",
  distribution: "How many respondents gave each possible answer, as given (before any reversal).",
  anonymity:
    "No result is shown for a group with fewer respondents than the anonymity threshold (default 5). A result is also withheld when subtracting it from another shown result would reveal fewer respondents than the threshold.",
};
