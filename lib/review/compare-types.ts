/** GET /api/v1/compare and GET /api/v1/segments responses, shared by the handlers and the comparison page. */
import type { Granularity } from "@/lib/domain/time";
import type { MetricInfo, RangeKey, SeriesPoint } from "@/lib/metrics/series-types";
import type { SegmentOption } from "@/lib/segments/segments";

export interface CompareLine {
  key: string;
  label: string;
  teamCount: number;
  points: SeriesPoint[];
}

export interface CompareMetric {
  metric: MetricInfo;
  /** The whole organisation, drawn as the baseline. */
  baseline: SeriesPoint[];
  lines: CompareLine[];
}

export interface CompareResponse {
  range: RangeKey;
  granularity: Granularity;
  from: string;
  to: string;
  metrics: CompareMetric[];
}

export interface SegmentsResponse {
  segments: SegmentOption[];
  metrics: { key: string; name: string; pillar: string }[];
}
