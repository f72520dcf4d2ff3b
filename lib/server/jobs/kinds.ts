import "server-only";
import { affectedFromPayload, mergeAffected, type AffectedPayload } from "@/lib/server/services/delivery/affected";
import { recomputeAffected, recomputeTeams } from "@/lib/server/services/delivery/recompute";

/**
 * Every kind of background job: what it runs, the queue it runs in (jobs of one queue run one at a time, in
 * order, on whichever worker takes them), how many runs a failure may take, and how two queued jobs of the
 * kind coalesce into one. A job must be idempotent: a run repeated after a crash gives the same outcome.
 */
export interface JobContext {
  /** The instant the run started: recomputes compute up to its week. */
  now: Date;
  progress(done: number, total: number): Promise<void>;
}

export interface JobKind<P> {
  /** Shown in Admin → Jobs. */
  label: string;
  queue: string;
  maxAttempts: number;
  /** Queued jobs of the kind that have not started take the next one's payload into theirs. */
  merge?: (queued: P, next: P) => P;
  /** How many units of work the payload holds (teams, rows), for the progress bar. */
  size: (payload: P) => number;
  run: (payload: P, ctx: JobContext) => Promise<unknown>;
}

export interface TeamsPayload {
  /** null: every team. */
  teams: string[] | null;
}

const deliveryRecompute: JobKind<AffectedPayload> = {
  label: "Recompute delivery and flow metrics after new events",
  // Recomputes of one organisation run in order, so an older run never writes over a newer one's values.
  queue: "delivery",
  maxAttempts: 5,
  merge: mergeAffected,
  size: (p) => new Set([...p.delivery.map(([t]) => t), ...p.flow.map(([t]) => t)]).size,
  async run(payload, ctx) {
    const result = await recomputeAffected(affectedFromPayload(payload), ctx.now);
    await ctx.progress(this.size(payload), this.size(payload));
    return result;
  },
};

const teamsRecompute: JobKind<TeamsPayload> = {
  label: "Recompute every week of delivery and flow metrics",
  queue: "delivery",
  maxAttempts: 5,
  merge: (a, b) => ({ teams: a.teams === null || b.teams === null ? null : [...new Set([...a.teams, ...b.teams])] }),
  size: (p) => p.teams?.length ?? 0,
  async run(payload, ctx) {
    const result = await recomputeTeams(payload.teams, ctx.now);
    await ctx.progress(result.teams, result.teams);
    return result;
  },
};

export const JOB_KINDS = {
  "delivery.recompute": deliveryRecompute,
  "delivery.recompute-teams": teamsRecompute,
} as const;

export type JobKindName = keyof typeof JOB_KINDS;
export type PayloadOf<K extends JobKindName> = (typeof JOB_KINDS)[K] extends JobKind<infer P> ? P : never;

export function jobKind(name: string): JobKind<unknown> | null {
  return (JOB_KINDS as Record<string, JobKind<unknown>>)[name] ?? null;
}

/** The kinds whose pending runs mean "delivery figures are being recomputed". */
export const DELIVERY_RECOMPUTE_KINDS: readonly JobKindName[] = ["delivery.recompute", "delivery.recompute-teams"];
