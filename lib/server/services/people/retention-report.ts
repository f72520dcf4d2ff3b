import "server-only";
import { addDays, formatDay, localDate, periodLabel, periodStart, type Granularity } from "@/lib/domain/time";
import { addMonths } from "@/lib/retention/calendar";
import { RETENTION_EXPLANATIONS } from "@/lib/retention/explanations";
import { PEOPLE_MIN_GROUP } from "@/lib/retention/population";
import { allOf, inAnyTeam, inSegment, teamAt, type RosterPerson, type ScopePredicate } from "@/lib/retention/roster";
import type { FilterInfo } from "@/lib/review/segment-filter";
import { ancestorChains, getOrgSettings, listGroups } from "@/lib/server/data/org";
import { db } from "@/lib/server/db";
import { badRequest } from "@/lib/server/errors";
import { filterInfo, resolveFilteredTeams, type FilteredTeams } from "@/lib/server/services/segment-filter";
import type { RetentionQuery, RetentionSegment } from "@/lib/validation/people";
import { buildCohortRows, buildRetentionRows, reportPeriods, type CohortRow, type ReportInput, type ReportPeriod, type RetentionRow, type SegmentDef } from "./report-core";
import { loadRoster } from "./roster";

/**
 * GET /api/v1/retention and the Retention page: people metrics per segment and period computed
 * from the roster, never individual records, with small groups suppressed. A location, sourcing or
 * origin filter keeps the people while they are in matching teams; the whole organisation and each
 * filter alone then count as shown elsewhere, so differencing against them is blocked too.
 */

const MAX_PERIODS = 60;

export interface RetentionReport {
  segment: RetentionSegment;
  period: Granularity;
  from: string;
  to: string;
  asOf: string;
  threshold: number;
  /** The segment filter the report is narrowed to, or null. */
  filter: FilterInfo | null;
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

/** Each segment value restricted to the people in the filter's teams. */
function narrowed(segments: SegmentDef[], filtered: FilteredTeams | null): SegmentDef[] {
  if (!filtered) return segments;
  const inFilter = inAnyTeam(filtered.teamIds);
  const candidates = everInTeams(filtered.teamIds);
  return segments.map((s) => ({ ...s, inScope: allOf(s.inScope, inFilter), candidates: (roster) => candidates(s.candidates ? s.candidates(roster) : roster) }));
}

/** The total row of a filtered report, and the groups it must not be subtracted from. */
function filteredTotals(filtered: FilteredTeams | null): Pick<ReportInput, "total" | "context"> {
  if (!filtered) return {};
  return {
    total: { label: `Filtered: ${filtered.label}`, inScope: inAnyTeam(filtered.teamIds), candidates: everInTeams(filtered.teamIds) },
    context: filtered.context.map((g) => (g.key === "org" ? { key: "context:org", label: "", inScope: () => true } : { key: `context:${g.key}`, label: "", inScope: inAnyTeam(g.teamIds), candidates: everInTeams(g.teamIds) })),
  };
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
  const filtered = await resolveFilteredTeams({ type: "ORG", id: null, name: settings.name }, query);
  const segments = narrowed(await segmentsFor(query.segment, roster, teams), filtered);
  const rows = buildRetentionRows({ roster, segments, periods, granularity, threshold, ...filteredTotals(filtered) });
  const shownKeys = new Set(rows.map((r) => r.segment));
  const acquired = teams
    .filter((t) => t.origin === "ACQUIRED" && t.acquisitionDate && (!filtered || filtered.teamIds.includes(t.id)))
    .map((t) => ({ id: t.id, name: t.name, acquisitionName: t.acquisitionName, acquisitionDate: formatDay(t.acquisitionDate as Date) }));
  return {
    segment: query.segment,
    period: granularity,
    from: periods[0]?.start ?? from,
    to,
    asOf,
    threshold,
    filter: filterInfo(filtered),
    periods: periods.map(({ start, end, label, complete }) => ({ start, end, label, complete })),
    segments: [{ key: "org", label: filtered ? `Filtered: ${filtered.label}` : "Whole organisation" }, ...segments.filter((s) => shownKeys.has(s.key)).map((s) => ({ key: s.key, label: s.label }))],
    rows,
    cohorts: buildCohortRows(roster, acquired, asOf, threshold),
    explanations: RETENTION_EXPLANATIONS,
  };
}
