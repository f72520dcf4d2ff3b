import "server-only";
import { formatQuantity } from "@/lib/format";
import type { AdminGroupRow, AdminOrg, AdminServiceRow, AdminTeamRow } from "@/lib/admin/api-types";
import { afterCommit, enqueueJob } from "@/lib/server/jobs/queue";
import { Prisma } from "@/lib/generated/prisma/client";
import {
  deleteGroupById,
  deleteRollupsOfScope,
  deleteTargetsOfScope,
  deleteTeamById,
  groupById,
  groupSlugsStartingWith,
  groupWithCountsById,
  insertGroup,
  insertService,
  insertTeam,
  listGroupParents,
  listGroupsWithCounts,
  listServiceRecords,
  listTeamRecords,
  serviceOwnershipById,
  teamIdBySlug,
  teamRecordById,
  updateGroupFields,
  updateServiceFields,
  updateTeamFields,
  type TeamRecord,
} from "@/lib/server/data/admin/org-admin";
import { groupExists, teamExists } from "@/lib/server/data/org";
import { inTransaction, transactionRunner } from "@/lib/server/data/runner";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import {
  slugify,
  type GroupCreateInput,
  type GroupUpdateInput,
  type ServiceCreateInput,
  type ServiceUpdateInput,
  type TeamCreateInput,
  type TeamUpdateInput,
} from "@/lib/validation/admin";

/**
 * The organisation's structure: the group tree, teams and services. Org and group dashboards read
 * pre-aggregated roll-ups keyed by group, so moving a team or a group rebuilds every roll-up.
 */

function toTeamRow(t: TeamRecord): AdminTeamRow {
  const { _count, acquisitionDate, archivedAt, ...rest } = t;
  return {
    ...rest,
    acquisitionDate: acquisitionDate?.toISOString().slice(0, 10) ?? null,
    archivedAt: archivedAt?.toISOString() ?? null,
    hasData: Object.values(_count).some((n) => n > 0),
  };
}

/** The audit trail's view of a team (no counts, dates as text). */
function teamSnapshot(t: TeamRecord) {
  const { _count: _ignored, ...rest } = t;
  return { ...rest, acquisitionDate: rest.acquisitionDate?.toISOString().slice(0, 10) ?? null };
}

export async function getAdminOrg(): Promise<AdminOrg> {
  const [groups, teams, services] = await Promise.all([
    listGroupsWithCounts(),
    listTeamRecords(),
    listServiceRecords(),
  ]);
  return {
    groups: groups.map(({ _count, ...g }) => ({ ...g, teamCount: _count.teams, childCount: _count.children })),
    teams: teams.map(toTeamRow),
    services: services.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
  };
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

// ───────────── Groups ─────────────

/**
 * True when giving `groupId` the parent `parentId` would put the group under itself: the new parent is
 * the group or one of its descendants (walking up from the new parent reaches the group).
 */
export function wouldCreateCycle(groups: { id: string; parentId: string | null }[], groupId: string, parentId: string | null): boolean {
  const parentOf = new Map(groups.map((g) => [g.id, g.parentId]));
  const seen = new Set<string>();
  for (let cur = parentId; cur !== null && cur !== undefined && !seen.has(cur); cur = parentOf.get(cur) ?? null) {
    if (cur === groupId) return true;
    seen.add(cur);
  }
  return false;
}

async function uniqueGroupSlug(base: string): Promise<string> {
  const root = base || "group";
  const taken = new Set(await groupSlugsStartingWith(root));
  if (!taken.has(root)) return root;
  for (let n = 2; ; n++) if (!taken.has(`${root}-${n}`)) return `${root}-${n}`;
}

async function assertGroupExists(id: string, label = "Parent group"): Promise<void> {
  if (!(await groupExists(id))) throw badRequest(`${label} does not exist.`);
}

export async function createGroup(actor: Actor, input: GroupCreateInput): Promise<AdminGroupRow> {
  if (input.parentId) await assertGroupExists(input.parentId);
  const slug = input.slug ?? (await uniqueGroupSlug(slugify(input.name)));
  try {
    const group = await inTransaction(async (tx) => {
      const created = await insertGroup({ name: input.name, slug, parentId: input.parentId }, tx);
      await recordAudit(actor, { action: "create", entityType: "Group", entityId: created.id, summary: `Created group ${created.name}`, after: created }, tx);
      return created;
    });
    return { ...group, teamCount: 0, childCount: 0 };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`The slug "${slug}" is already used by another group.`);
    throw error;
  }
}

/** Rename and/or move a group. Moving it under itself or one of its sub-groups is refused. */
export async function updateGroup(actor: Actor, id: string, input: GroupUpdateInput): Promise<void> {
  let moved = false;
  await inTransaction(async (tx) => {
    const before = await groupById(id, tx);
    if (!before) throw notFound("Group");
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (input.parentId !== null) {
        const all = await listGroupParents(tx);
        if (!all.some((g) => g.id === input.parentId)) throw badRequest("Parent group does not exist.");
        if (wouldCreateCycle(all, id, input.parentId)) {
          throw badRequest("A group cannot be moved under itself or one of its own sub-groups.");
        }
      }
      moved = true;
    }
    const after = await updateGroupFields(id, { name: input.name, parentId: input.parentId }, tx);
    await recordAudit(actor, { action: "update", entityType: "Group", entityId: id, summary: moved ? `Moved group ${after.name}` : `Renamed group ${before.name} to ${after.name}`, before, after }, tx);
  });
  if (moved) await refreshAllRollups();
}

/** Only an empty group (no sub-groups, no teams, archived ones included) can be deleted. */
export async function deleteGroup(actor: Actor, id: string): Promise<void> {
  await inTransaction(async (tx) => {
    const group = await groupWithCountsById(id, tx);
    if (!group) throw notFound("Group");
    if (group._count.children > 0 || group._count.teams > 0) {
      throw conflict(`${group.name} still has ${formatQuantity(group._count.children, "sub-group")} and ${formatQuantity(group._count.teams, "team")}; move them out first.`);
    }
    await deleteTargetsOfScope("GROUP", id, tx);
    await deleteRollupsOfScope("GROUP", id, tx);
    await deleteGroupById(id, tx);
    const { _count: _ignored, ...before } = group;
    await recordAudit(actor, { action: "delete", entityType: "Group", entityId: id, summary: `Deleted group ${group.name}`, before }, tx);
  });
}

// ───────────── Teams ─────────────

function acquisitionDate(value: string | null | undefined): Date | null | undefined {
  if (value === undefined) return undefined;
  return value === null ? null : new Date(`${value}T00:00:00Z`);
}

const duplicateSlug = (slug: string) => conflict(`The slug "${slug}" is already used by another team.`, { issues: [{ path: "slug", message: "This slug is already in use." }] });

export async function createTeam(actor: Actor, input: TeamCreateInput): Promise<AdminTeamRow> {
  await assertGroupExists(input.groupId, "Group");
  if ((await teamIdBySlug(input.slug)) !== null) throw duplicateSlug(input.slug);
  const acquired = input.origin === "ACQUIRED";
  try {
    const team = await inTransaction(async (tx) => {
      const created = await insertTeam(
        {
          name: input.name,
          slug: input.slug,
          groupId: input.groupId,
          location: input.location,
          sourcing: input.sourcing,
          origin: input.origin,
          acquisitionName: acquired ? input.acquisitionName : null,
          acquisitionDate: acquired ? acquisitionDate(input.acquisitionDate) : null,
          timeZone: input.timeZone,
        },
        tx,
      );
      await recordAudit(actor, { action: "create", entityType: "Team", entityId: created.id, summary: `Created team ${created.name}`, after: teamSnapshot(created) }, tx);
      return created;
    });
    return toTeamRow(team);
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateSlug(input.slug);
    throw error;
  }
}

/** Edits, archives (`archived: true`) or restores a team. A new group rebuilds the roll-ups. */
export async function updateTeam(actor: Actor, id: string, input: TeamUpdateInput): Promise<AdminTeamRow> {
  const { archived, ...fields } = input;
  if (fields.groupId) await assertGroupExists(fields.groupId, "Group");
  let regrouped = false;
  try {
    const team = await inTransaction(async (tx) => {
      const before = await teamRecordById(id, tx);
      if (!before) throw notFound("Team");
      const origin = fields.origin ?? before.origin;
      const name = fields.acquisitionName !== undefined ? fields.acquisitionName : before.acquisitionName;
      const date = fields.acquisitionDate !== undefined ? acquisitionDate(fields.acquisitionDate) : before.acquisitionDate;
      if (origin === "ACQUIRED" && (!name || !date)) {
        throw badRequest("An acquired team needs the acquisition's name and date.", {
          issues: [!name && { path: "acquisitionName", message: "Required for an acquired team." }, !date && { path: "acquisitionDate", message: "Required for an acquired team." }].filter(Boolean),
        });
      }
      regrouped = fields.groupId !== undefined && fields.groupId !== before.groupId;
      const archivedAt = archived === undefined ? undefined : archived ? (before.archivedAt ?? new Date()) : null;
      const after = await updateTeamFields(
        id,
        {
          name: fields.name,
          slug: fields.slug,
          groupId: fields.groupId,
          location: fields.location,
          sourcing: fields.sourcing,
          origin,
          acquisitionName: origin === "ACQUIRED" ? name : null,
          acquisitionDate: origin === "ACQUIRED" ? date : null,
          timeZone: fields.timeZone,
          archivedAt,
        },
        tx,
      );
      const action = archived === true && !before.archivedAt ? "archive" : archived === false && before.archivedAt ? "restore" : "update";
      const verb = { archive: "Archived", restore: "Restored", update: "Updated" }[action];
      await recordAudit(actor, { action, entityType: "Team", entityId: id, summary: `${verb} team ${after.name}`, before: teamSnapshot(before), after: teamSnapshot(after) }, tx);
      return after;
    });
    if (regrouped) await refreshAllRollups();
    return toTeamRow(team);
  } catch (error) {
    if (isUniqueViolation(error) && fields.slug) throw duplicateSlug(fields.slug);
    throw error;
  }
}

/** Deletes a team that never had data; a team with data must be archived so its history stays. */
export async function deleteTeam(actor: Actor, id: string): Promise<void> {
  await inTransaction(async (tx) => {
    const team = await teamRecordById(id, tx);
    if (!team) throw notFound("Team");
    if (toTeamRow(team).hasData) throw conflict(`${team.name} has data (values, services, people or events); archive it instead so its history stays.`);
    await deleteTargetsOfScope("TEAM", id, tx);
    await deleteTeamById(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "Team", entityId: id, summary: `Deleted team ${team.name}`, before: teamSnapshot(team) }, tx);
  });
}

// ───────────── Services ─────────────

const duplicateService = (name: string) => conflict(`A service named "${name}" already exists.`, { issues: [{ path: "name", message: "This name is already in use." }] });

async function assertTeamExists(teamId: string | null | undefined): Promise<void> {
  if (!teamId) return;
  if (!(await teamExists(teamId))) throw badRequest("Team does not exist.");
}

export async function createService(actor: Actor, input: ServiceCreateInput): Promise<AdminServiceRow> {
  await assertTeamExists(input.teamId);
  try {
    const service = await inTransaction(async (tx) => {
      const created = await insertService(input, tx);
      await recordAudit(actor, { action: "create", entityType: "Service", entityId: created.id, summary: `Created service ${created.name}`, after: { name: created.name, teamId: created.teamId } }, tx);
      return created;
    });
    return { ...service, createdAt: service.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicateService(input.name);
    throw error;
  }
}

/** Renames a service or (re)assigns its owning team — how services first seen by ingestion get a team. */
export async function updateService(actor: Actor, id: string, input: ServiceUpdateInput): Promise<AdminServiceRow> {
  await assertTeamExists(input.teamId);
  try {
    const service = await inTransaction(async (tx) => {
      const before = await serviceOwnershipById(id, tx);
      if (!before) throw notFound("Service");
      const after = await updateServiceFields(id, input, tx);
      const summary = before.teamId === null && after.teamId ? `Assigned service ${after.name} to a team` : `Updated service ${after.name}`;
      await recordAudit(actor, { action: "update", entityType: "Service", entityId: id, summary, before, after: { name: after.name, teamId: after.teamId } }, tx);
      // The service's delivery history now counts for its new team (and no longer for the old one): both
      // teams' weekly values are recomputed by a job queued with the change.
      const moved = [before.teamId, after.teamId].filter((t): t is string => !!t);
      const jobId = before.teamId !== after.teamId && moved.length ? await enqueueJob(transactionRunner(tx), "delivery.recompute-teams", { teams: moved }, new Date()) : null;
      return { after, jobId };
    });
    if (service.jobId) afterCommit();
    return { ...service.after, createdAt: service.after.createdAt.toISOString() };
  } catch (error) {
    if (isUniqueViolation(error) && input.name) throw duplicateService(input.name);
    throw error;
  }
}
