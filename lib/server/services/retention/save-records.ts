import "server-only";
import { z } from "zod";
import { parseDay } from "@/lib/domain/time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit";
import type { PersonRecord, SourcingValue } from "@/lib/validation/people";
import { canonicalFromResolved, canonicalFromStored, earliestDate, samePerson, teamsOf, type CanonicalPerson } from "./canonical";
import { checkRecord, type RecordContext, type RecordIssue } from "./check-records";
import { recomputePeopleMetrics } from "./recompute";

/**
 * Saving people records: the one write path for the people API, the roster import and the admin
 * pages. All or nothing: every record is checked first, then all are written in one transaction,
 * then the Retention metrics are recomputed for the teams and dates the changes touched.
 */

export const STORED_RECORD_SELECT = {
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

type Tx = Prisma.TransactionClient;

/** `client`: the shared client, or the transaction of an import that reads what it has written so far. */
export async function loadRecordContext(client: Tx = db): Promise<RecordContext> {
  const [levels, teams] = await Promise.all([
    client.careerLevel.findMany({ select: { key: true, track: true, order: true } }),
    client.team.findMany({ select: { id: true, slug: true, name: true } }),
  ]);
  return { levels: new Map(levels.map((l) => [l.key, l])), teams };
}

export async function loadStoredPeople(employeeIds: readonly string[], client: Tx = db): Promise<Map<string, CanonicalPerson>> {
  const rows = await client.person.findMany({ where: { employeeId: { in: [...employeeIds] } }, select: STORED_RECORD_SELECT });
  return new Map(rows.map((r) => [r.employeeId, canonicalFromStored(r)]));
}

/** Issues as the route wrapper reports validation errors: 400 with `issues[{ path, message }]`. */
export function validationError(issues: RecordIssue[]): z.ZodError {
  return new z.ZodError(issues.map((i) => ({ code: "custom" as const, path: i.path, message: i.message, input: undefined })));
}

export interface PlannedChange {
  index: number;
  before: CanonicalPerson | null;
  after: CanonicalPerson;
}

export interface SavePlan {
  issues: RecordIssue[];
  changes: PlannedChange[];
  unchanged: number;
}

/** Checks records against the framework, the teams and each other, and works out what would change. */
export async function planSave(records: readonly PersonRecord[], context?: RecordContext, client: Tx = db): Promise<SavePlan> {
  const ctx = context ?? (await loadRecordContext(client));
  const stored = await loadStoredPeople(records.map((r) => r.employeeId), client);
  const issues: RecordIssue[] = [];
  const changes: PlannedChange[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  records.forEach((record, index) => {
    const earlier = seen.get(record.employeeId);
    if (earlier !== undefined) {
      issues.push({ path: [index, "employeeId"], message: `${record.employeeId} is also in record ${earlier}` });
      return;
    }
    seen.set(record.employeeId, index);
    const checked = checkRecord(record, ctx);
    for (const i of checked.issues) issues.push({ path: [index, ...i.path], message: i.message });
    if (!checked.resolved) return;
    const before = stored.get(record.employeeId) ?? null;
    const after = canonicalFromResolved(checked.resolved, before);
    if (before && samePerson(before, after)) unchanged += 1;
    else changes.push({ index, before, after });
  });
  return { issues, changes, unchanged };
}

export async function writePerson(tx: Tx, c: CanonicalPerson): Promise<void> {
  const data = {
    teamId: c.teamId,
    level: c.level,
    roleFamily: c.roleFamily,
    location: c.location,
    sourcing: c.sourcing as SourcingValue | null,
    managerEmployeeId: c.managerEmployeeId,
  };
  const person = await tx.person.upsert({ where: { employeeId: c.employeeId }, create: { employeeId: c.employeeId, ...data }, update: data, select: { id: true } });
  await tx.employment.deleteMany({ where: { personId: person.id } });
  await tx.promotion.deleteMany({ where: { personId: person.id } });
  await tx.teamMove.deleteMany({ where: { personId: person.id } });
  await tx.employment.createMany({
    data: c.employments.map((e) => ({
      personId: person.id,
      hireDate: parseDay(e.hireDate),
      exitDate: e.exitDate ? parseDay(e.exitDate) : null,
      exitType: e.exitType,
      regretted: e.regretted,
      exitReason: e.exitReason,
    })),
  });
  if (c.promotions.length) {
    await tx.promotion.createMany({ data: c.promotions.map((p) => ({ personId: person.id, date: parseDay(p.date), fromLevel: p.fromLevel, toLevel: p.toLevel })) });
  }
  if (c.teamMoves.length) {
    await tx.teamMove.createMany({ data: c.teamMoves.map((m) => ({ personId: person.id, date: parseDay(m.date), fromTeamId: m.fromTeamId, toTeamId: m.toTeamId })) });
  }
}

export interface SaveResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Writes a checked plan (no issues) in one transaction, audits it, and recomputes the metrics it touched. */
export async function applyPlan(actor: Actor, plan: SavePlan, auditAction: "create" | "update" | "import" = "update"): Promise<SaveResult> {
  if (plan.issues.length) throw validationError(plan.issues);
  if (plan.changes.length === 0) return { created: 0, updated: 0, unchanged: plan.unchanged };
  await db.$transaction((tx) => writePlan(tx, actor, plan.changes, auditAction), { timeout: 120_000 });
  if (auditAction === "import") {
    // An import rewrites the full history of every team, so all teams' values come from one computation.
    await recomputePeopleMetrics();
  } else {
    const versions = plan.changes.flatMap((c) => [c.before, c.after]);
    await recomputePeopleMetrics({ teamIds: teamsOf(...versions), fromDay: earliestDate(...versions) ?? undefined });
  }
  const created = plan.changes.filter((c) => !c.before).length;
  return { created, updated: plan.changes.length - created, unchanged: plan.unchanged };
}

/** Writes planned changes and their audit rows inside `tx` (the caller recomputes after the commit). */
export async function writePlan(tx: Tx, actor: Actor, changes: readonly PlannedChange[], auditAction: "create" | "update" | "import"): Promise<void> {
  for (const change of changes) await writePerson(tx, change.after);
  const entries: AuditEntry[] = changes.map((c) => ({
    action: auditAction === "import" ? "import" : c.before ? "update" : "create",
    entityType: "Person",
    entityId: c.after.employeeId,
    summary: c.before ? `Updated people record ${c.after.employeeId}` : `Added people record ${c.after.employeeId}`,
    before: c.before,
    after: c.after,
  }));
  await recordAudit(actor, entries, tx);
}

/** POST /api/v1/people and the admin forms: check, then save all or nothing. */
export async function savePeopleRecords(actor: Actor, records: readonly PersonRecord[]): Promise<SaveResult> {
  return applyPlan(actor, await planSave(records));
}
