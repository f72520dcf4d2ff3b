/** The weekly review's response (GET /api/v1/review), shared by the route handler and the page. */
import type { PillarKey } from "@/lib/metrics/catalog";
import type { EarlyWarning } from "./early-warning";
import type { MetricMove, TargetFlag } from "./movers";

export interface ReviewPillar {
  key: PillarKey;
  name: string;
  movers: MetricMove[];
  flags: TargetFlag[];
}

export interface ReviewMissingWeek {
  week: string;
  expected: number;
  entered: number;
  teams: { teamId: string; teamName: string; managers: string[]; missing: string[] }[];
}

export interface ReviewAnnotation {
  id: string;
  date: string;
  title: string;
  body: string | null;
  kind: "NOTE" | "METRIC_CHANGE";
  scopeName: string;
  /** `org`, `group:<id>` or `team:<id>`: the charts the note is drawn on. */
  scope: string;
}

export interface ReviewExperiment {
  id: string;
  title: string;
  owner: string;
  startDate: string;
  endDate: string | null;
  teams: string[];
  event: "started" | "ended";
}

export interface TeamWarning extends EarlyWarning {
  teamId: string;
  teamName: string;
}

export interface WeeklyReview {
  scope: { type: "ORG" | "GROUP" | "TEAM"; id: string | null; name: string; param: string };
  /** The week the reviewer asked about, and the complete week whose numbers are compared. */
  asOfWeek: string;
  reviewWeek: string;
  currentWeek: string;
  granularity: "week" | "month";
  pillars: ReviewPillar[];
  /** null when the user may not see who has not entered data. */
  missing: ReviewMissingWeek[] | null;
  recent: { from: string; to: string; annotations: ReviewAnnotation[]; experiments: ReviewExperiment[] };
  warnings: TeamWarning[];
  warningWindow: { recentFrom: string; recentTo: string; baselineFrom: string; baselineTo: string };
}
