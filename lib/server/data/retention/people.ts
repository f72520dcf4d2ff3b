import "server-only";
import type { Sourcing } from "@/lib/generated/prisma/client";
import { client, type Tx } from "@/lib/server/data/runner";
import type { RosterRow } from "./roster";

/** People records: Person with its Employment, Promotion and TeamMove rows. */

const STORED_RECORD_SELECT = {
  employeeId: true,
  teamId: true,
  level: true,
  roleFamily: true,
  location: true,
  sourcing: true,
  managerEmployeeId: true,
  employments: { select: { hireDate: true, exitDate: true, exitType: true, regretted: true, exitReason: true } },
  promotions: { select: { date: true, fromLevel: true, toLevel: true } },
  teamMoves: { select: { date: true, fromTeamId: true, toTeamId: true } },
} as const;

/** A stored person's full record, as saving and editing compare it. */
export interface StoredRecord extends RosterRow {
  managerEmployeeId: string | null;
  employments: (RosterRow["employments"][number] & { exitReason: string | null })[];
}

export async function storedRecordByEmployeeId(employeeId: string, tx: Tx = client): Promise<StoredRecord | null> {
  return tx.person.findUnique({ where: { employeeId }, select: STORED_RECORD_SELECT });
}

export async function storedRecords(employeeIds: readonly string[], tx: Tx = client): Promise<StoredRecord[]> {
  return tx.person.findMany({ where: { employeeId: { in: [...employeeIds] } }, select: STORED_RECORD_SELECT });
}

export async function personIdByEmployeeId(employeeId: string, tx: Tx = client): Promise<{ id: string } | null> {
  return tx.person.findUnique({ where: { employeeId }, select: { id: true } });
}

/** Every team's id, slug and name (teams named in records are found among them). */
export async function teamRefs(tx: Tx = client): Promise<{ id: string; slug: string; name: string }[]> {
  return tx.team.findMany({ select: { id: true, slug: true, name: true } });
}

export interface PeopleFilter {
  teamId?: string;
  level?: string;
  /** Case-insensitive, whole value. */
  location?: string;
  /** Case-insensitive part of the employee id. */
  q?: string;
}

export interface PersonListRow extends Omit<StoredRecord, "promotions" | "teamMoves"> {
  team: { name: string } | null;
  /** Latest hire first. */
  employments: StoredRecord["employments"];
}

/** People matching the filter, by employee id. */
export async function listPeopleRows(filter: PeopleFilter, tx: Tx = client): Promise<PersonListRow[]> {
  return tx.person.findMany({
    where: {
      ...(filter.teamId ? { teamId: filter.teamId } : {}),
      ...(filter.level ? { level: filter.level } : {}),
      ...(filter.location ? { location: { equals: filter.location, mode: "insensitive" as const } } : {}),
      ...(filter.q ? { employeeId: { contains: filter.q, mode: "insensitive" as const } } : {}),
    },
    select: {
      employeeId: true, teamId: true, level: true, roleFamily: true, location: true, sourcing: true, managerEmployeeId: true,
      team: { select: { name: true } },
      employments: { select: { hireDate: true, exitDate: true, exitType: true, regretted: true, exitReason: true }, orderBy: { hireDate: "desc" } },
    },
    orderBy: { employeeId: "asc" },
  });
}

export interface PersonToWrite {
  employeeId: string;
  teamId: string | null;
  level: string | null;
  roleFamily: string | null;
  location: string | null;
  /** One of the Sourcing values (checked before saving). */
  sourcing: string | null;
  managerEmployeeId: string | null;
  employments: { hireDate: Date; exitDate: Date | null; exitType: string | null; regretted: boolean; exitReason: string | null }[];
  promotions: { date: Date; fromLevel: string; toLevel: string }[];
  teamMoves: { date: Date; fromTeamId: string | null; toTeamId: string }[];
}

/** Creates or updates the person and replaces their employments, promotions and team moves. */
export async function replacePersonRecord(p: PersonToWrite, tx: Tx = client): Promise<void> {
  const data = {
    teamId: p.teamId,
    level: p.level,
    roleFamily: p.roleFamily,
    location: p.location,
    sourcing: p.sourcing as Sourcing | null,
    managerEmployeeId: p.managerEmployeeId,
  };
  const person = await tx.person.upsert({ where: { employeeId: p.employeeId }, create: { employeeId: p.employeeId, ...data }, update: data, select: { id: true } });
  await tx.employment.deleteMany({ where: { personId: person.id } });
  await tx.promotion.deleteMany({ where: { personId: person.id } });
  await tx.teamMove.deleteMany({ where: { personId: person.id } });
  await tx.employment.createMany({ data: p.employments.map((e) => ({ personId: person.id, ...e })) });
  if (p.promotions.length) {
    await tx.promotion.createMany({ data: p.promotions.map((x) => ({ personId: person.id, ...x })) });
  }
  if (p.teamMoves.length) {
    await tx.teamMove.createMany({ data: p.teamMoves.map((m) => ({ personId: person.id, ...m })) });
  }
}
