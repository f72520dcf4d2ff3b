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
