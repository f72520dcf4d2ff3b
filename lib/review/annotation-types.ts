/** An annotation as the API returns it (GET /api/v1/annotations), shared by the handlers and the pages. */
export interface AnnotationView {
  id: string;
  scopeType: "ORG" | "GROUP" | "TEAM";
  scopeId: string | null;
  scopeName: string;
  date: string;
  title: string;
  body: string | null;
  kind: "NOTE" | "METRIC_CHANGE";
  /** For METRIC_CHANGE notes: the metric whose definition changed. */
  metricKey: string | null;
  createdBy: string | null;
  canEdit: boolean;
}
