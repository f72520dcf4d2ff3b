import "server-only";
import { formatDay } from "@/lib/domain/time";
import type { TargetRow } from "@/lib/metrics/targets";
import { db } from "@/lib/server/db";

/** Every target of the given metrics (all scopes, all effective dates), for `targetFor` to resolve. */
export async function listTargetsOfMetrics(metricIds: string[]): Promise<TargetRow[]> {
  if (metricIds.length === 0) return [];
  const rows = await db.target.findMany({
    where: { metricId: { in: metricIds } },
    select: { metricId: true, scopeType: true, scopeId: true, green: true, amber: true, effectiveFrom: true },
  });
  return rows.map((t) => ({ ...t, effectiveFrom: formatDay(t.effectiveFrom) }));
}
