/** Work items as the flow metrics read them (Flow Framework, Mik Kersten, *Project to Product*, 2018). */

export type FlowType = "feature" | "defect" | "risk" | "debt";

export const FLOW_TYPES: readonly FlowType[] = ["feature", "defect", "risk", "debt"];

export interface StatusTransition {
  /** The status entered, as the tracker names it. */
  status: string;
  at: Date;
}

export interface WorkItem {
  id: string;
  teamId: string;
  type: FlowType;
  createdAt: Date;
  transitions: StatusTransition[];
}
