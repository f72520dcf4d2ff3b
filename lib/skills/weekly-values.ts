/**
 * Turns learning records, AI-tool usage rows and experiments into the Skills pillar's weekly metric
 * values as the catalog defines them (lib/metrics/catalog.ts). Pure: the services load the rows.
 *
 * - learning_hours / learning_spend (RATE): numerator = hours (spend) recorded in the week,
 *   denominator = the team's headcount that week, so a quarter rolls up as Σ hours ÷ mean headcount.
 * - ai_adoption (RATIO): numerator = active users, denominator = licensed seats; ai_reach: the same
 *   active users ÷ headcount. A week's active users per tool are its busiest day's (or the weekly
 *   figure a seat list gives), summed over tools; seats are the week's latest count, carried
 *   forward from an earlier week when the week's rows do not say.
 * - experiments_active: experiments running at some point in the week.
 * A week without a headcount (or seats) gets no row for that metric: "no data" is not 0.
 */
import { addDays, mondayOf } from "@/lib/domain/time";

export interface SkillsWeeklyValue {
  key: "learning_hours" | "learning_spend" | "ai_adoption" | "ai_reach" | "skills_coverage" | "experiments_active";
  week: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
}

const rate = (key: SkillsWeeklyValue["key"], week: string, n: number, d: number): SkillsWeeklyValue => ({
  key, week, value: n / d, numerator: n, denominator: d,
});
const percent = (key: SkillsWeeklyValue["key"], week: string, n: number, d: number): SkillsWeeklyValue => ({
  key, week, value: (n / d) * 100, numerator: n, denominator: d,
});

/** Headcount of a week, or null when unknown. */
export type HeadcountOf = (week: string) => number | null;

export function learningWeekValues(
  records: readonly { date: string; hours: number; spend: number }[],
  weeks: readonly string[],
  headcountOf: HeadcountOf,
): SkillsWeeklyValue[] {
  const totals = new Map<string, { hours: number; spend: number }>(weeks.map((w) => [w, { hours: 0, spend: 0 }]));
  for (const r of records) {
    const t = totals.get(mondayOf(r.date));
    if (!t) continue;
    t.hours += r.hours;
    t.spend += r.spend;
  }
  const out: SkillsWeeklyValue[] = [];
  for (const [week, t] of totals) {
    const people = headcountOf(week);
    if (!people) continue;
    out.push(rate("learning_hours", week, t.hours, people), rate("learning_spend", week, t.spend, people));
  }
  return out;
}

export interface UsageRow {
  tool: string;
  date: string;
  seats: number | null;
  activeUsers: number | null;
}

/** `rows` should include each tool's rows before the first week, so seats can carry forward. */
export function aiWeekValues(rows: readonly UsageRow[], weeks: readonly string[], headcountOf: HeadcountOf): SkillsWeeklyValue[] {
  const sorted = [...rows].sort((a, b) => a.date.localeCompare(b.date));
  const tools = [...new Set(sorted.map((r) => r.tool))];
  const out: SkillsWeeklyValue[] = [];
  for (const week of weeks) {
    const end = addDays(week, 6);
    let active = 0;
    let seats = 0;
    let reported = false;
    let seatsKnown = false;
    for (const tool of tools) {
      const own = sorted.filter((r) => r.tool === tool && r.date <= end);
      const inWeek = own.filter((r) => r.date >= week);
      const actives = inWeek.flatMap((r) => (r.activeUsers === null ? [] : [r.activeUsers]));
      if (actives.length === 0) continue;
      reported = true;
      active += Math.max(...actives);
      const lastSeats = own.filter((r) => r.seats !== null).at(-1)?.seats ?? null;
      if (lastSeats !== null) {
        seats += lastSeats;
        seatsKnown = true;
      }
    }
    if (!reported) continue;
    if (seatsKnown && seats > 0) out.push(percent("ai_adoption", week, active, seats));
    const people = headcountOf(week);
    if (people) out.push(percent("ai_reach", week, active, people));
  }
  return out;
}

export function experimentsActiveValues(
  experiments: readonly { startDate: string; endDate: string | null }[],
  weeks: readonly string[],
): SkillsWeeklyValue[] {
  return weeks.map((week) => {
    const end = addDays(week, 6);
    const running = experiments.filter((e) => e.startDate <= end && (e.endDate === null || e.endDate >= week)).length;
    return { key: "experiments_active", week, value: running, numerator: null, denominator: null };
  });
}

export function coverageValue(week: string, covered: number, needed: number): SkillsWeeklyValue | null {
  return needed > 0 ? percent("skills_coverage", week, covered, needed) : null;
}
