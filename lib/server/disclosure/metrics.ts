import "server-only";
import { verdictFor, type Blocks, type FamilyGroup } from "@/lib/disclosure/blocks";
import { blocksOf } from "./blocks-memo";
import type { WithheldReason } from "@/lib/disclosure/reasons";
import { addDays } from "@/lib/domain/time";
import { builtInMetric } from "@/lib/metrics/catalog";
import { cachedByDisclosureVersion } from "@/lib/server/cache";
import { surveySampleRows, teamsWithValueRows } from "@/lib/server/data/disclosure/metrics";
import { openSql } from "@/lib/server/data/runner";
import { groupKeys } from "./group-key";
import { disclosureOrg } from "./org";
import { peopleDisclosure, type PeopleDisclosure } from "./people";
import { PointMemo } from "./point-memo";
import { surveyWeekDisclosure, type SurveyWeekDisclosure } from "./surveys";
import type { DisclosureViewer } from "./viewer";

/**
 * Whether a metric's value for a group of teams over a span of weeks may be shown — the one question every view
 * of metric values asks (dashboards, comparisons, status grid, review, packs, CSV and full exports, value history,
 * experiment read-outs). Metrics without people in them are always shown; survey metrics follow their runs'
 * snapshots (or, for entered and imported values, blocks of their respondents); people metrics follow the weekly
 * people decisions, and classifications of separations rule 5.
 */
export interface SensitiveMetricRef {
  id: string;
  key: string;
  sensitivity: "NONE" | "SURVEY" | "PEOPLE" | string;
}

export type PointVerdict = { released: true } | { released: false; reason: WithheldReason };

export interface MetricDisclosure {
  /** `weeks`: the Mondays whose values make up the point (its period's weeks that hold data). */
  point(metric: SensitiveMetricRef, teamIds: readonly string[], weeks: readonly string[]): PointVerdict;
}

const SHOWN: PointVerdict = { released: true };

/** Points decided, per reading of the inputs (one per disclosure version): ./point-memo.ts. */
const pointMemos = new WeakMap<object, PointMemo<PointVerdict>>();

/** The key of one metric's week in the organisation-wide readings below. */
const weekKey = (metricId: string, week: string) => `${metricId}|${week}`;

/**
 * Entered or imported survey values of one metric and week: blocks of their respondents, decided once per
 * disclosure version. The values and blocks are the organisation's, whatever the view, so every view of the same
 * metrics and weeks shares them (the status grid asks for each of its teams). The blocks of a week are decided on
 * first asking, and always the same way at one disclosure version: which teams answered a run of that week is data
 * too.
 */
class EnteredSurveyValues {
  private readonly blocks = new Map<string, { counts: Map<string, number>; blocks: Blocks }>();

  constructor(
    private readonly samples: Map<string, Map<string, number>>,
    private readonly family: readonly FamilyGroup[],
    private readonly floor: number,
  ) {}

  verdict(metricId: string, week: string, teamIds: readonly string[], excluded: (teamId: string) => boolean): PointVerdict {
    const key = weekKey(metricId, week);
    let decided = this.blocks.get(key);
    if (!decided) {
      const counts = new Map([...(this.samples.get(key) ?? [])].filter(([team]) => !excluded(team)));
      decided = { counts, blocks: blocksOf(counts, this.family, this.floor) };
      this.blocks.set(key, decided);
    }
    const inside = teamIds.filter((t) => decided.counts.has(t));
    if (inside.length === 0) return SHOWN;
    return verdictFor(inside, decided.counts, decided.blocks);
  }
}

export async function metricDisclosure(
  viewer: DisclosureViewer,
  now: Date,
  scope: { metrics: readonly SensitiveMetricRef[]; fromWeek: string; toWeek: string },
): Promise<MetricDisclosure> {
  const surveyMetrics = scope.metrics.filter((m) => m.sensitivity === "SURVEY");
  const needsPeople = scope.metrics.some((m) => m.sensitivity === "PEOPLE");
  const peopleMetrics = scope.metrics.filter((m) => m.sensitivity === "PEOPLE");
  const [people, surveys, entered, withValues]: [PeopleDisclosure | null, SurveyWeekDisclosure | null, EnteredSurveyValues | null, Map<string, Set<string>>] = await Promise.all([
    needsPeople ? peopleDisclosure(now) : Promise.resolve(null),
    surveyMetrics.length ? surveyWeekDisclosure() : Promise.resolve(null),
    surveyMetrics.length ? enteredSurveyValues(surveyMetrics, scope.fromWeek, scope.toWeek) : Promise.resolve(null),
    peopleMetrics.length ? teamsWithValues(peopleMetrics, scope.fromWeek, scope.toWeek) : Promise.resolve(new Map()),
  ]);

  // One week of a people metric for one group, decided once: a rolling rate's points share 51 of their 52 weeks
  // with the point before, and a view asks for every point of a series with the same teams.
  const peopleWeeks = new WeakMap<readonly string[], Map<string, { inside: readonly string[]; verdict: PointVerdict }>>();
  const peopleWeek = (people: PeopleDisclosure, metric: SensitiveMetricRef, teamIds: readonly string[], week: string) => {
    let ofGroup = peopleWeeks.get(teamIds);
    if (!ofGroup) peopleWeeks.set(teamIds, (ofGroup = new Map()));
    const key = weekKey(metric.id, week);
    let decided = ofGroup.get(key);
    if (!decided) {
      const having = withValues.get(key);
      const filtered = having ? teamIds.filter((t) => having.has(t)) : [];
      // Every team has a value: the group itself, the same array week after week, whose key people.ts makes once.
      const inside = filtered.length === teamIds.length ? teamIds : filtered;
      decided = { inside, verdict: inside.length > 0 ? people.teams(inside, week, addDays(week, 6)) : SHOWN };
      ofGroup.set(key, decided);
    }
    return decided;
  };

  // A point's verdict, kept with the readings it came from (cached per disclosure version), so the views after a
  // write that moved only the data version decide each point once, not once per view.
  const today = people ? people.today : "";
  const teamsKey = groupKeys();
  const decide = (metric: SensitiveMetricRef, teamIds: readonly string[], weeks: readonly string[], reading: object, verdict: () => PointVerdict) => {
    let memo = pointMemos.get(reading);
    if (!memo) pointMemos.set(reading, (memo = new PointMemo()));
    const group = teamsKey(teamIds);
    const key = `${metric.id}|${metric.key}|${viewer.seesClassifications}|${today}|${weeks.join(",")}`;
    const known = memo.get(group, key);
    if (known) return known;
    const decided = verdict();
    memo.set(group, key, decided);
    return decided;
  };

  const surveyPoint = (surveys: SurveyWeekDisclosure, entered: EnteredSurveyValues, metric: SensitiveMetricRef, teamIds: readonly string[], weeks: readonly string[]): PointVerdict => {
    for (const week of weeks) {
      const runs = surveys.runsIn(week);
      const inRuns = (team: string) => runs.some((r) => r.teams.has(team));
      const fromRuns = surveys.fromRuns(teamIds, week);
      if (!fromRuns.released) return fromRuns;
      const rest = entered.verdict(metric.id, week, teamIds, inRuns);
      if (!rest.released) return rest;
    }
    return SHOWN;
  };

  const peoplePoint = (people: PeopleDisclosure, metric: SensitiveMetricRef, teamIds: readonly string[], weeks: readonly string[]): PointVerdict => {
    // A group's value describes the teams that have one: those are the people it rests on, week by week.
    let anyone = false;
    for (const week of weeks) {
      const { inside, verdict } = peopleWeek(people, metric, teamIds, week);
      if (inside.length === 0) continue;
      anyone = true;
      if (!verdict.released) return verdict;
    }
    if (anyone && builtInMetric(metric.key)?.classifiesSeparations && !viewer.seesClassifications) {
      // The teams with a value in any of the weeks (the union of each week's `inside`).
      const having = weeks.map((week) => withValues.get(weekKey(metric.id, week))).filter((h) => h !== undefined);
      const contributing = teamIds.filter((t) => having.some((h) => h.has(t)));
      const sorted = [...weeks].sort();
      return people.classification(contributing, sorted[0], addDays(sorted[sorted.length - 1], 6));
    }
    return SHOWN;
  };

  return {
    point(metric, teamIds, weeks) {
      if (metric.sensitivity === "SURVEY" && surveys && entered) return decide(metric, teamIds, weeks, entered, () => surveyPoint(surveys, entered, metric, teamIds, weeks));
      if (metric.sensitivity === "PEOPLE" && people) return decide(metric, teamIds, weeks, withValues, () => peoplePoint(people, metric, teamIds, weeks));
      return SHOWN;
    },
  };
}

/** The key of an organisation-wide reading of some metrics over some weeks. */
const readingKey = (name: string, metrics: readonly SensitiveMetricRef[], fromWeek: string, toWeek: string) =>
  `${name}:${metrics.map((m) => m.id).sort().join(",")}|${fromWeek}|${toWeek}`;

/** Respondents behind each entered or imported survey value, per metric and week, with their blocks. */
function enteredSurveyValues(metrics: readonly SensitiveMetricRef[], fromWeek: string, toWeek: string): Promise<EnteredSurveyValues> {
  return cachedByDisclosureVersion(readingKey("disclosure:survey-samples", metrics, fromWeek, toWeek), async () => {
    const byNumerator = metrics.filter((m) => builtInMetric(m.key)?.anonymitySample === "numerator").map((m) => m.id);
    const [org, rows] = await Promise.all([disclosureOrg(), surveySampleRows(await openSql(), metrics.map((m) => m.id), byNumerator, fromWeek, toWeek)]);
    const samples = new Map(rows.map((r) => [weekKey(r.metricId, r.week), new Map(r.teams.map((team, i) => [team, r.samples[i]]))]));
    return new EnteredSurveyValues(samples, org.family, org.threshold);
  });
}

/** Which teams have a value of each people metric in each week (the people a combined value rests on). */
function teamsWithValues(metrics: readonly SensitiveMetricRef[], fromWeek: string, toWeek: string): Promise<Map<string, Set<string>>> {
  return cachedByDisclosureVersion(readingKey("disclosure:teams-with-values", metrics, fromWeek, toWeek), async () => {
    const rows = await teamsWithValueRows(await openSql(), metrics.map((m) => m.id), fromWeek, toWeek);
    return new Map(rows.map((r) => [weekKey(r.metricId, r.week), new Set(r.teams)]));
  });
}
