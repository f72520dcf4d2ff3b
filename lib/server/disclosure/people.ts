import "server-only";
import { createHash } from "node:crypto";
import { isUnionOfBlocks, peopleIn, verdictFor, type Blocks } from "@/lib/disclosure/blocks";
import { blocksOf } from "./blocks-memo";
import { releasedCrossings } from "@/lib/disclosure/crossing";
import { cellCounts, peopleCells } from "@/lib/disclosure/people-cells";
import { CLASSIFICATION_FLOOR, type WithheldReason } from "@/lib/disclosure/reasons";
import { addDays, formatDay, localDate, mondayOf } from "@/lib/domain/time";
import { addMonths } from "@/lib/retention/calendar";
import { teamAt, type RosterPerson } from "@/lib/retention/roster";
import { cachedByDisclosureVersion } from "@/lib/server/cache";
import { headcountValues } from "@/lib/server/data/disclosure/people";
import { loadRoster } from "@/lib/server/services/retention/roster";
import { disclosureOrg, type DisclosureOrg } from "./org";
import { groupKeys } from "./group-key";

/**
 * People metrics (headcount, turnover, promotions, tenure… — disclosure.md rules 2, 4 and 5), decided per ISO week
 * and shared by every view: dashboards, comparisons, the retention report, exports and value history.
 *
 * A week's cells are teams: the people of the week as the roster attributes them (each person once, in the team of
 * their last working day of it), or, for a team with no roster, its headcount value. Cells are pooled into blocks
 * of at least the people floor over the whole queryable family, once per week; a group of teams is released for
 * a span of weeks when it is a union of whole blocks in every one of them (so a month can never be subtracted from
 * its weeks into a smaller group), and only once the weeks are over.
 * Career levels cut across teams: they are decided per week beside the team blocks (lib/disclosure/crossing.ts).
 * How separations are classified is decided per calendar month with pools of at least 3 separations.
 */
export type PeopleVerdict = { released: true } | { released: false; reason: WithheldReason };

interface Week {
  week: string;
  complete: boolean;
  counts: Map<string, number>;
  blocks: Blocks;
  levels: Map<string, PeopleVerdict>;
  /** Verdicts already given, by group (its team ids joined): dashboards ask the same groups week after week. */
  verdicts: Map<string, PeopleVerdict>;
}

interface Month {
  counts: Map<string, number>;
  blocks: Blocks;
}

interface Sources {
  org: DisclosureOrg;
  roster: RosterPerson[];
  /** Headcount values per team and week, for teams without a roster. */
  headcount: Map<string, Map<string, number>>;
  rosterTeams: Set<string>;
  weeks: Map<string, Week>;
  months: Map<string, Month>;
}

/**
 * The week and month decisions are pure functions of the sources' content (and the day). Many writes move the
 * disclosure version without touching the roster, the headcount values or the organisation's structure (an
 * entered survey value, a published survey run): the decisions made for the same content are kept, so a
 * dashboard's first view after such a write does not form every week's blocks again. Any change of content —
 * one person, one headcount value, one team moved between groups, the floor — is a new key and starts afresh.
 */
interface Decisions {
  key: string;
  weeks: Map<string, Week>;
  months: Map<string, Month>;
}

const kept = globalThis as unknown as { __pillarsPeopleDecisions?: Decisions };

function decisionsFor(key: string): Decisions {
  if (kept.__pillarsPeopleDecisions?.key !== key) kept.__pillarsPeopleDecisions = { key, weeks: new Map(), months: new Map() };
  return kept.__pillarsPeopleDecisions;
}

async function loadSources(): Promise<Sources> {
  const [org, roster, headcountRows] = await Promise.all([
    disclosureOrg(),
    loadRoster(),
    headcountValues(),
  ]);
  const headcount = new Map<string, Map<string, number>>();
  const headcountCells: [string, string, number][] = [];
  for (const r of headcountRows) {
    const week = formatDay(r.weekStart);
    const byTeam = headcount.get(week) ?? new Map<string, number>();
    const people = Math.max(0, Math.round(r.value));
    byTeam.set(r.teamId, people);
    headcount.set(week, byTeam);
    headcountCells.push([week, r.teamId, people]);
  }
  const rosterTeams = new Set(roster.flatMap((p) => p.teamHistory.map((a) => a.teamId)));
  // Everything weekOf and monthOf read: the floor, the family, the roster and the headcount cells.
  const key = createHash("sha256").update(JSON.stringify([org.peopleFloor, org.family, roster, headcountCells])).digest("base64");
  const { weeks, months } = decisionsFor(key);
  return { org, roster, headcount, rosterTeams, weeks, months };
}

function weekOf(s: Sources, week: string, today: string): Week {
  const key = `${week}|${today}`;
  const known = s.weeks.get(key);
  if (known) return known;
  const end = addDays(week, 6);
  const cells = peopleCells(s.roster, { start: week, end });
  const { teams, levels } = cellCounts(cells);
  const counts = new Map(teams);
  for (const [team, n] of s.headcount.get(week) ?? []) if (!s.rosterTeams.has(team)) counts.set(team, n);
  const floor = s.org.peopleFloor;
  const blocks = blocksOf(counts, s.org.family, floor);
  const blockPeople = new Map<number, number>();
  const levelCells: { block: number; value: string; people: number }[] = [];
  for (const [team, byLevel] of levels) {
    const block = blocks.blockOf.get(team);
    if (block === undefined) continue;
    for (const [level, people] of byLevel) {
      levelCells.push({ block, value: level, people });
      blockPeople.set(block, (blockPeople.get(block) ?? 0) + people);
    }
  }
  const levelValues = [...new Set(levelCells.map((c) => c.value))].sort();
  const levelVerdicts = releasedCrossings({ cells: levelCells, blockPeople, values: levelValues, floor });
  const decided: Week = { week, complete: end < today, counts, blocks, levels: levelVerdicts, verdicts: new Map() };
  s.weeks.set(key, decided);
  return decided;
}

function monthOf(s: Sources, month: string): Month {
  const known = s.months.get(month);
  if (known) return known;
  const end = addDays(addMonths(month, 1), -1);
  const counts = new Map<string, number>();
  for (const person of s.roster) {
    for (const e of person.employments) {
      if (e.exitDate === null || e.exitDate < month || e.exitDate > end) continue;
      const team = teamAt(person, e.exitDate);
      if (team) counts.set(team, (counts.get(team) ?? 0) + 1);
    }
  }
  const decided = { counts, blocks: blocksOf(counts, s.org.family, CLASSIFICATION_FLOOR) };
  s.months.set(month, decided);
  return decided;
}

/** The ISO weeks (Mondays) that overlap the days `from`..`to`. */
export function weeksOverlapping(from: string, to: string): string[] {
  const out: string[] = [];
  for (let w = mondayOf(from); w <= to; w = addDays(w, 7)) out.push(w);
  return out;
}

/** The calendar months (first days) that overlap the days `from`..`to`. */
function monthsOverlapping(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = `${from.slice(0, 7)}-01`; m <= to; m = addMonths(m, 1)) out.push(m);
  return out;
}

export interface PeopleDisclosure {
  peopleFloor: number;
  /** The organisation's local day the decisions are made on (it decides which weeks are over). */
  today: string;
  /** A group of teams over the weeks of a span (`from`..`to`, days). */
  teams(teamIds: readonly string[], from: string, to: string): PeopleVerdict;
  /** A career level, organisation-wide, over the weeks of a span. */
  level(level: string, from: string, to: string): PeopleVerdict;
  /**
   * Whether restricted roles may see how the group's separations in the span are classified: every calendar
   * month it touches is whole blocks of at least 3 separations (or has none in the group), and the span covers
   * whole months. Roles that see classifications of any released group do not ask.
   */
  classification(teamIds: readonly string[], from: string, to: string): PeopleVerdict;
}

/** The people decisions as of `now` (the day decides which weeks are over). */
export async function peopleDisclosure(now: Date): Promise<PeopleDisclosure> {
  const sources = await cachedByDisclosureVersion("disclosure:people", loadSources);
  const today = localDate(now, sources.org.timeZone);
  const weeksIn = (from: string, to: string) => weeksOverlapping(from, to).map((w) => weekOf(sources, w, today));
  const groupKey = groupKeys();
  return {
    peopleFloor: sources.org.peopleFloor,
    today,
    teams(teamIds, from, to) {
      const weeks = weeksIn(from, to);
      if (weeks.length === 0) return { released: false, reason: "too-few" };
      if (weeks.some((w) => !w.complete)) return { released: false, reason: "in-progress" };
      const group = groupKey(teamIds);
      for (const w of weeks) {
        let v = w.verdicts.get(group);
        if (!v) w.verdicts.set(group, (v = verdictFor(teamIds, w.counts, w.blocks)));
        if (!v.released) return v;
      }
      return { released: true };
    },
    level(level, from, to) {
      const weeks = weeksIn(from, to);
      if (weeks.length === 0) return { released: false, reason: "too-few" };
      if (weeks.some((w) => !w.complete)) return { released: false, reason: "in-progress" };
      for (const w of weeks) {
        const v = w.levels.get(level) ?? { released: false, reason: "too-few" };
        if (!v.released) return v;
      }
      return { released: true };
    },
    classification(teamIds, from, to) {
      const months = monthsOverlapping(from, to);
      const whole = months.length > 0 && from === months[0] && to >= addDays(addMonths(months[months.length - 1], 1), -1);
      if (!whole) return { released: false, reason: "classification" };
      for (const m of months) {
        const month = monthOf(sources, m);
        if (peopleIn(teamIds, month.counts) > 0 && !isUnionOfBlocks(teamIds, month.blocks)) return { released: false, reason: "classification" };
      }
      return { released: true };
    },
  };
}
