import "server-only";
import { addDays, formatDay, localDate, periodLabel, periodStart, type Granularity } from "@/lib/domain/time";
import { addMonths } from "@/lib/retention/calendar";
import { RETENTION_EXPLANATIONS } from "@/lib/retention/explanations";
import { PEOPLE_MIN_GROUP } from "@/lib/retention/population";
import { inAnyTeam, inSegment, teamAt, type RosterPerson, type ScopePredicate } from "@/lib/retention/roster";
import { ancestorChains, getOrgSettings, listGroups } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { badRequest } from "@/lib/server/errors";
import type { RetentionQuery, RetentionSegment } from "@/lib/validation/people";
import { buildCohortRows, buildRetentionRows, reportPeriods, type CohortRow, type ReportPeriod, type RetentionRow, type SegmentDef } from "./report-core";
import { loadRoster } from "./roster";

/**
 * GET /api/v1/retention and the Retention page: people metrics per segment and period computed
 * from the roster, never individual records, with small groups suppressed.
 */

const MAX_PERIODS = 60;

export interface RetentionReport {
  segment: RetentionSegment;
  period: Granularity;
  from: string;
  to: string;
  asOf: string;
  threshold: number;
  periods: { start: string; end: string; label: string; complete: boolean }[];
  /** The segment values, in display order ("org" is the whole organisation). */
  segments: { key: string; label: string }[];
  rows: RetentionRow[];
  cohorts: CohortRow[];
  explanations: typeof RETENTION_EXPLANATIONS;
}

interface TeamInfo {
  id: string;
  name: string;
  groupId: string;
  origin: string;
  acquisitionName: string | null;
  acquisitionDate: Date | null;
}

const SOURCING_LABELS: Record<string, string> = { ONSHORE: "Onshore", NEARSHORE: "Nearshore", OFFSHORE: "Offshore", VENDOR: "Vendor" };

function everInTeams(teamIds: readonly string[]) {
  const set = new Set(teamIds);
  return (roster: readonly RosterPerson[]) => roster.filter((p) => p.teamHistory.some((a) => set.has(a.teamId)));
}

function distinct(values: Iterable<string>): string[] {
  return [...new Set([...values].filter(Boolean))].sort((a, b) => a.localeCompare(b));
}

async function segmentsFor(segment: RetentionSegment, roster: readonly RosterPerson[], teams: readonly TeamInfo[]): Promise<SegmentDef[]> {
  switch (segment) {
    case "team":
      return teams.map((t) => ({ key: t.id, label: t.name, inScope: inAnyTeam([t.id]), candidates: everInTeams([t.id]) }));
    case "group": {
      const groups = await listGroups();
      const chains = ancestorChains(groups);
      return groups.map((g) => {
        const teamIds = teams.filter((t) => chains.get(t.groupId)?.includes(g.id)).map((t) => t.id);
        return { key: g.id, label: g.name, inScope: inAnyTeam(teamIds), candidates: everInTeams(teamIds) };
      });
    }
    case "location":
      return distinct(roster.map((p) => p.location)).map((v) => ({ key: v, label: v, inScope: inSegment("location", v) }));
    case "sourcing":
      return distinct(roster.map((p) => p.sourcing)).map((v) => ({ key: v, label: SOURCING_LABELS[v] ?? v, inScope: inSegment("sourcing", v) }));
    case "origin": {
      const origin = new Map(teams.map((t) => [t.id, t.origin]));
      const of = (value: string): ScopePredicate => (p, d) => {
        const team = teamAt(p, d);
        return team !== null && origin.get(team) === value;
      };
      return [
        { key: "ORGANIC", label: "Organic", inScope: of("ORGANIC") },
        { key: "ACQUIRED", label: "Acquired", inScope: of("ACQUIRED") },
      ];
    }
    case "level": {
      const levels = await db.careerLevel.findMany({ orderBy: [{ track: "asc" }, { order: "asc" }] });
      const known = new Set(levels.map((l) => l.key));
      const extra = distinct(roster.flatMap((p) => [p.level, ...p.promotions.map((x) => x.fromLevel)])).filter((k) => !known.has(k));
      return [...levels.map((l) => ({ key: l.key, label: `${l.key} · ${l.name}` })), ...extra.map((k) => ({ key: k, label: k }))].map((l) => ({
        ...l,
        inScope: inSegment("level", l.key),
      }));
    }
  }
}

function defaultFrom(granularity: Granularity, today: string): string {
  if (granularity === "week") return addDays(today, -7 * 11);
  if (granularity === "month") return addMonths(today, -11);
  if (granularity === "quarter") return addMonths(today, -9);
  return addMonths(today, -24);
}

export async function getRetentionReport(query: RetentionQuery, now: Date = new Date()): Promise<RetentionReport> {
  const settings = await getOrgSettings();
  const asOf = localDate(now, settings.timeZone);
  const granularity = query.period;
  const to = query.to && query.to < asOf ? query.to : asOf;
  const from = query.from ?? defaultFrom(granularity, to);
  const periods: ReportPeriod[] = reportPeriods(from, to, granularity, asOf, (d) => periodStart(d, granularity), (s) => periodLabel(s, granularity));
  if (periods.length > MAX_PERIODS) throw badRequest(`That range has ${periods.length} ${granularity}s; choose at most ${MAX_PERIODS} (a longer period or a shorter range).`);

  const threshold = Math.max(PEOPLE_MIN_GROUP, settings.anonymityThreshold);
  const [roster, teams] = await Promise.all([
    loadRoster(),
    db.team.findMany({ select: { id: true, name: true, groupId: true, origin: true, acquisitionName: true, acquisitionDate: true }, orderBy: { name: "asc" } }),
  ]);
  const segments = await segmentsFor(query.segment, roster, teams);
  const rows = buildRetentionRows({ roster, segments, periods, granularity, threshold });
  const shownKeys = new Set(rows.map((r) => r.segment));
  const acquired = teams
    .filter((t) => t.origin === "ACQUIRED" && t.acquisitionDate)
    .map((t) => ({ id: t.id, name: t.name, acquisitionName: t.acquisitionName, acquisitionDate: formatDay(t.acquisitionDate as Date) }));
  return {
    segment: query.segment,
    period: granularity,
    from: periods[0]?.start ?? from,
    to,
    asOf,
    threshold,
    periods: periods.map(({ start, end, label, complete }) => ({ start, end, label, complete })),
    segments: [{ key: "org", label: "Whole organisation" }, ...segments.filter((s) => shownKeys.has(s.key)).map((s) => ({ key: s.key, label: s.label }))],
    rows,
    cohorts: buildCohortRows(roster, acquired, asOf, threshold),
    explanations: RETENTION_EXPLANATIONS,
  };
}
