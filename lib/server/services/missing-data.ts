import "server-only";
import { addDays, formatDay, weekStartOf } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { listActiveTeamsWithManagers, listManualWeeklyMetrics, listValueCells } from "@/lib/server/data/overview/missing-data";

/**
 * Which teams have not yet entered which manual weekly metrics, for the current and the previous week,
 * with the managers to chase. Monthly metrics are left out: their month is usually still open.
 */

export interface MissingTeam {
  teamId: string;
  teamName: string;
  managers: { name: string; email: string }[];
  missing: { metricId: string; key: string; name: string }[];
}

export interface MissingWeek {
  week: string;
  /** Teams with at least one missing metric, by name. */
  teams: MissingTeam[];
  expected: number;
  entered: number;
}

export async function listMissingData(now = new Date()): Promise<{ weeks: MissingWeek[] }> {
  const settings = await getOrgSettings();
  const current = weekStartOf(now, settings.timeZone);
  const weeks = [current, addDays(current, -7)];
  const [metrics, teams] = await Promise.all([
    listManualWeeklyMetrics(),
    listActiveTeamsWithManagers(),
  ]);
  const values = await listValueCells(metrics.map((m) => m.id), weeks.map((w) => new Date(w)));
  const present = new Set(values.map((v) => `${v.metricId}|${v.teamId}|${formatDay(v.weekStart)}`));
  return {
    weeks: weeks.map((week) => {
      let expected = 0;
      let entered = 0;
      const out: MissingTeam[] = [];
      for (const team of teams) {
        const applicable = metrics.filter((m) => m.appliesToAll || m.teams.some((t) => t.teamId === team.id));
        const missing = applicable.filter((m) => !present.has(`${m.id}|${team.id}|${week}`));
        expected += applicable.length;
        entered += applicable.length - missing.length;
        if (missing.length === 0) continue;
        out.push({
          teamId: team.id,
          teamName: team.name,
          managers: team.managers.filter((m) => m.user.active).map((m) => ({ name: m.user.name, email: m.user.email })),
          missing: missing.map((m) => ({ metricId: m.id, key: m.key, name: m.name })),
        });
      }
      return { week, teams: out, expected, entered };
    }),
  };
}
