/**
 * Survey templates shipped with Pillars, as data. Admins start a survey from one of these.
 */
import type { ScaleItem, SurveyItem, TextItem } from "./items";

export interface SurveyTemplate {
  key: string;
  name: string;
  /** Where the instrument comes from, shown beside its results. */
  source: string;
  items: readonly SurveyItem[];
}

/** Edmondson (1999), Administrative Science Quarterly 44(2): seven items, 7-point, 1, 3 and 5 reversed. */
export const PSYCHOLOGICAL_SAFETY_ITEMS: readonly ScaleItem[] = [
  { id: "ps1", kind: "likert7", reverseScored: true, text: "If you make a mistake on this team, it is often held against you." },
  { id: "ps2", kind: "likert7", text: "Members of this team are able to bring up problems and tough issues." },
  { id: "ps3", kind: "likert7", reverseScored: true, text: "People on this team sometimes reject others for being different." },
  { id: "ps4", kind: "likert7", text: "It is safe to take a risk on this team." },
  { id: "ps5", kind: "likert7", reverseScored: true, text: "It is difficult to ask other members of this team for help." },
  { id: "ps6", kind: "likert7", text: "No one on this team would deliberately act in a way that undermines my efforts." },
  { id: "ps7", kind: "likert7", text: "Working with members of this team, my unique skills and talents are valued and utilized." },
];

export const ENPS_ITEM: ScaleItem = {
  id: "enps",
  kind: "scale0to10",
  text: "How likely are you to recommend working here to a friend?",
};

export const COMMENT_ITEM: TextItem = {
  id: "comment",
  kind: "text",
  text: "Anything else you would like to share? (optional)",
};

/** The short pulse: one 5-point agreement statement per theme. */
export const PULSE_ITEMS: readonly ScaleItem[] = [
  { id: "autonomy", kind: "likert5", text: "I have enough freedom to decide how I do my work." },
  { id: "trust-leadership", kind: "likert5", text: "I trust the decisions made by leadership in this organisation." },
  { id: "workload", kind: "likert5", text: "My workload is sustainable over the long term." },
  { id: "growth", kind: "likert5", text: "I am learning and growing in my role." },
  { id: "belonging", kind: "likert5", text: "I feel I belong on this team." },
];

export const SURVEY_TEMPLATES: readonly SurveyTemplate[] = [
  {
    key: "psychological-safety",
    name: "Team psychological safety",
    source: "Edmondson, A. (1999). Psychological Safety and Learning Behavior in Work Teams. Administrative Science Quarterly 44(2).",
    items: [...PSYCHOLOGICAL_SAFETY_ITEMS, COMMENT_ITEM],
  },
  {
    key: "enps",
    name: "Employee Net Promoter Score",
    source: "eNPS: promoters (9–10) minus detractors (0–6) as a share of respondents.",
    items: [ENPS_ITEM, COMMENT_ITEM],
  },
  {
    key: "pulse",
    name: "Short pulse",
    source: "Pillars pulse: autonomy, trust in leadership, workload sustainability, growth, belonging.",
    items: [...PULSE_ITEMS, ENPS_ITEM, COMMENT_ITEM],
  },
];
