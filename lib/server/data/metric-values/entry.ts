import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** Reads of the metric value entry path (checks, conflicts); the writes are `writeEntered` in ../metric-value-writer/entered.ts. */

export interface EntryMetricDef {
  id: string;
  key: string;
  name: string;
  unit: string;
  source: "MANUAL" | "COMPUTED";
  cadence: "WEEKLY" | "MONTHLY";
  minValue: number | null;
  maxValue: number | null;
  integer: boolean;
  noteChangePct: number | null;
  archivedAt: Date | null;
  appliesToAll: boolean;
  teams: { teamId: string }[];
}

export interface StoredValue {
  id: bigint;
  metricId: string;
  teamId: string;
  weekStart: Date;
  value: number;
  note: string | null;
  version: number;
  enteredById: string | null;
  importId: string | null;
  updatedAt: Date;
}

const METRIC_SELECT = {
  id: true, key: true, name: true, unit: true, source: true, cadence: true, minValue: true, maxValue: true, integer: true,
  noteChangePct: true, archivedAt: true, appliesToAll: true, teams: { select: { teamId: true } },
} as const;

/** The definitions of the metrics named by id or by key, with the teams they apply to. */
export async function metricsByIdOrKey(ids: string[], keys: string[], tx: Tx = client): Promise<EntryMetricDef[]> {
  return tx.metricDefinition.findMany({ where: { OR: [{ id: { in: ids } }, { key: { in: keys } }] }, select: METRIC_SELECT });
}

/** Whether each of the teams is archived (unknown ids are absent). */
export async function teamsArchivedAt(teamIds: string[], tx: Tx = client): Promise<{ id: string; archivedAt: Date | null }[]> {
  return tx.team.findMany({ where: { id: { in: teamIds } }, select: { id: true, archivedAt: true } });
}

/** The settings row inside a transaction (created when missing). */
export async function orgSettingsIn(tx: Tx) {
  return tx.orgSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
}

/** Stored values of every combination of the metrics, teams and weeks (a superset of the cells asked for). */
export async function storedValuesOf(metricIds: string[], teamIds: string[], weeks: string[], tx: Tx = client): Promise<StoredValue[]> {
  return tx.metricValue.findMany({
    where: { metricId: { in: metricIds }, teamId: { in: teamIds }, weekStart: { in: weeks.map((w) => new Date(w)) } },
    select: { id: true, metricId: true, teamId: true, weekStart: true, value: true, note: true, version: true, enteredById: true, importId: true, updatedAt: true },
  });
}

export async function usersByIds(ids: string[], tx: Tx = client): Promise<{ id: string; name: string; email: string }[]> {
  return tx.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } });
}

/** Who ran an import, as its record says. */
export async function importActorLabel(importId: string, tx: Tx = client): Promise<string | null> {
  return (await tx.import.findUnique({ where: { id: importId }, select: { actorLabel: true } }))?.actorLabel ?? null;
}

/** Who made the latest audited change of an entity. */
export async function lastAuditActorLabel(entityType: string, entityId: string, tx: Tx = client): Promise<string | null> {
  const last = await tx.auditLog.findFirst({ where: { entityType, entityId }, orderBy: { at: "desc" }, select: { actorLabel: true } });
  return last?.actorLabel ?? null;
}
