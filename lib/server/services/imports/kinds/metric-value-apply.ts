import "server-only";
import type { PillarKey } from "@/lib/metrics/catalog";
import { monthAnchorOf } from "@/lib/entry/periods";
import { groupIdBySlug, insertGroup, insertMetric, insertTeam, listLiveMetricNames, metricKeyTaken, teamSlugTaken } from "@/lib/server/data/metric-values/import-catalog";
import { canWriteTeam, createCatalogEntries } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import { CheckCache, type ValueWrite } from "@/lib/server/services/metric-value-checks";
import { importMetricValues } from "@/lib/server/services/metric-values-import";
import { refreshRollups } from "@/lib/server/services/rollups";
import { RefIndex, slugify, type NamedRef, type TeamRef } from "./refs";
import type { ApplyResult, BeforeImage, Client, FieldIssue, ItemIssue, SessionOptions } from "./types";

/**
 * What the metric-value kinds (long, wide, survey aggregates) share: resolving team and metric names
 * (creating them when asked), and writing through THE metric value write path (`importMetricValues`,
 * set-based, recording the before-images for undo) inside the import's transaction,
 * and keeping the touched metrics/weeks so roll-ups are refreshed once after the commit.
 */

export interface MetricRef extends NamedRef {
  key: string;
  monthly: boolean;
}

/** A team or metric the file names: resolved now, or to be created by the import. */
export type Named = { id: string } | { create: string };

export interface ValueItem {
  team: Named;
  metric: Named;
  /** Pillar for a metric the import creates. */
  pillar?: PillarKey;
  week: string;
  value: number;
  /** Undefined: the file has no note column (keep stored notes). */
  note?: string | null;
  numerator?: number | null;
  denominator?: number | null;
  /** The field a value or note problem is reported under (wide files: the metric's column). */
  valueField?: string;
}

export const IMPORTED_GROUP = { slug: "imported", name: "Imported teams" };

export async function loadMetricRefs(client: Client): Promise<RefIndex<MetricRef>> {
  const metrics = await listLiveMetricNames(client);
  return new RefIndex(metrics.map((m) => ({ id: m.id, key: m.key, slug: m.key, name: m.name, monthly: m.cadence === "MONTHLY" })));
}

export class MetricValueWriter {
  private readonly touchedMetrics = new Set<string>();
  private readonly touchedWeeks = new Set<string>();
  /** The value checks' reads, kept across this session's batches (one transaction). */
  private readonly checks = new CheckCache();

  constructor(
    readonly teams: RefIndex<TeamRef>,
    readonly metrics: RefIndex<MetricRef>,
    private readonly options: SessionOptions,
  ) {}

  /** Resolves the team cell; records an issue under `field` when it cannot be used. */
  team(text: string | null, field: string, issues: FieldIssue[]): Named | null {
    if (text === null) return null;
    const found = this.teams.find(text, "team");
    if ("error" in found) {
      if (this.options.createUnknown && !found.error.startsWith("More than one")) {
        if (this.options.user && !createCatalogEntries(this.options.user)) {
          issues.push({ field, message: `${found.error} Only an admin can create teams.` });
          return null;
        }
        return { create: text.trim() };
      }
      issues.push({ field, message: `${found.error} Create it first, or choose "create unknown teams and metrics".` });
      return null;
    }
    if (found.row.archived) {
      issues.push({ field, message: `The team "${found.row.name}" is archived.` });
      return null;
    }
    if (this.options.user && !canWriteTeam(this.options.user, found.row.id)) {
      issues.push({ field, message: `You can only import data for the teams you manage, not "${found.row.name}".` });
      return null;
    }
    return { id: found.row.id };
  }

  metric(text: string | null, field: string, issues: FieldIssue[], pillar: PillarKey | null): Named | null {
    if (text === null) return null;
    const found = this.metrics.find(text, "metric");
    if (!("error" in found)) return { id: found.row.id };
    if (this.options.createUnknown && !found.error.startsWith("More than one")) {
      if (this.options.user && !createCatalogEntries(this.options.user)) {
        issues.push({ field, message: `${found.error} Only an admin can create metrics.` });
        return null;
      }
      if (!pillar) {
        issues.push({ field, message: `${found.error} To create it, give its pillar (quality, engagement, retention, skills or alignment) in a pillar column.` });
        return null;
      }
      return { create: text.trim() };
    }
    issues.push({ field, message: `${found.error} Create it first, or choose "create unknown teams and metrics".` });
    return null;
  }

  /** The week a value is stored at: a monthly metric keeps one value per month, at its anchor week. */
  storedWeek(metric: Named, week: string): string {
    if (!("id" in metric)) return week;
    const found = this.metrics.get(metric.id);
    return found?.monthly ? monthAnchorOf(week) : week;
  }

  /** Creates the teams and metrics the batch names but the organisation lacks. */
  private async createMissing(items: ValueItem[], tx: Client, changes: BeforeImage[]): Promise<void> {
    for (const item of items) {
      if ("create" in item.team) item.team = { id: await this.createTeam(item.team.create, tx, changes) };
      if ("create" in item.metric) item.metric = { id: await this.createMetric(item.metric.create, item.pillar ?? "QUALITY", tx, changes) };
    }
  }

  private async createTeam(name: string, tx: Client, changes: BeforeImage[]): Promise<string> {
    const existing = this.teams.find(name, "team");
    if ("row" in existing) return existing.row.id;
    let group = await groupIdBySlug(IMPORTED_GROUP.slug, tx);
    if (!group) {
      group = await insertGroup(IMPORTED_GROUP, tx);
      changes.push({ entityType: "Group", entityId: group.id, before: null });
    }
    const slug = await freeSlug(slugify(name) || "team", (s) => teamSlugTaken(s, tx));
    const team = await insertTeam({ name, slug, groupId: group.id, location: "" }, tx);
    this.teams.add({ id: team.id, slug, name, archived: false });
    changes.push({ entityType: "Team", entityId: team.id, before: null });
    await recordAudit(this.options.actor, { action: "import", entityType: "Team", entityId: team.id, summary: `Team "${name}" created by an import`, after: { name, slug } }, tx);
    return team.id;
  }

  private async createMetric(name: string, pillar: PillarKey, tx: Client, changes: BeforeImage[]): Promise<string> {
    const existing = this.metrics.find(name, "metric");
    if ("row" in existing) return existing.row.id;
    const key = await freeSlug(slugify(name).replaceAll("-", "_") || "metric", (k) => metricKeyTaken(k, tx));
    const metric = await insertMetric({ key, name, pillar, unit: "count", howComputed: "Imported from a file; entered outside Pillars." }, tx);
    this.metrics.add({ id: metric.id, key, slug: key, name, monthly: false });
    changes.push({ entityType: "MetricDefinition", entityId: metric.id, before: null });
    await recordAudit(this.options.actor, { action: "import", entityType: "MetricDefinition", entityId: metric.id, summary: `Metric "${name}" created by an import`, after: { key, name, pillar } }, tx);
    return metric.id;
  }

  async apply(items: ValueItem[], tx: Client): Promise<ApplyResult> {
    const changes: BeforeImage[] = [];
    await this.createMissing(items, tx, changes);
    const rows: ValueWrite[] = items.map((item) => ({
      metricId: idOf(item.metric),
      teamId: idOf(item.team),
      weekStart: item.week,
      value: item.value,
      ...(item.note === undefined ? {} : { note: item.note }),
      ...(item.denominator === undefined ? {} : { numerator: item.numerator ?? null, denominator: item.denominator }),
    }));
    if (!this.options.importId) throw new Error("Values are imported only by a stored import (its id records what to undo).");
    const result = await importMetricValues(this.options.actor, rows, { importId: this.options.importId, user: this.options.user, now: this.options.now, tx, cache: this.checks });
    if (result.status === "invalid") {
      const issues: ItemIssue[] = result.errors.map((e) => ({
        index: e.row,
        field: (e.field === "value" || e.field === "note") && items[e.row].valueField ? (items[e.row].valueField as string) : FIELD_OF[e.field],
        message: e.message,
      }));
      // Teams and metrics created above stay (the caller retries without the refused rows or rolls back).
      return { created: 0, updated: 0, unchanged: 0, issues, changes };
    }
    result.touched.metricIds.forEach((id) => this.touchedMetrics.add(id));
    result.touched.weeks.forEach((week) => this.touchedWeeks.add(week));
    return { created: result.created, updated: result.updated, unchanged: result.unchanged, issues: [], changes };
  }

  async refreshRollups(): Promise<void> {
    if (this.touchedMetrics.size === 0) return;
    await refreshRollups({ metricIds: [...this.touchedMetrics], weeks: [...this.touchedWeeks] });
  }
}

const FIELD_OF = { metric: "metric", teamId: "team", weekStart: "week", value: "value", note: "note" } as const;

function idOf(named: Named): string {
  if ("create" in named) throw new Error(`"${named.create}" was not created`);
  return named.id;
}

async function freeSlug(base: string, taken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
