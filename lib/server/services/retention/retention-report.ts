import "server-only";
import { addDays, formatDay, localDate, periodLabel, periodStart, type Granularity } from "@/lib/domain/time";
import type { RetentionReport } from "@/lib/retention/api-types";
import { addMonths } from "@/lib/retention/calendar";
import { RETENTION_EXPLANATIONS } from "@/lib/retention/explanations";
import { allOf, inAnyTeam, inSegment, type RosterPerson } from "@/lib/retention/roster";
import { ancestorChains, getOrgSettings, listGroups } from "@/lib/server/data/org";
import { careerLevelsByTrack } from "@/lib/server/data/retention/career-levels";
import { reportTeams } from "@/lib/server/data/retention/roster";
import { disclosureOrg } from "@/lib/server/disclosure/org";
import { peopleDisclosure } from "@/lib/server/disclosure/people";
import type { DisclosureViewer } from "@/lib/server/disclosure/viewer";
import { badRequest } from "@/lib/server/errors";
import { filterInfo, resolveFilteredTeams, type FilteredTeams } from "@/lib/server/services/segment-filter";
import type { RetentionQuery, RetentionSegment } from "@/lib/validation/people";
import { buildCohortRows, buildRetentionRows, reportPeriods, ORG_SEGMENT_KEY, type ReportInput, type ReportPeriod, type RowRelease, type SegmentDef } from "@/lib/retention/report-core";
import { loadRoster } from "./roster";

/**
 * GET /api/v1/retention and the Retention page: people metrics per segment and period computed from the
 * roster, never individual records. What is shown is what the disclosure policy releases
 * (lib/server/disclosure/people.ts), the same decision the dashboards and exports use: team-based segments
 * (team, group, location, sourcing, origin — a location or sourcing is that of the team) by the week's pooled
 * blocks, career levels beside them for the whole organisation only, and how separations are classified by
 * rule 5. A location, sourcing or origin filter keeps the people while they are in matching teams.
 */

const MAX_PERIODS = 60;

interface TeamInfo {
  id: string;
  name: string;
  groupId: string;
  location: string;
  sourcing: string;
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

/** A segment made of whole teams: its rows are decided by the teams it holds. */
type TeamSegment = SegmentDef & { teamIds: string[] };

function teamSegment(key: string, label: string, teamIds: string[]): TeamSegment {
  return { key, label, teamIds, inScope: inAnyTeam(teamIds), candidates: everInTeams(teamIds) };
}

async function segmentsFor(segment: RetentionSegment, teams: readonly TeamInfo[]): Promise<SegmentDef[]> {
  switch (segment) {
    case "team":
      return teams.map((t) => teamSegment(t.id, t.name, [t.id]));
    case "group": {
      const groups = await listGroups();
      const chains = ancestorChains(groups);
      return groups.map((g) => teamSegment(g.id, g.name, teams.filter((t) => chains.get(t.groupId)?.includes(g.id)).map((t) => t.id)));
    }
    case "location":
      return distinct(teams.map((t) => t.location)).map((v) => teamSegment(v, v, teams.filter((t) => t.location === v).map((t) => t.id)));
    case "sourcing":
      return distinct(teams.map((t) => t.sourcing)).map((v) => teamSegment(v, SOURCING_LABELS[v] ?? v, teams.filter((t) => t.sourcing === v).map((t) => t.id)));
    case "origin":
      return [
        teamSegment("ORGANIC", "Organic", teams.filter((t) => t.origin === "ORGANIC").map((t) => t.id)),
        teamSegment("ACQUIRED", "Acquired", teams.filter((t) => t.origin === "ACQUIRED").map((t) => t.id)),
      ];
    case "level": {
      const levels = await careerLevelsByTrack();
      const known = new Set(levels.map((l) => l.key));
      const roster = await loadRoster();
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
  const allowed = new Set(filtered.teamIds);
  const candidates = everInTeams(filtered.teamIds);
  return segments.map((s) => ({
    ...s,
    ...("teamIds" in s ? { teamIds: (s as TeamSegment).teamIds.filter((t) => allowed.has(t)) } : {}),
    inScope: allOf(s.inScope, inFilter),
    candidates: (roster: readonly RosterPerson[]) => candidates(s.candidates ? s.candidates(roster) : roster),
  }));
}

/** The total row of a filtered report. */
function filteredTotal(filtered: FilteredTeams | null): Pick<ReportInput, "total"> {
  if (!filtered) return {};
  return { total: { label: `Filtered: ${filtered.label}`, inScope: inAnyTeam(filtered.teamIds), candidates: everInTeams(filtered.teamIds) } };
}

function defaultFrom(granularity: Granularity, today: string): string {
  if (granularity === "week") return addDays(today, -7 * 11);
  if (granularity === "month") return addMonths(today, -11);
  if (granularity === "quarter") return addMonths(today, -9);
  return addMonths(today, -24);
}

export async function getRetentionReport(query: RetentionQuery, viewer: DisclosureViewer, now: Date = new Date()): Promise<RetentionReport> {
  const settings = await getOrgSettings();
  const asOf = localDate(now, settings.timeZone);
  const granularity = query.period;
  const to = query.to && query.to < asOf ? query.to : asOf;
  const from = query.from ?? defaultFrom(granularity, to);
  const periods: ReportPeriod[] = reportPeriods(from, to, granularity, asOf, (d) => periodStart(d, granularity), (s) => periodLabel(s, granularity));
  if (periods.length > MAX_PERIODS) throw badRequest(`That range has ${periods.length} ${granularity}s; choose at most ${MAX_PERIODS} (a longer period or a shorter range).`);

  const [roster, teams, org, people] = await Promise.all([
    loadRoster(),
    reportTeams(),
    disclosureOrg(),
    peopleDisclosure(now),
  ]);
  const threshold = org.peopleFloor;
  const filtered = await resolveFilteredTeams({ type: "ORG", id: null, name: settings.name }, query);
  const segments = narrowed(await segmentsFor(query.segment, teams), filtered);
  const totalTeams = filtered ? filtered.teamIds : teams.map((t) => t.id);
  const teamsOf = new Map<string, string[]>([[ORG_SEGMENT_KEY, totalTeams], ...segments.flatMap((s) => ("teamIds" in s ? [[s.key, (s as TeamSegment).teamIds] as [string, string[]]] : []))]);

  // People numbers of a period appear once every week it touches is over (a running period is "in progress").
  const release = (key: string, period: ReportPeriod): RowRelease => {
    const end = period.end;
    const teamIds = teamsOf.get(key);
    if (!teamIds) {
      // A career level: for the whole organisation only (a level inside a filter could be told apart from it).
      if (filtered) return { released: false, reason: "differencing" };
      const v = people.level(key, period.start, end);
      return v.released ? { released: true, classified: viewer.seesClassifications } : v;
    }
    const v = people.teams(teamIds, period.start, end);
    if (!v.released) return v;
    return { released: true, classified: viewer.seesClassifications || people.classification(teamIds, period.start, end).released };
  };
  const rows = buildRetentionRows({ roster, segments, periods, granularity, threshold, ...filteredTotal(filtered), release });
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
