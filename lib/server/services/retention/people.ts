import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { listPeopleRows, personIdByEmployeeId, storedRecordByEmployeeId, teamRefs } from "@/lib/server/data/retention/people";
import { badRequest, conflict, forbidden, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { can } from "@/lib/server/permissions";
import { formatDay } from "@/lib/domain/time";
import type { CanonicalPerson, PersonSummary } from "@/lib/retention/api-types";
import {
  personRecord,
  type NewPersonInput,
  type PeopleListQuery,
  type PersonAttributesInput,
  type PersonEventInput,
  type PersonRecord,
} from "@/lib/validation/people";
import { canonicalFromStored, recordOf } from "@/lib/retention/canonical";
import { findTeam } from "@/lib/retention/check-records";
import { loadRecordContext, savePeopleRecords, type SaveResult } from "./save-records";

/**
 * Individual people records: visible to admins only (everyone else sees aggregates on the
 * Retention page). Admin edits are applied to the full record and saved through the same
 * checks as the API and the import.
 */

export function assertCanViewPeople(user: SessionUser | null): void {
  if (!user || !can(user, "viewPeopleRecords")) throw forbidden("Individual people records are visible to admins only; the Retention page shows aggregates.");
}

export async function listPeople(user: SessionUser | null, query: PeopleListQuery): Promise<PersonSummary[]> {
  assertCanViewPeople(user);
  const teams = await teamRefs();
  const team = query.team ? findTeam(teams, query.team) : undefined;
  if (query.team && !team) throw notFound("Team");
  const rows = await listPeopleRows({ teamId: team?.id, level: query.level, location: query.location, q: query.q });
  const out = rows.map((r): PersonSummary => {
    const latest = r.employments[0];
    return {
      employeeId: r.employeeId, teamId: r.teamId, teamName: r.team?.name ?? null, level: r.level, roleFamily: r.roleFamily,
      location: r.location, sourcing: r.sourcing, managerEmployeeId: r.managerEmployeeId,
      status: latest && latest.exitDate === null ? "active" : "exited",
      hireDate: latest ? formatDay(latest.hireDate) : null,
      exitDate: latest?.exitDate ? formatDay(latest.exitDate) : null,
      exitType: latest?.exitType ?? null,
      regretted: latest?.regretted ?? false,
      exitReason: latest?.exitReason ?? null,
      rehired: r.employments.length > 1,
    };
  });
  return query.status === "all" ? out : out.filter((p) => p.status === query.status);
}

async function storedPerson(employeeId: string): Promise<CanonicalPerson> {
  const row = await storedRecordByEmployeeId(employeeId);
  if (!row) throw notFound("Person");
  return canonicalFromStored(row);
}

export async function getPerson(user: SessionUser | null, employeeId: string): Promise<CanonicalPerson> {
  assertCanViewPeople(user);
  return storedPerson(employeeId);
}

/** Parses a record built from an admin edit, so it meets the same rules as an API record. */
function saveEdited(actor: Actor, record: PersonRecord): Promise<SaveResult> {
  return savePeopleRecords(actor, [personRecord.parse(record)]);
}

export async function createPerson(user: SessionUser | null, actor: Actor, input: NewPersonInput): Promise<SaveResult> {
  assertCanViewPeople(user);
  if (await personIdByEmployeeId(input.employeeId)) {
    throw conflict(`${input.employeeId} already exists; edit that record or record a rehire.`);
  }
  const { hireDate, ...attributes } = input;
  return saveEdited(actor, { ...attributes, employments: [{ hireDate, exitDate: null, exitType: null, regretted: false, exitReason: null }] });
}

/**
 * Corrects a person's attributes. Team and level are corrections here, not events: with team moves
 * or promotions on record they must match the latest one (record a move or promotion instead).
 */
export async function updatePersonAttributes(user: SessionUser | null, actor: Actor, employeeId: string, input: PersonAttributesInput): Promise<SaveResult> {
  assertCanViewPeople(user);
  const record = recordOf(await storedPerson(employeeId));
  return saveEdited(actor, { ...record, ...input });
}

function currentSpan(record: PersonRecord) {
  const last = record.employments.at(-1);
  if (!last) throw badRequest("This person has no employment on record.");
  return last;
}

export async function applyPersonEvent(user: SessionUser | null, actor: Actor, employeeId: string, event: PersonEventInput): Promise<SaveResult> {
  assertCanViewPeople(user);
  const stored = await storedPerson(employeeId);
  const record = recordOf(stored);
  const span = currentSpan(record);
  switch (event.type) {
    case "promotion": {
      if (span.exitDate !== null) throw badRequest("Only a current employee can be promoted.");
      record.promotions = [...(record.promotions ?? []), { date: event.date, fromLevel: record.level, toLevel: event.toLevel }];
      record.level = event.toLevel;
      break;
    }
    case "move": {
      if (span.exitDate !== null) throw badRequest("Only a current employee can move team.");
      const ctx = await loadRecordContext();
      const to = findTeam(ctx.teams, event.toTeam);
      if (!to) throw notFound("Team");
      record.teamMoves = [...(record.teamMoves ?? []), { date: event.date, fromTeam: record.team, toTeam: to.id }];
      record.team = to.id;
      break;
    }
    case "exit": {
      if (span.exitDate !== null) throw badRequest(`${employeeId} already left on ${span.exitDate}; record a rehire first.`);
      Object.assign(span, { exitDate: event.date, exitType: event.exitType, regretted: event.regretted, exitReason: event.exitReason });
      break;
    }
    case "rehire": {
      if (span.exitDate === null) throw badRequest(`${employeeId} is still employed; record an exit before a rehire.`);
      record.employments = [...record.employments, { hireDate: event.date, exitDate: null, exitType: null, regretted: false, exitReason: null }];
      if (event.team) {
        const ctx = await loadRecordContext();
        const to = findTeam(ctx.teams, event.team);
        if (!to) throw notFound("Team");
        if (to.id !== record.team) {
          record.teamMoves = [...(record.teamMoves ?? []), { date: event.date, fromTeam: record.team, toTeam: to.id }];
          record.team = to.id;
        }
      }
      // A rehire at another level is a new starting point, not a promotion; earlier spans keep their levels only through promotions.
      if (event.level) record.level = event.level;
      break;
    }
  }
  return saveEdited(actor, record);
}
