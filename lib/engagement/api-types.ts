/**
 * The shapes the engagement API returns to the browser (surveys, runs, results, invitation links). Pure types:
 * the server builds them, the survey screens and client hooks read them.
 */
import type { WithheldReason } from "@/lib/disclosure/reasons";
import type { IndexKey, Repeat, StoredItem } from "@/lib/validation/surveys";

/** A run is open from its opening day to its closing day inclusive, in the organisation's time zone. */
export type RunState = "scheduled" | "open" | "closed";
/** How a run's state reads on every page that lists or shows runs. */
export const RUN_STATE_LABEL: Record<RunState, string> = { scheduled: "Scheduled", open: "Open", closed: "Closed" };

export interface IndexScore {
  key: IndexKey;
  name: string;
  howComputed: string;
  /** Mean of person scores (eNPS: −100…+100). */
  score: number | null;
  /** % favourable, 0–100 (null for eNPS, which has promoters instead). */
  percentFavourable: number | null;
  promoters?: number;
  passives?: number;
  detractors?: number;
  /** Index score of this group minus the organisation's, when both are shown. */
  vsOrg?: number | null;
}

export interface DistributionEntry {
  value: number | string;
  label: string;
  count: number;
  percent: number | null;
}

export interface ItemScore {
  id: string;
  text: string;
  kind: StoredItem["kind"];
  reverseScored: boolean;
  /** Mean answer after reversal (scales only). */
  mean: number | null;
  percentFavourable: number | null;
  distribution: DistributionEntry[];
}

export interface UnitScores {
  respondents: number;
  invited: number;
  participation: number | null;
  indexes: IndexScore[];
  items: ItemScore[];
}

export interface RunTeam {
  id: string;
  name: string;
  groupId: string;
  location: string;
  sourcing: string;
  invited: number;
}

export interface RunDetail {
  id: string;
  title: string;
  surveyId: string;
  surveyTitle: string;
  opensOn: string;
  closesOn: string;
  repeat: Repeat;
  state: RunState;
  items: StoredItem[];
  teams: RunTeam[];
}

export type UnitType = "org" | "group" | "team" | "filter";

export interface UnitBase {
  key: string;
  type: UnitType;
  id: string | null;
  name: string;
}

export interface ResultComment {
  id: string;
  itemId: string;
  text: string;
  hidden: boolean;
}

export type ShownUnit = UnitBase & UnitScores & {
  shown: true;
  comments: ResultComment[];
  /** The snapshot these numbers are as of: earlier than the latest when too few answered since (rule 3). */
  asOf: { snapshot: number; publishedOn: string };
};

export type WithheldUnit = UnitBase & { shown: false; reason: WithheldReason; message: string };

export type UnitResult = ShownUnit | WithheldUnit;

export interface TrendEntry {
  runId: string;
  title: string;
  closesOn: string;
  shown: boolean;
  message?: string;
  participation?: number | null;
  indexes?: { key: string; score: number | null }[];
}

export interface SnapshotInfo {
  snapshot: number;
  publishedOn: string;
  final: boolean;
}

export interface RunResults {
  run: Omit<RunDetail, "teams" | "items"> & { teams: { id: string; name: string; location: string; sourcing: string }[] };
  threshold: number;
  items: StoredItem[];
  explanations: { participation: string; percentFavourable: string; distribution: string; anonymity: string; teamScore: string };
  /** The latest published snapshot, or null while none is (results then show nothing but progress). */
  snapshot: SnapshotInfo | null;
  /** Live progress: how many were invited and have answered per team (counts only, never answers). */
  progress: { teamId: string; name: string; invited: number; answered: number }[];
  org: UnitResult;
  groups: UnitResult[];
  teams: UnitResult[];
  filter: UnitResult | null;
  /** The same survey's runs up to this one, for the filtered slice when given, else the organisation. */
  trend: TrendEntry[];
}

export interface TemplateSummary {
  key: string;
  name: string;
  source: string;
  items: StoredItem[];
}

export interface RunSummary {
  id: string;
  title: string;
  opensOn: string;
  closesOn: string;
  repeat: string;
  state: RunState;
  teams: number;
}

export interface SurveySummary {
  id: string;
  title: string;
  description: string | null;
  itemCount: number;
  indexes: string[];
  createdAt: string;
  runs: RunSummary[];
}

export interface SurveyDetail extends SurveySummary {
  items: StoredItem[];
}

export interface InvitationLink {
  teamId: string;
  teamName: string;
  url: string;
}

export interface GeneratedLinks {
  runId: string;
  links: InvitationLink[];
  /** Seats now issued per team (all generations so far). */
  invited: { teamId: string; teamName: string; invited: number }[];
}

export interface EmailFailure {
  /** Index in the request's `addresses`. */
  index: number;
  address: string;
  reason: string;
}

export interface EmailInvitationsResult {
  runId: string;
  teamId: string;
  teamName: string;
  sent: number;
  /** Addresses whose message was not accepted; their links were voided. Only in this answer. */
  failed: EmailFailure[];
  /** Seats now issued to the team (all generations and emails so far). */
  invited: number;
}
