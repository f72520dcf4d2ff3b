/**
 * Which target is in force for a scope on a day: the scope's own, else its groups' (nearest first), else the
 * organisation's; among one scope's targets, the latest whose `effectiveFrom` is on or before the day. Pure,
 * so the dashboards (lib/server/services/overview.ts) and the entry grid resolve targets the same way.
 */
export type TargetScopeType = "ORG" | "GROUP" | "TEAM";

export interface TargetRow {
  metricId: string;
  scopeType: TargetScopeType;
  /** Group or team id; null for the org. */
  scopeId: string | null;
  green: number;
  amber: number;
  /** First local day ('YYYY-MM-DD') the target applies. */
  effectiveFrom: string;
}

/** Scopes from the most specific to the org, e.g. team, its group, that group's parent, org. */
export type ScopeChain = readonly { type: string; id: string | null }[];

/** The chain of a team: itself, its group's ancestors nearest first, then the organisation. */
export function teamScopeChain(teamId: string, groupChain: readonly string[]): ScopeChain {
  return [{ type: "TEAM", id: teamId }, ...groupChain.map((id) => ({ type: "GROUP", id })), { type: "ORG", id: null }];
}

/** The most specific target of `targets` (one metric's) in force on `day` for the chain, or null. */
export function targetFor<T extends TargetRow>(targets: readonly T[], chain: ScopeChain, day: string): T | null {
  for (const s of chain) {
    let best: T | null = null;
    for (const t of targets) {
      if (t.scopeType !== s.type || (t.scopeId ?? null) !== s.id || t.effectiveFrom > day) continue;
      if (!best || t.effectiveFrom > best.effectiveFrom) best = t;
    }
    if (best) return best;
  }
  return null;
}
