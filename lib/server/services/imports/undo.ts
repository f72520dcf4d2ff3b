import "server-only";
import { deleteMetricValuesById, restoreMetricValue, undoImportBatches } from "@/lib/server/data/metric-value-writer/undo";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deleteImportChunks, importChangesAfter, markImportUndone } from "@/lib/server/data/imports/imports";
import {
  countChildGroups,
  countMetricValuesOfMetric,
  countMetricValuesOfTeam,
  countPeopleOfTeam,
  countTeamsInGroup,
  deleteAiUsageById,
  deleteGroupById,
  deleteLearningRecordById,
  deleteMetricDefinitionById,
  deleteTeamById,
  groupChangeState,
  metricDefinitionName,
  metricValuesInCells,
  restoreAiUsage,
  restoreGroup,
  restoreLearningRecord,
  restoreTeam,
  teamChangeState,
} from "@/lib/server/data/imports/undo";
import { inTransaction } from "@/lib/server/data/runner";
import { conflict } from "@/lib/server/errors";
import { undoImport as mayUndo } from "@/lib/server/permissions";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { recomputeAffected } from "@/lib/server/services/delivery/recompute";
import type { CanonicalPerson } from "@/lib/retention/api-types";
import { recomputePeopleMetrics } from "@/lib/server/services/retention/recompute";
import { refreshAllRollups, refreshRollups } from "@/lib/server/services/rollups";
import { deploymentEvents } from "./kinds/deployments";
import { undoEvent, type EventStore } from "./kinds/events";
import { incidentEvents } from "./kinds/incidents";
import { undoPerson } from "./kinds/people";
import { pullRequestEvents } from "./kinds/pull-requests";
import type { Client } from "./kinds/types";
import { workItemEvents } from "./kinds/work-items";
import { callerOf, loadImportFor } from "./session";

/**
 * Undoing an import (its uploader or an admin, within 7 days): every row it changed gets its before-image back and every
 * row it created is deleted, in one transaction — but only when nothing newer touched those rows. A
 * metric value still carries this import's id and the version the import wrote; a team or group has
 * not been updated since the import finished. Otherwise the undo is refused and the rows are named.
 * Delivery events (deployments, pull requests, incidents, work items) are recomputed afterwards for
 * the weeks they counted in, as after ingestion; people records as after a roster import.
 */
export const UNDO_WINDOW_DAYS = 7;
const PAGE = 5000;
const EVENT_STORES = new Map<string, EventStore>([deploymentEvents, pullRequestEvents, incidentEvents, workItemEvents].map((s) => [s.entityType, s]));

interface Change {
  id: bigint;
  entityType: string;
  entityId: string;
  before: Prisma.JsonValue | null;
}

interface ValueImage {
  value: number;
  note: string | null;
  version: number;
  numerator: number | null;
  denominator: number | null;
  source: "MANUAL" | "IMPORT" | "API" | "COMPUTED";
  enteredById: string | null;
  importId: string | null;
}

export async function undoImport(id: string, actor: Actor, user: SessionUser | null, now = new Date()) {
  const row = await loadImportFor(id, callerOf(actor, user), mayUndo, "Only the import's uploader or an admin can undo it.");
  if (row.status !== "COMPLETED" || !row.finishedAt) throw conflict(`Only a completed import can be undone; this one is ${row.status.toLowerCase()}.`);
  if (now.getTime() - row.finishedAt.getTime() > UNDO_WINDOW_DAYS * 86_400_000) throw conflict(`Imports can be undone for ${UNDO_WINDOW_DAYS} days; this one finished on ${row.finishedAt.toISOString().slice(0, 10)}.`);
  const finishedAt = row.finishedAt;

  const touched = { metrics: new Set<string>(), weeks: new Set<string>(), structure: false, events: new AffectedTeams(), people: false };
  const outcome = await inTransaction(
    async (tx) => {
      const blocked: string[] = [];
      // Metric values are recorded one row per batch (ImportBatch), undone set-based.
      const batches = await undoImportBatches(id, tx);
      blocked.push(...batches.blocked.map((cell) => `Metric value ${cell} was changed after the import.`));
      let blockedCount = batches.blockedCount;
      let restored = batches.restored;
      let deleted = batches.deleted;
      batches.metricIds.forEach((m) => touched.metrics.add(m));
      batches.weeks.forEach((w) => touched.weeks.add(w));
      // Imports made before ImportBatch, and the rows other than metric values, have one ImportChange each.
      const structural: Change[] = [];
      for (let cursor: bigint | null = 0n; cursor !== null; ) {
        const page: Change[] = await importChangesAfter(id, cursor, PAGE, tx);
        cursor = page.length === PAGE ? page[page.length - 1].id : null;
        const values = page.filter((c) => c.entityType === "MetricValue");
        structural.push(...page.filter((c) => c.entityType !== "MetricValue"));
        const result = await undoValues(tx, id, values, blocked);
        restored += result.restored;
        deleted += result.deleted;
        for (const v of values) {
          const [metricId, , week] = v.entityId.split(":");
          touched.metrics.add(metricId);
          touched.weeks.add(week);
        }
      }
      // Created teams/metrics/groups go after their values, children before parents.
      for (const change of structural.reverse()) {
        const events = EVENT_STORES.get(change.entityType);
        const person = change.entityType === "Person";
        const result = events
          ? await undoEvent(events, tx, change, finishedAt, blocked, touched.events)
          : person
            ? await undoPerson(tx, change.entityId, change.before as CanonicalPerson | null, finishedAt, blocked)
            : await undoStructural(tx, change, finishedAt, blocked);
        restored += result.restored;
        deleted += result.deleted;
        if (person) touched.people = true;
        else if (!events) touched.structure = true;
      }
      blockedCount += blocked.length - batches.blocked.length;
      if (blocked.length > 0) throw conflict(`The import cannot be undone: newer changes touched ${blockedCount} of its rows.`, { blocked: blocked.slice(0, 50) });
      await markImportUndone(id, now, user?.id ?? null, tx);
      await deleteImportChunks(id, tx);
      await recordAudit(actor, { action: "undo", entityType: "Import", entityId: id, summary: `Undid import of ${row.fileName}: ${restored} restored, ${deleted} deleted` }, tx);
      return { restored, deleted };
    },
    { timeout: 30 * 60 * 1000, maxWait: 60_000 },
  );
  if (touched.structure) await refreshAllRollups();
  else if (touched.metrics.size > 0) await refreshRollups({ metricIds: [...touched.metrics], weeks: [...touched.weeks] });
  await recomputeAffected(touched.events);
  if (touched.people) await recomputePeopleMetrics();
  return outcome;
}

async function undoValues(tx: Client, importId: string, changes: Change[], blocked: string[]): Promise<{ restored: number; deleted: number }> {
  if (changes.length === 0) return { restored: 0, deleted: 0 };
  const cells = changes.map((c) => c.entityId.split(":"));
  const current = await metricValuesInCells(
    {
      metricIds: [...new Set(cells.map((c) => c[0]))],
      teamIds: [...new Set(cells.map((c) => c[1]))],
      weeks: [...new Set(cells.map((c) => c[2]))].map((w) => new Date(w)),
    },
    tx,
  );
  const byKey = new Map(current.map((v) => [`${v.metricId}:${v.teamId}:${v.weekStart.toISOString().slice(0, 10)}`, v]));
  const deletes: bigint[] = [];
  let restored = 0;
  for (const change of changes) {
    const before = change.before as ValueImage | null;
    const now = byKey.get(change.entityId);
    const expectedVersion = before ? before.version + 1 : 1;
    if (!now || now.importId !== importId || now.version !== expectedVersion) {
      blocked.push(`Metric value ${change.entityId} was changed after the import.`);
      continue;
    }
    if (!before) {
      deletes.push(now.id);
      continue;
    }
    await restoreMetricValue(
      now.id,
      {
        value: before.value, note: before.note, numerator: before.numerator, denominator: before.denominator, source: before.source,
        enteredById: before.enteredById, importId: before.importId, version: now.version + 1,
      },
      tx,
    );
    restored++;
  }
  if (deletes.length > 0) await deleteMetricValuesById(deletes, tx);
  return { restored, deleted: deletes.length };
}

async function undoStructural(tx: Client, change: Change, finishedAt: Date, blocked: string[]): Promise<{ restored: number; deleted: number }> {
  const before = change.before as Record<string, unknown> | null;
  const id = change.entityId;
  if (change.entityType === "Team") {
    const team = await teamChangeState(id, tx);
    if (!team) return { restored: 0, deleted: 0 };
    if (team.updatedAt > finishedAt) return block(blocked, `Team "${team.name}" was changed after the import.`);
    if (!before) {
      if ((await countMetricValuesOfTeam(id, tx)) > 0 || (await countPeopleOfTeam(id, tx)) > 0) {
        return block(blocked, `Team "${team.name}" now has data entered after the import.`);
      }
      await deleteTeamById(id, tx);
      return { restored: 0, deleted: 1 };
    }
    const { acquisitionDate, ...rest } = before as { acquisitionDate: string | null } & Prisma.TeamUncheckedUpdateInput;
    await restoreTeam(id, { ...rest, acquisitionDate: acquisitionDate ? new Date(acquisitionDate) : null }, tx);
    return { restored: 1, deleted: 0 };
  }
  if (change.entityType === "Group") {
    const group = await groupChangeState(id, tx);
    if (!group) return { restored: 0, deleted: 0 };
    if (group.updatedAt > finishedAt) return block(blocked, `Group "${group.name}" was changed after the import.`);
    if (!before) {
      if ((await countTeamsInGroup(id, tx)) > 0 || (await countChildGroups(id, tx)) > 0) {
        return block(blocked, `Group "${group.name}" now has teams or groups added after the import.`);
      }
      await deleteGroupById(id, tx);
      return { restored: 0, deleted: 1 };
    }
    await restoreGroup(id, before as Prisma.GroupUncheckedUpdateInput, tx);
    return { restored: 1, deleted: 0 };
  }
  if (change.entityType === "MetricDefinition" && !before) {
    const metric = await metricDefinitionName(id, tx);
    if (!metric) return { restored: 0, deleted: 0 };
    if ((await countMetricValuesOfMetric(id, tx)) > 0) return block(blocked, `Metric "${metric.name}" now has values entered after the import.`);
    await deleteMetricDefinitionById(id, tx);
    return { restored: 0, deleted: 1 };
  }
  return undoRecord(tx, change, blocked);
}

/** Rows of the event-like kinds (AI usage, learning records): created ones are deleted, changed ones restored. */
async function undoRecord(tx: Client, change: Change, blocked: string[]): Promise<{ restored: number; deleted: number }> {
  const id = change.entityId;
  if (change.entityType === "AiUsage") {
    if (!change.before) return { restored: 0, deleted: await deleteAiUsageById(id, tx) };
    await restoreAiUsage(id, change.before as Prisma.AiUsageUncheckedUpdateInput, tx);
    return { restored: 1, deleted: 0 };
  }
  if (change.entityType === "LearningRecord") {
    if (!change.before) return { restored: 0, deleted: await deleteLearningRecordById(id, tx) };
    const { date, ...rest } = change.before as { date: string } & Prisma.LearningRecordUncheckedUpdateInput;
    await restoreLearningRecord(id, { ...rest, date: new Date(date) }, tx);
    return { restored: 1, deleted: 0 };
  }
  return block(blocked, `${change.entityType} rows cannot be undone.`);
}

function block(blocked: string[], message: string): { restored: number; deleted: number } {
  blocked.push(message);
  return { restored: 0, deleted: 0 };
}
