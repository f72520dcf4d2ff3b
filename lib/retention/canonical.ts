/**
 * A person's record in one canonical form, for the stored rows and for incoming records, so a
 * save can tell "nothing changed" (re-sending or re-importing the same data writes nothing) and
 * so admin events (promote, move, exit, rehire) are applied to a full record and validated by
 * the same rules as the API and the import. Pure.
 */
import { formatDay } from "@/lib/domain/time";
import type { CanonicalPerson } from "@/lib/retention/api-types";
import type { PersonRecord } from "@/lib/validation/people";
import type { ResolvedRecord } from "@/lib/retention/check-records";

export interface StoredRecordRow {
  employeeId: string;
  teamId: string | null;
  level: string | null;
  roleFamily: string | null;
  location: string | null;
  sourcing: string | null;
  managerEmployeeId: string | null;
  employments: { hireDate: Date; exitDate: Date | null; exitType: string | null; regretted: boolean; exitReason: string | null }[];
  promotions: { date: Date; fromLevel: string; toLevel: string }[];
  teamMoves: { date: Date; fromTeamId: string | null; toTeamId: string }[];
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => key(a).localeCompare(key(b));

export function canonicalFromStored(row: StoredRecordRow): CanonicalPerson {
  const moves = [...row.teamMoves].sort((a, b) => a.date.getTime() - b.date.getTime());
  let previous: string | null = null;
  return {
    employeeId: row.employeeId,
    teamId: row.teamId ?? "",
    level: row.level ?? "",
    roleFamily: row.roleFamily,
    location: row.location,
    sourcing: row.sourcing,
    managerEmployeeId: row.managerEmployeeId,
    employments: row.employments
      .map((e) => ({
        hireDate: formatDay(e.hireDate),
        exitDate: e.exitDate ? formatDay(e.exitDate) : null,
        exitType: e.exitType,
        regretted: e.regretted,
        exitReason: e.exitReason,
      }))
      .sort(byKey((e) => e.hireDate)),
    promotions: row.promotions.map((p) => ({ date: formatDay(p.date), fromLevel: p.fromLevel, toLevel: p.toLevel })).sort(byKey((p) => p.date)),
    teamMoves: moves.map((m) => {
      // Moves written elsewhere may lack their origin; the previous move's destination is it.
      const fromTeamId = m.fromTeamId ?? previous ?? row.teamId ?? "";
      previous = m.toTeamId;
      return { date: formatDay(m.date), fromTeamId, toTeamId: m.toTeamId };
    }),
  };
}

/** The incoming record as it will be stored; promotions and moves left out keep the stored ones. */
export function canonicalFromResolved(resolved: ResolvedRecord, stored: CanonicalPerson | null): CanonicalPerson {
  const r = resolved.record;
  return {
    employeeId: r.employeeId,
    teamId: resolved.teamId,
    level: r.level,
    roleFamily: r.roleFamily,
    location: r.location,
    sourcing: r.sourcing,
    managerEmployeeId: r.managerEmployeeId,
    employments: r.employments
      .map((e) => ({ hireDate: e.hireDate, exitDate: e.exitDate, exitType: e.exitType, regretted: e.regretted, exitReason: e.exitReason }))
      .sort(byKey((e) => e.hireDate)),
    promotions: r.promotions ? [...r.promotions].sort(byKey((p) => p.date)) : (stored?.promotions ?? []),
    teamMoves: resolved.teamMoves ? [...resolved.teamMoves].sort(byKey((m) => m.date)) : (stored?.teamMoves ?? []),
  };
}

export function samePerson(a: CanonicalPerson, b: CanonicalPerson): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Back to the API's record shape (teams by id), e.g. to apply an admin event and validate it. */
export function recordOf(c: CanonicalPerson): PersonRecord {
  return {
    employeeId: c.employeeId,
    team: c.teamId,
    level: c.level,
    roleFamily: c.roleFamily,
    location: c.location,
    sourcing: c.sourcing as PersonRecord["sourcing"],
    managerEmployeeId: c.managerEmployeeId,
    employments: c.employments.map((e) => ({ ...e, exitType: e.exitType as PersonRecord["employments"][number]["exitType"] })),
    promotions: c.promotions,
    teamMoves: c.teamMoves.map((m) => ({ date: m.date, fromTeam: m.fromTeamId, toTeam: m.toTeamId })),
  };
}

/** Earliest date a change between two versions can affect (for recomputing metrics). */
export function earliestDate(...people: (CanonicalPerson | null)[]): string | null {
  const dates = people.flatMap((p) =>
    p ? [...p.employments.flatMap((e) => [e.hireDate, e.exitDate ?? ""]), ...p.promotions.map((x) => x.date), ...p.teamMoves.map((m) => m.date)] : [],
  );
  return dates.filter(Boolean).sort()[0] ?? null;
}

/** Every team the person was ever in, in either version. */
export function teamsOf(...people: (CanonicalPerson | null)[]): string[] {
  return [...new Set(people.flatMap((p) => (p ? [p.teamId, ...p.teamMoves.flatMap((m) => [m.fromTeamId, m.toTeamId])] : [])).filter(Boolean))];
}
