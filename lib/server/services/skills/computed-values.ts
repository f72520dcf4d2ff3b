import "server-only";
import { addDays, formatDay, parseDay, weekStartOf } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { refreshRollups } from "@/lib/server/services/rollups";
import type { HeadcountOf, SkillsWeeklyValue } from "./weekly-values";

/**
 * Stores the Skills pillar's computed weekly values (source COMPUTED) for the team-weeks a change
 * touched, then rewrites the roll-ups those values feed. Values a manager entered or imported by
 * hand (MANUAL, IMPORT) stand in for missing data and are never overwritten; seeded and earlier
 * computed values are replaced.
 */
export interface TeamWeeks {
  teamId: string;
  keys: readonly SkillsWeeklyValue["key"][];
  weeks: readonly string[];
  values: readonly SkillsWeeklyValue[];
}

export async function currentWeek(now = new Date()): Promise<string> {
  return weekStartOf(now, (await getOrgSettings()).timeZone);
}

export async function writeComputedValues(work: readonly TeamWeeks[]): Promise<{ values: number }> {
  const keys = [...new Set(work.flatMap((w) => w.keys))];
  if (keys.length === 0 || work.every((w) => w.weeks.length === 0)) return { values: 0 };
  const metrics = await db.metricDefinition.findMany({ where: { key: { in: keys } }, select: { id: true, key: true } });
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  let written = 0;
  await db.$transaction(async (tx) => {
    for (const w of work) {
      if (w.weeks.length === 0) continue;
      const ids = w.keys.flatMap((k) => metricId.get(k) ?? []);
      const weekDates = w.weeks.map(parseDay);
      const kept = await tx.metricValue.findMany({
        where: { teamId: w.teamId, metricId: { in: ids }, weekStart: { in: weekDates }, source: { in: ["MANUAL", "IMPORT"] } },
        select: { metricId: true, weekStart: true },
      });
      const keep = new Set(kept.map((k) => `${k.metricId}|${formatDay(k.weekStart)}`));
      await tx.metricValue.deleteMany({
        where: { teamId: w.teamId, metricId: { in: ids }, weekStart: { in: weekDates }, source: { notIn: ["MANUAL", "IMPORT"] } },
      });
      const data = w.values.flatMap((v) => {
        const id = metricId.get(v.key);
        if (!id || keep.has(`${id}|${v.week}`)) return [];
        return [{ metricId: id, teamId: w.teamId, weekStart: parseDay(v.week), value: v.value, numerator: v.numerator, denominator: v.denominator, source: "COMPUTED" as const }];
      });
      if (data.length) await tx.metricValue.createMany({ data });
      written += data.length;
    }
  });
  await refreshRollups({ metricIds: [...metricId.values()], weeks: [...new Set(work.flatMap((w) => w.weeks))] });
  return { values: written };
}

/**
 * A team's headcount each week: the stored `headcount` metric value of that week (or the latest one
 * before it), else the roster — people whose team is this one and who were employed at the week's end.
 */
export async function headcountLookup(teamId: string, weeks: readonly string[]): Promise<HeadcountOf> {
  if (weeks.length === 0) return () => null;
  const sorted = [...weeks].sort();
  const metric = await db.metricDefinition.findUnique({ where: { key: "headcount" }, select: { id: true } });
  const stored = metric
    ? await db.metricValue.findMany({
        where: { metricId: metric.id, teamId, weekStart: { lte: parseDay(sorted[sorted.length - 1]) } },
        select: { weekStart: true, value: true },
        orderBy: { weekStart: "asc" },
      })
    : [];
  const points = stored.map((s) => ({ week: formatDay(s.weekStart), value: s.value }));
  const roster = await db.employment.findMany({
    where: { person: { teamId } },
    select: { hireDate: true, exitDate: true },
  });
  const rosterAt = (week: string) => {
    const end = parseDay(addDays(week, 6));
    return roster.filter((e) => e.hireDate <= end && (e.exitDate === null || e.exitDate > end)).length;
  };
  return (week) => {
    const latest = points.filter((p) => p.week <= week).at(-1);
    if (latest) return latest.value;
    const fromRoster = rosterAt(week);
    return fromRoster > 0 ? fromRoster : null;
  };
}
