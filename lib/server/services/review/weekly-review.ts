import "server-only";
import { addDays, formatDay, localDate, mondayOf, parseDay, weekStartOf } from "@/lib/domain/time";
import { PILLARS } from "@/lib/metrics/catalog";
import { targetFlags, topMovers } from "@/lib/review/movers";
import type { ReviewAnnotation, ReviewExperiment, ReviewMissingWeek, WeeklyReview } from "@/lib/review/review-types";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { getOrgSettings } from "@/lib/server/data/org";
import { listExperimentsStartedOrEndedBetween } from "@/lib/server/data/overview/experiments";
import { can } from "@/lib/server/permissions";
import { listAnnotationsBetween } from "@/lib/server/services/annotations";
import { listMissingData } from "@/lib/server/services/missing-data";
import { disclosureViewer } from "@/lib/server/disclosure/viewer";
import { getMetricSeries } from "@/lib/server/services/overview";
import type { ReviewQuery } from "@/lib/validation/leadership";
import { teamWarnings } from "./early-warnings";

/**
 * "What changed and what needs me": the biggest moves and target flags per pillar, missing entries,
 * the last fortnight's notes and experiments, and teams whose signals worsen together.
 *
 * The review compares complete weeks: looking at the current (still filling) week would report every
 * Monday as a collapse in deployments, so "as of this week" reviews the week that just ended.
 */
const RECENT_DAYS = 14;

/** A moment inside `week` (Thursday noon UTC) that every org time zone places in that same week. */
const insideWeek = (week: string) => new Date(`${addDays(week, 3)}T12:00:00Z`);

function scopeParamOf(scopeType: string, scopeId: string | null): string {
  return scopeType === "ORG" ? "org" : `${scopeType.toLowerCase()}:${scopeId}`;
}

async function recentExperiments(from: string, to: string): Promise<ReviewExperiment[]> {
  const rows = await listExperimentsStartedOrEndedBetween(parseDay(from), parseDay(to));
  return rows.map((e) => {
    const startDate = formatDay(e.startDate);
    const endDate = e.endDate ? formatDay(e.endDate) : null;
    return {
      id: e.id, title: e.title, owner: e.owner, startDate, endDate,
      teams: e.teams.map((t) => t.team.name).sort(),
      event: endDate !== null && endDate >= from && endDate <= to ? "ended" : "started",
    };
  });
}

async function missingEntries(user: SessionUser, asOfWeek: string): Promise<ReviewMissingWeek[] | null> {
  if (!can(user, "viewMissingData")) return null;
  const { weeks } = await listMissingData(insideWeek(asOfWeek));
  return weeks.map((w) => ({
    week: w.week, expected: w.expected, entered: w.entered,
    teams: w.teams.map((t) => ({ teamId: t.teamId, teamName: t.teamName, managers: t.managers.map((m) => m.name), missing: t.missing.map((m) => m.name) })),
  }));
}

export async function getWeeklyReview(query: ReviewQuery, user: SessionUser, now = new Date()): Promise<WeeklyReview> {
  const settings = await getOrgSettings();
  const today = localDate(now, settings.timeZone);
  const currentWeek = weekStartOf(now, settings.timeZone);
  const asOfDay = query.asOf && query.asOf < today ? query.asOf : today;
  const asOfWeek = mondayOf(asOfDay);
  const reviewWeek = asOfWeek < currentWeek ? asOfWeek : addDays(currentWeek, -7);
  // Read as at the start of the week after the review week, so the review week is complete (its numbers are the
  // headline, presentation.md rule 1) — never later than now, so no survey run is published before it closes.
  const weekAfter = new Date(`${addDays(reviewWeek, 7)}T12:00:00Z`);
  const reviewNow = weekAfter < now ? weekAfter : now;

  const overview = await getMetricSeries({ scope: query.scope, range: "6m", granularity: query.granularity, metrics: [], now: reviewNow, viewer: disclosureViewer(user) });
  const pillars = PILLARS.map((p) => {
    const series = overview.series.filter((s) => s.metric.pillar === p.key);
    return { key: p.key, name: p.name, movers: topMovers(series, 3), flags: targetFlags(series) };
  });

  const recentFrom = addDays(asOfDay, -(RECENT_DAYS - 1));
  const [missing, notes, experiments, early] = await Promise.all([
    missingEntries(user, asOfWeek),
    listAnnotationsBetween(recentFrom, asOfDay, user),
    recentExperiments(recentFrom, asOfDay),
    teamWarnings(reviewWeek, reviewNow, disclosureViewer(user)),
  ]);
  const annotations: ReviewAnnotation[] = notes.map((a) => ({
    id: a.id, date: a.date, title: a.title, body: a.body, kind: a.kind, scopeName: a.scopeName, scope: scopeParamOf(a.scopeType, a.scopeId),
  }));

  const { scope } = overview;
  return {
    scope: { type: scope.type, id: scope.id, name: scope.name, param: scopeParamOf(scope.type, scope.id) },
    asOfWeek, reviewWeek, currentWeek,
    granularity: query.granularity,
    pillars,
    missing,
    recent: { from: recentFrom, to: asOfDay, annotations, experiments },
    warnings: early.warnings,
    warningWindow: early.window,
  };
}
