import "server-only";
import { localDate } from "@/lib/domain/time";
import type { CatalogMetric } from "@/lib/metrics/api-types";
import {
  catalogRecordById,
  countMetricValues,
  deleteMetricDefinition,
  deleteMetricTeams,
  insertMetricDefinition,
  insertMetricTeams,
  listCatalogRecords,
  metricIdByKey,
  updateMetricDefinition,
  valueCountsByMetric,
  type CatalogRecord,
} from "@/lib/server/data/admin/metric-catalog";
import { countExistingTeams, getOrgSettings } from "@/lib/server/data/org";
import { insertAnnotation } from "@/lib/server/data/review/annotations";
import { inTransaction, type Tx } from "@/lib/server/data/runner";
import { badRequest, conflict, notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import type { CreateMetricInput, UpdateMetricInput } from "@/lib/validation/metrics";

/**
 * The metric catalog: admins list, create, edit, archive and delete metric definitions. Built-in computed
 * metrics are read-only (only their targets change, elsewhere). Every definition change is audited and
 * leaves a METRIC_CHANGE annotation so charts show when the meaning of a line changed.
 */

type Row = CatalogRecord;

function toCatalog(m: Row, valueCount: number): CatalogMetric {
  const { teams, archivedAt, ...rest } = m;
  return { ...rest, teamIds: teams.map((t) => t.teamId).sort(), archivedAt: archivedAt?.toISOString() ?? null, valueCount, readOnly: m.source === "COMPUTED" };
}

export async function listCatalog(filter: { pillar?: string; archived?: "include" | "exclude" | "only" } = {}): Promise<CatalogMetric[]> {
  const archived = filter.archived ?? "exclude";
  const rows = await listCatalogRecords({ pillar: filter.pillar ? (filter.pillar as Row["pillar"]) : undefined, archived });
  const counts = await valueCountsByMetric(rows.map((r) => r.id));
  return rows.map((r) => toCatalog(r, counts.get(r.id) ?? 0));
}

export async function getCatalogMetric(id: string): Promise<CatalogMetric> {
  const row = await catalogRecordById(id);
  if (!row) throw notFound("Metric");
  return toCatalog(row, (await valueCountsByMetric([id])).get(id) ?? 0);
}

async function assertTeamsExist(teamIds: string[]): Promise<void> {
  if (teamIds.length === 0) return;
  const found = await countExistingTeams(teamIds);
  if (found !== new Set(teamIds).size) throw badRequest("One of the chosen teams does not exist.");
}

/** The definition as recorded in the audit trail. */
function snapshot(m: Row) {
  const { teams, ...rest } = m;
  return { ...rest, teamIds: teams.map((t) => t.teamId).sort() };
}

/** Today in the organisation's zone; read before a transaction opens (the embedded database has one connection). */
async function orgToday(now: Date): Promise<Date> {
  return new Date(localDate(now, (await getOrgSettings()).timeZone));
}

async function annotate(tx: Tx, actor: Actor, today: Date, metricId: string, name: string, body: string): Promise<void> {
  await insertAnnotation(
    {
      scopeType: "ORG", scopeId: null, date: today, title: `Metric changed: ${name}`,
      body, kind: "METRIC_CHANGE", metricId, createdById: actor.userId,
    },
    tx,
  );
}

export async function createMetric(actor: Actor, input: CreateMetricInput, now = new Date()): Promise<CatalogMetric> {
  if ((await metricIdByKey(input.key)) !== null) {
    throw conflict(`A metric with the key "${input.key}" already exists.`);
  }
  await assertTeamsExist(input.teamIds);
  const { teamIds, ...fields } = input;
  const today = await orgToday(now);
  const row = await inTransaction(async (tx) => {
    const created = await insertMetricDefinition({ ...fields, source: "MANUAL", builtIn: false }, input.appliesToAll ? null : teamIds, tx);
    await recordAudit(actor, { action: "create", entityType: "MetricDefinition", entityId: created.id, summary: `Created metric ${created.name} (${created.key})`, after: snapshot(created) }, tx);
    await annotate(tx, actor, today, created.id, created.name, "New metric added to the catalog.");
    return created;
  });
  return toCatalog(row, 0);
}

const FIELD_LABELS: Record<string, string> = {
  name: "name", pillar: "pillar", unit: "unit", direction: "direction", aggregation: "aggregation", cadence: "cadence",
  minValue: "minimum", maxValue: "maximum", integer: "whole numbers", noteChangePct: "note threshold", description: "description",
  howComputed: "how it is computed", headline: "shown on the overview", appliesToAll: "teams", teamIds: "teams",
};

export async function updateMetric(actor: Actor, id: string, input: UpdateMetricInput, now = new Date()): Promise<CatalogMetric> {
  const existing = await catalogRecordById(id);
  if (!existing) throw notFound("Metric");
  if (existing.source === "COMPUTED") throw badRequest(`"${existing.name}" is computed from events; only its targets can be changed.`);
  const merged = { minValue: existing.minValue, maxValue: existing.maxValue, ...input };
  if (merged.minValue != null && merged.maxValue != null && merged.minValue > merged.maxValue) {
    throw badRequest("The maximum must not be below the minimum.");
  }
  const appliesToAll = input.appliesToAll ?? existing.appliesToAll;
  const teamIds = input.teamIds ?? existing.teams.map((t) => t.teamId);
  if (!appliesToAll && teamIds.length === 0) throw badRequest("Choose at least one team, or apply the metric to all teams.");
  await assertTeamsExist(teamIds);

  const before = snapshot(existing);
  const { teamIds: _teams, ...fields } = input;
  const after = { ...before, ...fields, appliesToAll, teamIds: appliesToAll ? [] : [...new Set(teamIds)].sort() };
  const changed = Object.keys(FIELD_LABELS).filter((k) => JSON.stringify(before[k as keyof typeof before]) !== JSON.stringify(after[k as keyof typeof after]));
  if (changed.length === 0) return getCatalogMetric(id);
  const today = await orgToday(now);

  await inTransaction(async (tx) => {
    await updateMetricDefinition(id, { ...fields, appliesToAll }, tx);
    if (input.teamIds !== undefined || input.appliesToAll !== undefined) {
      await deleteMetricTeams(id, tx);
      if (!appliesToAll) await insertMetricTeams(id, [...new Set(teamIds)], tx);
    }
    const what = [...new Set(changed.map((k) => FIELD_LABELS[k]))].join(", ");
    await recordAudit(actor, { action: "update", entityType: "MetricDefinition", entityId: id, summary: `Changed ${what} of ${after.name}`, before, after }, tx);
    await annotate(tx, actor, today, id, after.name, `Changed: ${what}.`);
  });
  return getCatalogMetric(id);
}

export type RemoveOutcome = { outcome: "deleted" } | { outcome: "archived" };

/**
 * A metric without values is deleted; one with values is archived (kept with its history, hidden from
 * entry and dashboards) and only when the caller confirmed, since it disappears from every chart.
 */
export async function removeMetric(actor: Actor, id: string, confirmed: boolean, now = new Date()): Promise<RemoveOutcome> {
  const existing = await catalogRecordById(id);
  if (!existing) throw notFound("Metric");
  if (existing.builtIn && existing.source === "COMPUTED") throw badRequest(`"${existing.name}" is built in and computed from events; it cannot be removed.`);
  const values = await countMetricValues(id);
  if (values === 0 && !existing.builtIn) {
    await inTransaction(async (tx) => {
      await deleteMetricDefinition(id, tx);
      await recordAudit(actor, { action: "delete", entityType: "MetricDefinition", entityId: id, summary: `Deleted metric ${existing.name} (${existing.key})`, before: snapshot(existing) }, tx);
    });
    return { outcome: "deleted" };
  }
  if (existing.archivedAt) return { outcome: "archived" };
  if (!confirmed) {
    throw conflict(`"${existing.name}" has ${values} value(s). Confirm to archive it: its data is kept but it leaves entry and dashboards.`, { values, needsConfirmation: true });
  }
  const today = await orgToday(now);
  await inTransaction(async (tx) => {
    const archivedAt = now;
    await updateMetricDefinition(id, { archivedAt }, tx);
    await recordAudit(actor, { action: "archive", entityType: "MetricDefinition", entityId: id, summary: `Archived metric ${existing.name} (${values} values kept)`, before: snapshot(existing), after: { ...snapshot(existing), archivedAt } }, tx);
    await annotate(tx, actor, today, id, existing.name, "Archived: no longer entered or shown.");
  });
  return { outcome: "archived" };
}
