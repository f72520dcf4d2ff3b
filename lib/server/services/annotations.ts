import "server-only";
import { formatDay, parseDay } from "@/lib/domain/time";
import type { AnnotationView } from "@/lib/review/annotation-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { userNamesOf } from "@/lib/server/data/admin/users";
import { ancestorChains, groupExists, groupIdOfTeam, listGroups, listTeams, resolveScope, teamExists, type Scope } from "@/lib/server/data/org";
import {
  annotationById,
  deleteAnnotationById,
  insertAnnotation,
  listAnnotationsDated,
  listAnnotationsOfScopes,
  metricKeysOf,
  updateAnnotationFields,
  type AnnotationListRow,
} from "@/lib/server/data/review/annotations";
import { inTransaction } from "@/lib/server/data/runner";
import { badRequest, forbidden, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { assertCan, editAnnotation } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import type { AnnotationInput, AnnotationUpdate } from "@/lib/validation/leadership";

/**
 * Dated notes on the org, a group or a team ("reorg", "acquired X"), drawn as markers on charts.
 * METRIC_CHANGE notes are written by the metric catalog and belong on that metric's charts only.
 */

async function toViews(rows: AnnotationListRow[], user: SessionUser | null): Promise<AnnotationView[]> {
  const [groups, teams, metrics, users] = await Promise.all([
    listGroups(),
    listTeams({ includeArchived: true }),
    metricKeysOf(rows.flatMap((r) => (r.metricId ? [r.metricId] : []))),
    userNamesOf(rows.flatMap((r) => (r.createdById ? [r.createdById] : []))),
  ]);
  const names = new Map<string, string>([...groups.map((g) => [g.id, g.name] as const), ...teams.map((t) => [t.id, t.name] as const)]);
  const metricKeys = new Map(metrics.map((m) => [m.id, m.key]));
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    scopeType: r.scopeType,
    scopeId: r.scopeId,
    scopeName: r.scopeType === "ORG" ? "Organisation" : (names.get(r.scopeId ?? "") ?? "Removed"),
    date: formatDay(r.date),
    title: r.title,
    body: r.body,
    kind: r.kind === "METRIC_CHANGE" ? "METRIC_CHANGE" : "NOTE",
    metricKey: r.metricId ? (metricKeys.get(r.metricId) ?? null) : null,
    createdBy: r.createdById ? (userNames.get(r.createdById) ?? null) : null,
    canEdit: editAnnotation(user, r),
  }));
}

/**
 * Which scopes' notes belong on a scope's charts: the org's and every enclosing group's always (a reorg
 * explains a team's line too); for a group also its sub-groups' and teams' (its line is made of them).
 * The org's charts keep to org-wide notes so twelve teams' notes do not bury them.
 */
export async function relatedScopes(scope: Scope): Promise<{ groupIds: string[]; teamIds: string[] }> {
  if (scope.type === "ORG") return { groupIds: [], teamIds: [] };
  const groups = await listGroups();
  const chains = ancestorChains(groups);
  if (scope.type === "TEAM") {
    const groupId = await groupIdOfTeam(scope.id);
    return { groupIds: groupId !== null ? (chains.get(groupId) ?? []) : [], teamIds: [scope.id] };
  }
  const descendants = groups.filter((g) => chains.get(g.id)?.includes(scope.id)).map((g) => g.id);
  const teams = (await listTeams({ includeArchived: true })).filter((t) => descendants.includes(t.groupId)).map((t) => t.id);
  return { groupIds: [...new Set([...(chains.get(scope.id) ?? []), ...descendants])], teamIds: teams };
}

export async function listAnnotations(
  query: { scope?: string; from?: string; to?: string },
  user: SessionUser | null,
): Promise<{ scope: { type: Scope["type"]; id: string | null; name: string }; annotations: AnnotationView[] }> {
  const scope = await resolveScope(query.scope);
  const related = await relatedScopes(scope);
  const rows = await listAnnotationsOfScopes(related, query.from ? parseDay(query.from) : undefined, query.to ? parseDay(query.to) : undefined);
  return { scope: { type: scope.type, id: scope.id, name: scope.name }, annotations: await toViews(rows, user) };
}

/** Every note dated in [from, to], whatever its scope (the weekly review's "new annotations"). */
export async function listAnnotationsBetween(from: string, to: string, user: SessionUser | null): Promise<AnnotationView[]> {
  return toViews(await listAnnotationsDated(parseDay(from), parseDay(to)), user);
}

async function assertScopeExists(scopeType: AnnotationInput["scopeType"], scopeId: string | null | undefined): Promise<void> {
  if (scopeType === "ORG") return;
  const found = scopeType === "GROUP" ? await groupExists(scopeId ?? "") : await teamExists(scopeId ?? "");
  if (!found) throw badRequest(`Unknown ${scopeType === "GROUP" ? "group" : "team"}.`, { issues: [{ path: "scopeId", message: "not found" }] });
}

export async function createAnnotation(user: SessionUser, actor: Actor, input: AnnotationInput): Promise<AnnotationView> {
  assertCan(user, "annotate");
  await assertScopeExists(input.scopeType, input.scopeId);
  const row = await inTransaction(async (tx) => {
    const created = await insertAnnotation(
      {
        scopeType: input.scopeType,
        scopeId: input.scopeType === "ORG" ? null : (input.scopeId ?? null),
        date: parseDay(input.date),
        title: input.title,
        body: input.body || null,
        kind: "NOTE",
        createdById: user.id,
      },
      tx,
    );
    await recordAudit(actor, { action: "create", entityType: "Annotation", entityId: created.id, summary: `Annotated ${input.date}: ${input.title}`, after: created }, tx);
    return created;
  });
  return (await toViews([row], user))[0];
}

async function editable(user: SessionUser, id: string) {
  const row = await annotationById(id);
  if (!row) throw notFound("Annotation");
  if (!editAnnotation(user, row)) throw forbidden("Only the author or an admin can change this annotation.");
  return row;
}

export async function updateAnnotation(user: SessionUser, actor: Actor, id: string, input: AnnotationUpdate): Promise<AnnotationView> {
  const before = await editable(user, id);
  const row = await inTransaction(async (tx) => {
    const after = await updateAnnotationFields(
      id,
      {
        ...(input.date ? { date: parseDay(input.date) } : {}),
        ...(input.title ? { title: input.title } : {}),
        ...(input.body !== undefined ? { body: input.body || null } : {}),
      },
      tx,
    );
    await recordAudit(actor, { action: "update", entityType: "Annotation", entityId: id, summary: `Edited annotation: ${after.title}`, before, after }, tx);
    return after;
  });
  return (await toViews([row], user))[0];
}

export async function deleteAnnotation(user: SessionUser, actor: Actor, id: string): Promise<void> {
  const before = await editable(user, id);
  await inTransaction(async (tx) => {
    await deleteAnnotationById(id, tx);
    await recordAudit(actor, { action: "delete", entityType: "Annotation", entityId: id, summary: `Deleted annotation: ${before.title}`, before }, tx);
  });
}
