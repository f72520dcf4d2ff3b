import "server-only";
import { ratio } from "@/lib/domain/stats";
import { addDays, formatDay, periodOfWeek, periodStart } from "@/lib/domain/time";
import type { BudgetBurn, LearningReport, QuarterRow, SegmentLearning } from "@/lib/skills/api-types";
import { learningSummary } from "@/lib/skills/learning";
import { populationsDuring } from "@/lib/retention/population";
import { teamAt } from "@/lib/retention/roster";
import { addMonths } from "@/lib/retention/calendar";
import { loadRoster } from "@/lib/server/services/retention/roster";
import { listTeams } from "@/lib/server/data/org";
import { learningBudgetsOfYear, learningRecordsBetween, metricValuesBetween } from "@/lib/server/data/skills/learning";
import type { Segment } from "@/lib/validation/skills";

/**
 * The learning report for one calendar year: per quarter, hours and spend per engineer and the
 * share of engineers with learning time, for each team or segment (location, sourcing, origin);
 * and each team's budget burn-down by month. Engineers per quarter = the mean of the team's
 * weekly headcount values in that quarter (a week belongs to the quarter holding its Thursday).
 *
 * The share of engineers learning counts people, so it is taken over people: the engineers on the team on any
 * day of the quarter by the roster, of whom those with learning hours recorded on the team. (Distinct learners
 * over a quarter against its average headcount passed 100% whenever people joined or left.) A team the roster
 * has nobody in for the quarter falls back to its average headcount. Only records naming a person can show who
 * learned: a quarter whose hours all come from team-level records has no share (unknown, not 0%).
 */
interface TeamQuarter {
  hours: number;
  spend: number;
  learners: number;
  engineers: number;
  /** Who could have learned: the roster's people of the team in the quarter, else its average headcount. */
  people: number;
  /** Hours were recorded but none names a person: who learned is unknown. */
  unnamed: boolean;
}

export async function learningReport(year: number, segment: Segment): Promise<LearningReport> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const quarters = ["01", "04", "07", "10"].map((m) => `${year}-${m}-01`);
  const [teams, records, budgets, headcounts, roster] = await Promise.all([
    listTeams(),
    learningRecordsBetween(from, to),
    learningBudgetsOfYear(year),
    // A week whose Thursday is in the year may start in the previous December.
    metricValuesBetween("headcount", `${year - 1}-12-26`, to),
    loadRoster(),
  ]);

  const engineers = new Map<string, number[]>();
  for (const h of headcounts) {
    const q = periodOfWeek(formatDay(h.weekStart), "quarter");
    const key = `${h.teamId}|${q}`;
    engineers.set(key, [...(engineers.get(key) ?? []), h.value]);
  }
  // Who was on each team on any day of each quarter: one pass over the roster per quarter.
  const onTeams = new Map(quarters.map((q) => [q, populationsDuring(roster, { start: q, end: addDays(addMonths(q, 3), -1) }, teamAt)]));
  const perTeam = new Map<string, TeamQuarter>();
  for (const team of teams) {
    for (const q of quarters) {
      const own = records
        .filter((r) => r.teamId === team.id && periodStart(formatDay(r.date), "quarter") === q)
        .map((r) => ({ personId: r.employeeId ?? "", date: formatDay(r.date), hours: r.hours, spend: r.spend }));
      const all = learningSummary(own, 0);
      const named = own.filter((r) => r.personId !== "");
      const weekly = engineers.get(`${team.id}|${q}`) ?? [];
      const mean = weekly.length ? weekly.reduce((a, b) => a + b, 0) / weekly.length : 0;
      const onTeam = new Set(onTeams.get(q)?.get(team.id) ?? []);
      // With the roster, only its people of the team count as learners (the share's denominator is them).
      const learners = learningSummary(onTeam.size > 0 ? named.filter((r) => onTeam.has(r.personId)) : named, 0);
      perTeam.set(`${team.id}|${q}`, {
        hours: all.totalHours, spend: all.totalSpend, learners: learners.engineersWithLearning, engineers: mean,
        people: onTeam.size > 0 ? onTeam.size : mean,
        unnamed: all.totalHours > 0 && named.every((r) => r.hours === 0),
      });
    }
  }

  const segmentOf = (t: (typeof teams)[number]) =>
    segment === "team" ? { key: t.id, name: t.name } : { key: String(t[segment]), name: String(t[segment]).toLowerCase().replace(/^\w/, (c) => c.toUpperCase()) };
  const groups = new Map<string, { name: string; teamIds: string[] }>();
  for (const t of teams) {
    const s = segmentOf(t);
    const g = groups.get(s.key) ?? { name: s.name, teamIds: [] };
    g.teamIds.push(t.id);
    groups.set(s.key, g);
  }
  const rows: SegmentLearning[] = [...groups.entries()]
    .map(([key, g]) => ({
      key,
      name: g.name,
      quarters: quarters.map((quarter) => {
        const parts = g.teamIds.map((id) => perTeam.get(`${id}|${quarter}`) as TeamQuarter);
        const total = parts.reduce(
          (a, p) => ({
            hours: a.hours + p.hours, spend: a.spend + p.spend, learners: a.learners + p.learners, engineers: a.engineers + p.engineers,
            people: a.people + p.people,
            // A segment's named learners are known only when every team with hours names someone.
            unnamed: a.unnamed || p.unnamed,
          }),
          { hours: 0, spend: 0, learners: 0, engineers: 0, people: 0, unnamed: false },
        );
        return summaryRow(quarter, total);
      }),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

  const budgetOf = new Map(budgets.map((b) => [b.teamId, b.amount]));
  const burn: BudgetBurn[] = teams
    .filter((t) => budgetOf.has(t.id) || records.some((r) => r.teamId === t.id && r.spend > 0))
    .map((t) => {
      let cumulative = 0;
      const months = Array.from({ length: 12 }, (_, i) => {
        const month = `${year}-${String(i + 1).padStart(2, "0")}`;
        const spent = records.filter((r) => r.teamId === t.id && formatDay(r.date).startsWith(month)).reduce((a, r) => a + r.spend, 0);
        cumulative += spent;
        return { month, spent, cumulative };
      });
      return { teamId: t.id, teamName: t.name, budget: budgetOf.get(t.id) ?? null, spent: cumulative, months };
    });
  return { year, segment, quarters, rows, budgets: burn };
}

function summaryRow(quarter: string, t: TeamQuarter): QuarterRow {
  const engineers = t.engineers;
  const share = t.unnamed ? null : ratio(t.learners, t.people);
  return {
    quarter,
    engineers,
    totalHours: t.hours,
    totalSpend: t.spend,
    hoursPerEngineer: ratio(t.hours, engineers),
    spendPerEngineer: ratio(t.spend, engineers),
    engineersWithLearning: t.learners,
    percentWithLearning: share === null ? null : share * 100,
  };
}
