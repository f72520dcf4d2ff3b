/**
 * The shapes the delivery API returns to the browser (the DORA summary, its drill-down rows, the flow
 * summary). Pure types: the server builds them, the Delivery page and its client hooks read them. Instants
 * are Dates here; the browser receives them as JSON strings (lib/client/use-delivery.ts maps them).
 */
import type { ChangeTiming } from "@/lib/delivery/changes";
import type { DoraBenchmarks } from "@/lib/delivery/benchmarks";
import type { DeliveryMetricKey } from "@/lib/delivery/explanations";
import type { FailureReason } from "@/lib/delivery/failures";
import type { DeliverySummary } from "@/lib/delivery/summary";
import type { DeploymentKind, DeploymentStatus } from "@/lib/delivery/types";
import type { FlowMetricKey } from "@/lib/flow/explanations";
import type { FlowPeriod } from "@/lib/flow/summary";
import type { FilterInfo } from "@/lib/segments/segment-filter";

/** The scope a delivery or flow answer is about. */
export interface DeliveryScopeView {
  type: "org" | "group" | "team" | "service";
  id: string | null;
  name: string;
  /** The segment filter narrowing a team, group or org scope, or null. */
  filter: FilterInfo | null;
}

/** Where and when: the part every delivery and flow answer starts with. */
interface ScopePeriod {
  scope: DeliveryScopeView;
  from: string;
  to: string;
  timeZone: string;
}

/**
 * The weekly values (trends, overview, status grid) are recomputed from the events by a background job after
 * events arrive; the summary itself is always computed live from the stored events.
 */
export interface WeeklyRecomputeState {
  /** Events of this scope's teams are stored whose weekly values are still being recomputed. */
  pending: boolean;
  /** When the last recompute finished (it includes every event stored before it started), or null. */
  lastComputedAt: string | null;
}

export interface DeliverySummaryResponse extends ScopePeriod, Omit<DeliverySummary, "deploymentFrequency"> {
  deploymentFrequency: DeliverySummary["deploymentFrequency"] & { tierLabel: string };
  weekly: WeeklyRecomputeState;
  benchmarks: { note: string; reports: DoraBenchmarks[] };
  howComputed: Record<DeliveryMetricKey, string>;
}

/** A production deployment behind the summary, with what made it count as failed or rework. */
export interface DeploymentRow {
  externalId: string;
  service: string;
  environment: string;
  status: DeploymentStatus;
  kind: DeploymentKind;
  finishedAt: Date;
  commitSha: string;
  shippedChanges: number;
  causedFailure: boolean;
  failureReasons: FailureReason[];
  isRework: boolean;
  recoveredAt: Date | null;
  recoveryMinutes: number | null;
  incidents: string[];
}

/** A merged pull request behind the lead time, with its four-part breakdown (minutes). */
export interface ChangeRow {
  externalId: string;
  service: string;
  title: string | null;
  author: string | null;
  createdAt: Date | null;
  firstCommitAt: Date | null;
  firstReviewAt: Date | null;
  mergedAt: Date;
  deployedAt: Date | null;
  deployment: string | null;
  coding: number | null;
  pickup: number | null;
  review: number | null;
  deploy: number | null;
  leadTime: number | null;
  countedInLeadTime: boolean;
}

/**
 * One change as received (commits and reviews in time order), its coding / pickup / review / deploy breakdown
 * and the deployment that shipped it — the lead time's own attribution (`GET /api/v1/pull-requests/:id`).
 * The breakdown is null until the change is merged; the deployment until one ships it.
 */
export interface PullRequestBreakdown {
  externalId: string;
  service: string;
  team: { slug: string; name: string } | null;
  title: string | null;
  author: string | null;
  createdAt: Date | null;
  mergedAt: Date | null;
  mergeCommitSha: string | null;
  aiAssisted: boolean | null;
  labels: string[];
  commits: { sha: string; authoredAt: Date }[];
  reviews: { author: string | null; submittedAt: Date }[];
  breakdown: Pick<ChangeTiming, "firstCommitAt" | "firstReviewAt" | "coding" | "pickup" | "review" | "deploy" | "leadTime"> | null;
  deployment: {
    externalId: string;
    service: string | null;
    environment: string;
    status: string;
    kind: string;
    finishedAt: Date;
    commitSha: string;
  } | null;
}

/** An incident opened or resolved in the period, with the deployment it links to. */
export interface IncidentRow {
  externalId: string;
  service: string;
  title: string | null;
  severity: string | null;
  openedAt: Date;
  resolvedAt: Date | null;
  restoreMinutes: number | null;
  openedInPeriod: boolean;
  resolvedInPeriod: boolean;
  linkedDeployment: string | null;
  linkNamedByClient: boolean;
}

export interface FlowSummaryResponse extends ScopePeriod, FlowPeriod {
  howComputed: Record<FlowMetricKey, string>;
}
