/** Terse builders for hand-worked flow test cases. Test-only; not imported by product code. */
import type { FlowType, WorkItem } from "./types";

/** `item("f1", "feature", [["In Progress", "2026-03-02T00:00:00Z"], ["Done", "2026-03-04T00:00:00Z"]])` */
export function item(id: string, type: FlowType, transitions: [status: string, at: string][], teamId = "team-a"): WorkItem {
  return {
    id,
    teamId,
    type,
    createdAt: new Date(transitions[0]?.[1] ?? "2026-01-01T00:00:00Z"),
    transitions: transitions.map(([status, at]) => ({ status, at: new Date(at) })),
  };
}
