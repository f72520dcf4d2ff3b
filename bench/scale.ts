/**
 * Dataset sizes and measurement effort per benchmark scale. `large` is a 2,000-engineer organisation;
 * `small` is about 1/50 of it, for a quick check that the harness still works.
 */
export type ScaleName = "small" | "large";

export interface Scale {
  name: ScaleName;
  /** Group tree: top-level groups, children per top-level group, grandchildren per child. */
  tree: [number, number, number];
  teamsPerLeafGroup: number;
  people: number;
  /** Weeks of history (three years). */
  weeks: number;
  metrics: number;
  servicesPerTeam: number;
  deployments: number;
  pullRequests: number;
  incidents: number;
  workItems: number;
  surveyRuns: number;
  surveyResponses: number;
  importRows: number;
}

export const SCALES: Record<ScaleName, Scale> = {
  large: {
    name: "large",
    tree: [5, 5, 2],
    teamsPerLeafGroup: 5,
    people: 2500,
    weeks: 156,
    metrics: 40,
    servicesPerTeam: 2,
    deployments: 300_000,
    pullRequests: 600_000,
    incidents: 20_000,
    workItems: 500_000,
    surveyRuns: 12,
    surveyResponses: 50_000,
    importRows: 100_000,
  },
  small: {
    name: "small",
    tree: [1, 1, 1],
    teamsPerLeafGroup: 5,
    people: 50,
    weeks: 156,
    metrics: 40,
    servicesPerTeam: 2,
    deployments: 6_000,
    pullRequests: 12_000,
    incidents: 400,
    workItems: 10_000,
    surveyRuns: 12,
    surveyResponses: 1_000,
    importRows: 2_000,
  },
};

export function teamCount(scale: Scale): number {
  const [a, b, c] = scale.tree;
  return a * b * c * scale.teamsPerLeafGroup;
}

/** How hard each measurement works: `quick` keeps `npm test` to a couple of minutes. */
export interface Effort {
  overviewRequests: number;
  scopeRequests: number;
  floorRepeats: number;
  ingestBatches: number;
  /** 500-event batches timed from POST to recomputed values. */
  endToEndBatches: number;
  /** Overview requests each made right after a write. */
  afterWriteRequests: number;
  loadSeconds: number;
  loadConnections: number;
  lighthouse: boolean;
}

export function effortFor(quick: boolean): Effort {
  return quick
    ? { overviewRequests: 20, scopeRequests: 10, floorRepeats: 5, ingestBatches: 2, endToEndBatches: 2, afterWriteRequests: 5, loadSeconds: 5, loadConnections: 10, lighthouse: false }
    : { overviewRequests: 60, scopeRequests: 50, floorRepeats: 20, ingestBatches: 10, endToEndBatches: 5, afterWriteRequests: 20, loadSeconds: 30, loadConnections: 50, lighthouse: true };
}
