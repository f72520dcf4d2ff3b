import "server-only";
import { addDays, formatDay, parseDay, weekStartOf } from "@/lib/domain/time";
import { getOrgSettings } from "@/lib/server/data/org";
import { writeComputed } from "@/lib/server/data/metric-value-writer/computed";
import { openSql } from "@/lib/server/data/runner";
import { metricIdsOfKeys, teamEmployments, teamValuesUpTo } from "@/lib/server/data/skills/computed";
import { refreshRollups } from "@/lib/server/services/rollups";
import type { HeadcountOf, SkillsWeeklyValue } from "@/lib/skills/weekly-values";

/**
 * Stores the Skills pillar's computed weekly values (source COMPUTED) for the team-weeks a change
 * touched, then rewrites the roll-ups those values feed, through the one computed-value writer
 * (lib/server/data/metric-value-writer/computed.ts): values people gave stand; seeded and earlier computed values
 * are replaced.
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
  const metrics = await metricIdsOfKeys(keys);
  const metricId = new Map(metrics.map((m) => [m.key, m.id]));
  const cells = work.flatMap((w) => w.keys.flatMap((k) => {
    const id = metricId.get(k);
    return id ? w.weeks.map((week) => ({ metricId: id, teamId: w.teamId, week })) : [];
  }));
  const values = work.flatMap((w) => w.values.flatMap((v) => {
    const id = metricId.get(v.key);
    return id ? [{ metricId: id, teamId: w.teamId, week: v.week, value: v.value, numerator: v.numerator, denominator: v.denominator }] : [];
  }));
  const runner = await openSql();
  const result = await runner.transaction((tx) => writeComputed(tx, values, { kind: "cells", cells }));
  const written = values.length - result.kept;
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
  const stored = await teamValuesUpTo("headcount", teamId, sorted[sorted.length - 1]);
  const points = stored.map((s) => ({ week: formatDay(s.weekStart), value: s.value }));
  const roster = await teamEmployments(teamId);
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
