import "server-only";
import { z } from "zod";
import { parseDay } from "@/lib/domain/time";
import { levelOrders } from "@/lib/server/data/retention/career-levels";
import { replacePersonRecord, storedRecords, teamRefs } from "@/lib/server/data/retention/people";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit";
import type { PersonRecord, SourcingValue } from "@/lib/validation/people";
import { canonicalFromResolved, canonicalFromStored, earliestDate, samePerson, teamsOf } from "@/lib/retention/canonical";
import type { CanonicalPerson } from "@/lib/retention/api-types";
import { checkRecord, type RecordContext, type RecordIssue } from "@/lib/retention/check-records";
import { recomputePeopleMetrics } from "./recompute";

/**
 * Saving people records: the one write path for the people API, the roster import and the admin
 * pages. All or nothing: every record is checked first, then all are written in one transaction,
 * then the Retention metrics are recomputed for the teams and dates the changes touched.
 */

/** `client`: the transaction of an import that reads what it has written so far; the shared client when absent. */
export async function loadRecordContext(client?: Tx): Promise<RecordContext> {
  const [levels, teams] = await Promise.all([levelOrders(client), teamRefs(client)]);
  return { levels: new Map(levels.map((l) => [l.key, l])), teams };
}

export async function loadStoredPeople(employeeIds: readonly string[], client?: Tx): Promise<Map<string, CanonicalPerson>> {
  const rows = await storedRecords(employeeIds, client);
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
export async function planSave(records: readonly PersonRecord[], context?: RecordContext, client?: Tx): Promise<SavePlan> {
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
  await replacePersonRecord(
    {
      employeeId: c.employeeId,
      teamId: c.teamId,
      level: c.level,
      roleFamily: c.roleFamily,
      location: c.location,
      sourcing: c.sourcing as SourcingValue | null,
      managerEmployeeId: c.managerEmployeeId,
      employments: c.employments.map((e) => ({
        hireDate: parseDay(e.hireDate),
        exitDate: e.exitDate ? parseDay(e.exitDate) : null,
        exitType: e.exitType,
        regretted: e.regretted,
        exitReason: e.exitReason,
      })),
      promotions: c.promotions.map((p) => ({ date: parseDay(p.date), fromLevel: p.fromLevel, toLevel: p.toLevel })),
      teamMoves: c.teamMoves.map((m) => ({ date: parseDay(m.date), fromTeamId: m.fromTeamId, toTeamId: m.toTeamId })),
    },
    tx,
  );
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
  await inTransaction((tx) => writePlan(tx, actor, plan.changes, auditAction), { timeout: 120_000 });
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
