import "server-only";
import { addDays, formatDay, weekStartOf } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";

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
    db.metricDefinition.findMany({
      where: { source: "MANUAL", cadence: "WEEKLY", archivedAt: null },
      select: { id: true, key: true, name: true, appliesToAll: true, teams: { select: { teamId: true } } },
      orderBy: [{ pillar: "asc" }, { sortOrder: "asc" }],
    }),
    db.team.findMany({
      where: { archivedAt: null },
      select: { id: true, name: true, managers: { select: { user: { select: { name: true, email: true, active: true } } } } },
      orderBy: { name: "asc" },
    }),
  ]);
  const values = await db.metricValue.findMany({
    where: { metricId: { in: metrics.map((m) => m.id) }, weekStart: { in: weeks.map((w) => new Date(w)) } },
    select: { metricId: true, teamId: true, weekStart: true },
  });
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
