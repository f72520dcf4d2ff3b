/**
 * The shapes the skills API returns to the browser (learning, AI usage, experiments, the skills matrix).
 * Pure types: the server builds them, the Skills screens and client hooks read them.
 */
import type { MetricUnit } from "@/lib/metrics/catalog";
import type { ExperimentComparison, Period } from "@/lib/skills/experiments";
import type { LearningSummary } from "@/lib/skills/learning";
import type { Segment } from "@/lib/validation/skills";

export interface QuarterRow extends LearningSummary {
  quarter: string;
}

export interface SegmentLearning {
  key: string;
  name: string;
  quarters: QuarterRow[];
}

export interface BudgetBurn {
  teamId: string;
  teamName: string;
  budget: number | null;
  spent: number;
  months: { month: string; spent: number; cumulative: number }[];
}

export interface LearningReport {
  year: number;
  segment: Segment;
  quarters: string[];
  rows: SegmentLearning[];
  budgets: BudgetBurn[];
}

export interface CopilotTeamMatch {
  copilotTeam: string;
  teamId: string | null;
  teamName: string | null;
  /** How the team was found: same slug, the caller's mapping, or not at all. */
  via: "slug" | "mapping" | "none";
  rows: number;
}

export interface CopilotImportResult {
  dryRun: boolean;
  teams: CopilotTeamMatch[];
  /** Seat holders with no assigning team count for no Pillars team. */
  seatsWithoutTeam: number;
  rows: number;
  created: number;
  updated: number;
}

export interface AiUsageView {
  tool: string;
  teamId: string;
  teamName: string;
  date: string;
  seats: number | null;
  activeUsers: number | null;
  engagedUsers: number | null;
  suggestions: number | null;
  acceptances: number | null;
  agentTasks: number | null;
}

export interface MetricReadout {
  metricKey: string;
  name: string;
  unit: MetricUnit;
  howComputed: string;
  expected: "up" | "down";
  comparison: ExperimentComparison;
  /** Whether the net change went the expected way; null without data or when it did not move. */
  asExpected: boolean | null;
}

export interface ExperimentReadout {
  experimentId: string;
  before: Period | null;
  after: Period | null;
  metrics: MetricReadout[];
  caveat: string;
}

export interface ExperimentView {
  id: string;
  title: string;
  hypothesis: string;
  owner: string;
  startDate: string;
  endDate: string | null;
  expectations: { metricKey: string; direction: "up" | "down" }[];
  outcome: string | null;
  notes: string | null;
  teams: { id: string; name: string }[];
  status: "planned" | "running" | "concluded";
  canEdit: boolean;
}

export interface LearningRecordView {
  id: string;
  teamId: string;
  teamName: string;
  employeeId: string | null;
  date: string;
  hours: number;
  spend: number;
  category: string;
  title: string | null;
  externalId: string | null;
  canDelete: boolean;
}

export interface TeamSkillsView {
  team: { id: string; name: string };
  people: number;
  needed: number;
  covered: number;
  percent: number | null;
  skills: { skillId: string; name: string; category: string | null; proficientPeople: number; covered: boolean }[];
  busFactor: { skillId: string; name: string; proficientPeople: number }[];
  canViewIndividuals: boolean;
  canEdit: boolean;
}

export interface TeamProficienciesView {
  teamId: string;
  skills: { id: string; name: string; needed: boolean }[];
  people: { employeeId: string; level: string | null; roleFamily: string | null; levels: Record<string, number> }[];
}

export interface OrgGapView {
  skillId: string;
  name: string;
  teamsNeeding: number;
  uncoveredTeams: { id: string; name: string }[];
  proficientPeopleInOrg: number;
}
