import "server-only";
import { groupExists, teamExists } from "@/lib/server/data/org";
import { formatDay } from "@/lib/domain/time";
import type { TargetView } from "@/lib/metrics/api-types";
import { inTransaction } from "@/lib/server/data/runner";
import {
  deleteTargetRow, insertTarget, listTargetRows, orgName, scopeNames, targetForCorrection, targetForDeletion, targetInForceBefore,
  targetMetric, updateTargetBands,
} from "@/lib/server/data/targets";
import { badRequest, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { targetBandsProblem, type CreateTargetInput, type UpdateTargetInput } from "@/lib/validation/targets";

/**
 * Targets per metric for the organisation, a group or a team. A change is a new row with its effective
 * date, never an overwrite, so a chart of last year keeps the target that applied then
 * (lib/server/services/overview.ts picks the one in force per period). A target entered by mistake can be
 * corrected in place or deleted; both are audited with the row as it was.
 */

export async function listTargets(filter: { metricId?: string } = {}): Promise<TargetView[]> {
  const [rows, { groups, teams }, name] = await Promise.all([listTargetRows(filter), scopeNames(), orgName()]);
  const names = new Map([...groups, ...teams].map((x) => [x.id, x.name]));
  return rows.map((t) => ({
    id: t.id, metricId: t.metricId, metricName: t.metric.name, scopeType: t.scopeType, scopeId: t.scopeId,
    scopeName: t.scopeId ? (names.get(t.scopeId) ?? t.scopeId) : (name ?? "Organisation"),
    green: t.green, amber: t.amber, effectiveFrom: formatDay(t.effectiveFrom), createdAt: t.createdAt.toISOString(),
  }));
}

export async function createTarget(actor: Actor, input: CreateTargetInput): Promise<{ id: string }> {
  const metric = await targetMetric(input.metricId);
  if (!metric) throw notFound("Metric");
  const problem = targetBandsProblem(metric.direction, input.green, input.amber);
  if (problem) throw badRequest(problem, { issues: [{ path: "amber", message: problem }] });
  const scopeId = input.scopeType === "ORG" ? null : (input.scopeId ?? null);
  if (input.scopeType === "GROUP" && !(await groupExists(scopeId ?? ""))) throw notFound("Group");
  if (input.scopeType === "TEAM" && !(await teamExists(scopeId ?? ""))) throw notFound("Team");
  return inTransaction(async (tx) => {
    const created = await insertTarget(
      { metricId: metric.id, scopeType: input.scopeType, scopeId, green: input.green, amber: input.amber, effectiveFrom: input.effectiveFrom, createdById: actor.userId },
      tx,
    );
    const previous = await targetInForceBefore({ metricId: metric.id, scopeType: input.scopeType, scopeId, exceptId: created.id, onDay: input.effectiveFrom }, tx);
    await recordAudit(
      actor,
      {
        action: "create", entityType: "Target", entityId: created.id,
        summary: `Target for ${metric.name} (${input.scopeType.toLowerCase()}): green ${input.green}, amber ${input.amber} from ${input.effectiveFrom}`,
        before: previous ? { green: previous.green, amber: previous.amber, effectiveFrom: formatDay(previous.effectiveFrom) } : null,
        after: { metricId: metric.id, scopeType: input.scopeType, scopeId, green: input.green, amber: input.amber, effectiveFrom: input.effectiveFrom },
      },
      tx,
    );
    return created;
  });
}

/** Corrects a target's bands or start day. The metric's direction still decides which band is better. */
export async function updateTarget(actor: Actor, id: string, input: UpdateTargetInput): Promise<{ id: string }> {
  const row = await targetForCorrection(id);
  if (!row) throw notFound("Target");
  const problem = targetBandsProblem(row.metric.direction, input.green, input.amber);
  if (problem) throw badRequest(problem, { issues: [{ path: "amber", message: problem }] });
  return inTransaction(async (tx) => {
    await updateTargetBands(id, input, tx);
    await recordAudit(
      actor,
      {
        action: "update", entityType: "Target", entityId: id,
        summary: `Target for ${row.metric.name} (${row.scopeType.toLowerCase()}) corrected: green ${input.green}, amber ${input.amber} from ${input.effectiveFrom}`,
        before: { green: row.green, amber: row.amber, effectiveFrom: formatDay(row.effectiveFrom) },
        after: { green: input.green, amber: input.amber, effectiveFrom: input.effectiveFrom },
      },
      tx,
    );
    return { id };
  });
}

/** Deletes a target; periods it covered fall back to the target in force before it, or to none. */
export async function deleteTarget(actor: Actor, id: string): Promise<void> {
  const row = await targetForDeletion(id);
  if (!row) throw notFound("Target");
  await inTransaction(async (tx) => {
    await deleteTargetRow(id, tx);
    await recordAudit(
      actor,
      {
        action: "delete", entityType: "Target", entityId: id,
        summary: `Target for ${row.metric.name} (${row.scopeType.toLowerCase()}) from ${formatDay(row.effectiveFrom)} deleted`,
        before: { metricId: row.metricId, scopeType: row.scopeType, scopeId: row.scopeId, green: row.green, amber: row.amber, effectiveFrom: formatDay(row.effectiveFrom) },
        after: null,
      },
      tx,
    );
  });
}
