import "server-only";

/**
 * What an ingest batch touched, per team: the earliest and latest instants of the events it wrote
 * (old and new versions both, so an event moved from one week to another clears its old week too).
 * The recompute widens these to every week whose result can change.
 */
export interface InstantRange {
  min: number;
  max: number;
}

export interface FlowRange extends InstantRange {
  /** An item is unfinished: its WIP counts in every week up to now. */
  open: boolean;
}

export class AffectedTeams {
  readonly delivery = new Map<string, InstantRange>();
  readonly flow = new Map<string, FlowRange>();

  addDelivery(teamId: string | null, instants: readonly (Date | null | undefined)[]): void {
    if (!teamId) return;
    const times = instants.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
    if (times.length === 0) return;
    const current = this.delivery.get(teamId);
    this.delivery.set(teamId, widen(current, times));
  }

  addFlow(teamId: string, instants: readonly (Date | null | undefined)[], open: boolean): void {
    const times = instants.filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
    if (times.length === 0) return;
    const current = this.flow.get(teamId);
    this.flow.set(teamId, { ...widen(current, times), open: open || (current?.open ?? false) });
  }

  get isEmpty(): boolean {
    return this.delivery.size === 0 && this.flow.size === 0;
  }
}

function widen(current: InstantRange | undefined, times: number[]): InstantRange {
  let min = current?.min ?? Number.POSITIVE_INFINITY;
  let max = current?.max ?? Number.NEGATIVE_INFINITY;
  for (const t of times) {
    if (t < min) min = t;
    if (t > max) max = t;
  }
  return { min, max };
}

/** What a queued recompute carries (JSON): per team, [min, max] instants and, for flow, whether an item is open. */
export interface AffectedPayload {
  delivery: [teamId: string, min: number, max: number][];
  flow: [teamId: string, min: number, max: number, open: boolean][];
}

export function affectedToPayload(affected: AffectedTeams): AffectedPayload {
  return {
    delivery: [...affected.delivery].map(([teamId, r]) => [teamId, r.min, r.max]),
    flow: [...affected.flow].map(([teamId, r]) => [teamId, r.min, r.max, r.open]),
  };
}

export function affectedFromPayload(payload: AffectedPayload): AffectedTeams {
  const affected = new AffectedTeams();
  for (const [teamId, min, max] of payload.delivery) affected.addDelivery(teamId, [new Date(min), new Date(max)]);
  for (const [teamId, min, max, open] of payload.flow) affected.addFlow(teamId, [new Date(min), new Date(max)], open);
  return affected;
}

/** Two batches' ranges as one: the recompute of the union covers both. */
export function mergeAffected(a: AffectedPayload, b: AffectedPayload): AffectedPayload {
  const merged = affectedFromPayload(a);
  for (const [teamId, min, max] of b.delivery) merged.addDelivery(teamId, [new Date(min), new Date(max)]);
  for (const [teamId, min, max, open] of b.flow) merged.addFlow(teamId, [new Date(min), new Date(max)], open);
  return affectedToPayload(merged);
}
