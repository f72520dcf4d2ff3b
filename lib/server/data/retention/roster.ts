import "server-only";
import type { Origin, Sourcing } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";

/** The roster as the retention computations read it, and the team facts beside it. */

const STORED_PERSON_SELECT = {
  employeeId: true,
  teamId: true,
  level: true,
  roleFamily: true,
  location: true,
  sourcing: true,
  employments: { select: { hireDate: true, exitDate: true, exitType: true, regretted: true } },
  promotions: { select: { date: true, fromLevel: true, toLevel: true } },
  teamMoves: { select: { date: true, fromTeamId: true, toTeamId: true } },
} as const;

export interface RosterRow {
  employeeId: string;
  teamId: string | null;
  level: string | null;
  roleFamily: string | null;
  location: string | null;
  sourcing: Sourcing | null;
  employments: { hireDate: Date; exitDate: Date | null; exitType: string | null; regretted: boolean }[];
  promotions: { date: Date; fromLevel: string; toLevel: string }[];
  teamMoves: { date: Date; fromTeamId: string | null; toTeamId: string }[];
}

/** Every person with their employments, promotions and team moves, by employee id. */
export async function rosterRows(tx: Tx = client): Promise<RosterRow[]> {
  return tx.person.findMany({ select: STORED_PERSON_SELECT, orderBy: { employeeId: "asc" } });
}

/** Every team's location and sourcing. */
export async function teamFactRows(tx: Tx = client): Promise<{ id: string; location: string; sourcing: Sourcing }[]> {
  return tx.team.findMany({ select: { id: true, location: true, sourcing: true } });
}

/** Every team's id, archived ones included. */
export async function allTeamIds(tx: Tx = client): Promise<string[]> {
  return (await tx.team.findMany({ select: { id: true } })).map((t) => t.id);
}

/** The ids of the metrics with these keys. */
export async function metricIdsByKey(keys: readonly string[], tx: Tx = client): Promise<{ id: string; key: string }[]> {
  return tx.metricDefinition.findMany({ where: { key: { in: [...keys] } }, select: { id: true, key: true } });
}

export interface ReportTeamRow {
  id: string;
  name: string;
  groupId: string;
  location: string;
  sourcing: Sourcing;
  origin: Origin;
  acquisitionName: string | null;
  acquisitionDate: Date | null;
}

/** Every team with what the retention report segments and cohorts need, by name. */
export async function reportTeams(tx: Tx = client): Promise<ReportTeamRow[]> {
  return tx.team.findMany({ select: { id: true, name: true, groupId: true, location: true, sourcing: true, origin: true, acquisitionName: true, acquisitionDate: true }, orderBy: { name: "asc" } });
}
