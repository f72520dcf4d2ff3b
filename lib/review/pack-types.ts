/** Meeting pack shapes (GET /api/v1/packs…), shared by the route handlers, the pack pages and presentation mode. */
import type { Granularity } from "@/lib/domain/time";
import type { MetricSeries, RangeKey } from "@/lib/metrics/series-types";
import type { ActionStatus } from "@/lib/validation/leadership";

export interface FrozenMarker {
  date: string;
  label: string;
}

/** One chart as it was when the pack was saved: the numbers never change afterwards. */
export interface PackSlide {
  metricKey: string;
  scope: string;
  scopeName: string;
  range: RangeKey;
  granularity: Granularity;
  narrative: string;
  speakerNotes: string;
  /** When the numbers were taken (ISO instant) and the week they run to. */
  frozenAt: string;
  asOfWeek: string;
  series: MetricSeries;
  markers: FrozenMarker[];
}

export interface PackAction {
  id: string;
  title: string;
  owner: string;
  status: ActionStatus;
  dueDate: string | null;
}

export interface PackSummary {
  id: string;
  title: string;
  date: string;
  slideCount: number;
  openActions: number;
  createdBy: string | null;
}

export interface PackDetail {
  id: string;
  title: string;
  date: string;
  createdBy: string | null;
  slides: PackSlide[];
  actions: PackAction[];
  /** The pack before this one, so a meeting starts by going through last time's actions. */
  previous: { id: string; title: string; date: string; actions: PackAction[] } | null;
  canEdit: boolean;
}
