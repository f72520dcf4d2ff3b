/**
 * Roster rules that need the organisation's data (the career framework and the teams), applied
 * to records that already passed lib/validation/people.ts. Pure: the caller passes the levels
 * and teams, so the API, the admin forms and the CSV import report the same problems.
 *
 * Promotions move along the framework: to a higher order on the same track, or across tracks
 * to at least the same order (IC3 → M1 is a promotion in most frameworks when M1 sits at 3).
 * Promotions and team moves must chain: each starts where the previous one ended and the last
 * one ends at the person's current level or team.
 */
import type { PersonRecord } from "@/lib/validation/people";

export interface LevelFacts {
  key: string;
  track: string;
  order: number;
}

export interface TeamRef {
  id: string;
  slug: string;
  name: string;
}

export interface RecordIssue {
  path: (string | number)[];
  message: string;
}

export interface ResolvedMove {
  date: string;
  fromTeamId: string;
  toTeamId: string;
}

export interface ResolvedRecord {
  record: PersonRecord;
  teamId: string;
  teamMoves: ResolvedMove[] | undefined;
}

export interface RecordContext {
  levels: ReadonlyMap<string, LevelFacts>;
  /** Team lookup by id, slug or name (case-insensitive for slug and name). */
  teams: readonly TeamRef[];
}

export function findTeam(teams: readonly TeamRef[], ref: string): TeamRef | undefined {
  const lower = ref.trim().toLowerCase();
  return teams.find((t) => t.id === ref) ?? teams.find((t) => t.slug.toLowerCase() === lower || t.name.toLowerCase() === lower);
}

export function isPromotionAlongFramework(from: LevelFacts, to: LevelFacts): boolean {
  return from.track === to.track ? to.order > from.order : to.order >= from.order;
}

export function promotionIssue(levels: ReadonlyMap<string, LevelFacts>, fromKey: string, toKey: string): string | null {
  const from = levels.get(fromKey);
  const to = levels.get(toKey);
  if (!from) return `level "${fromKey}" is not in the career framework`;
  if (!to) return `level "${toKey}" is not in the career framework`;
  if (!isPromotionAlongFramework(from, to)) return `${fromKey} → ${toKey} does not move up the career framework`;
  return null;
}

export function checkRecord(record: PersonRecord, ctx: RecordContext): { issues: RecordIssue[]; resolved: ResolvedRecord | null } {
  const issues: RecordIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });

  const team = findTeam(ctx.teams, record.team);
  if (!team) add(["team"], `team "${record.team}" does not exist`);
  if (!ctx.levels.has(record.level)) add(["level"], `level "${record.level}" is not in the career framework`);

  const promotions = [...(record.promotions ?? [])].map((p, i) => ({ ...p, i })).sort((a, b) => a.date.localeCompare(b.date));
  promotions.forEach((p, n) => {
    const problem = promotionIssue(ctx.levels, p.fromLevel, p.toLevel);
    if (problem) add(["promotions", p.i, "toLevel"], problem);
    const previous = promotions[n - 1];
    if (previous && previous.toLevel !== p.fromLevel) add(["promotions", p.i, "fromLevel"], `must be ${previous.toLevel}, the level the previous promotion reached`);
  });
  const lastPromotion = promotions.at(-1);
  if (lastPromotion && lastPromotion.toLevel !== record.level) add(["level"], `must be ${lastPromotion.toLevel}, the level the latest promotion reached`);

  let teamMoves: ResolvedMove[] | undefined;
  if (record.teamMoves) {
    teamMoves = [];
    const moves = record.teamMoves.map((m, i) => ({ ...m, i })).sort((a, b) => a.date.localeCompare(b.date));
    let previousTo: string | null = null;
    for (const m of moves) {
      const from = findTeam(ctx.teams, m.fromTeam);
      const to = findTeam(ctx.teams, m.toTeam);
      if (!from) add(["teamMoves", m.i, "fromTeam"], `team "${m.fromTeam}" does not exist`);
      if (!to) add(["teamMoves", m.i, "toTeam"], `team "${m.toTeam}" does not exist`);
      if (!from || !to) continue;
      if (from.id === to.id) add(["teamMoves", m.i, "toTeam"], "must differ from the team moved from");
      if (previousTo !== null && previousTo !== from.id) add(["teamMoves", m.i, "fromTeam"], "must be the team the previous move went to");
      previousTo = to.id;
      teamMoves.push({ date: m.date, fromTeamId: from.id, toTeamId: to.id });
    }
    if (team && previousTo !== null && previousTo !== team.id) add(["team"], "must be the team the latest move went to");
  }
  return { issues, resolved: issues.length === 0 && team ? { record, teamId: team.id, teamMoves } : null };
}
