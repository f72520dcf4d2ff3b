import "server-only";
import type { AuditRow } from "@/lib/admin/api-types";
import { listAudit, metricValueHistory, sensitiveMetricsAmong, type AuditFilter } from "@/lib/server/data/audit";
import { metricDisclosure } from "@/lib/server/disclosure/metrics";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { WITHHELD_TEXT } from "@/lib/disclosure/reasons";

/**
 * The audit trail and a value's history as readers see them. Audit diffs are views too (disclosure.md rule 4):
 * the before/after of a survey or people value is replaced by why it is withheld unless the disclosure policy
 * releases that team and week — an admin reading the trail learns no more than a chart would show.
 */
interface Cell {
  metricId: string;
  teamId: string;
  week: string;
}

function cellOf(row: AuditRow): Cell | null {
  if (row.entityType !== "MetricValue") return null;
  const [metricId, teamId, week] = row.entityId.split(":");
  return metricId && teamId && /^\d{4}-\d{2}-\d{2}$/.test(week ?? "") ? { metricId, teamId, week } : null;
}

async function redact(rows: AuditRow[], viewer: DisclosureViewer, now: Date): Promise<AuditRow[]> {
  const cells = rows.map(cellOf);
  const metricIds = [...new Set(cells.flatMap((c) => (c ? [c.metricId] : [])))];
  if (metricIds.length === 0) return rows;
  const metrics = await sensitiveMetricsAmong(metricIds);
  if (metrics.length === 0) return rows;
  const byId = new Map(metrics.map((m) => [m.id, m]));
  const weeks = cells.flatMap((c) => (c && byId.has(c.metricId) ? [c.week] : [])).sort();
  const disclosure = await metricDisclosure(viewer, now, { metrics, fromWeek: weeks[0], toWeek: weeks[weeks.length - 1] });
  return rows.map((row, i) => {
    const cell = cells[i];
    const metric = cell ? byId.get(cell.metricId) : undefined;
    if (!cell || !metric) return row;
    const verdict = disclosure.point(metric, [cell.teamId], [cell.week]);
    if (verdict.released) return row;
    const withheld = { withheld: WITHHELD_TEXT[verdict.reason] };
    return { ...row, before: row.before === null ? null : withheld, after: row.after === null ? null : withheld };
  });
}

export async function auditPage(filter: AuditFilter, page: number, pageSize: number, viewer: DisclosureViewer, now: Date): Promise<{ rows: AuditRow[]; total: number }> {
  const result = await listAudit(filter, page, pageSize);
  return { ...result, rows: await redact(result.rows, viewer, now) };
}

export async function valueHistory(metricId: string, teamId: string, week: string, viewer: DisclosureViewer, now: Date): Promise<AuditRow[]> {
  return redact(await metricValueHistory(metricId, teamId, week), viewer, now);
}
