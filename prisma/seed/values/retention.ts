/**
 * People metrics per team per week, computed from the generated roster with the same functions
 * the product uses (lib/retention), so the demo's headcount, hires, turnover, promotions and
 * moves agree with its Person, Employment, Promotion and TeamMove rows. For a single week the
 * average headcount is the headcount at its Sunday close, which is the rates' denominator.
 */
import { median } from "@/lib/domain/stats";
import { addDays, daysBetween } from "@/lib/domain/time";
import { headcountAt } from "@/lib/retention/headcount";
import { internalMobility, promotionRate } from "@/lib/retention/mobility";
import { employmentAt, inTeam } from "@/lib/retention/roster";
import { turnover } from "@/lib/retention/turnover";
import type { DemoRoster } from "../people";
import { roundTo } from "./curves";
import { ValueSink } from "./sink";
import type { TeamContext } from "./team-context";

export function retentionValues(ctx: TeamContext, roster: DemoRoster): ValueSink {
  const sink = new ValueSink(ctx.plan.slug);
  const scope = inTeam(ctx.plan.slug);
  // Only people who were ever in the team can count for it; filtering first keeps this fast.
  const people = roster.people.filter((p) => p.teamHistory.some((a) => a.teamId === ctx.plan.slug));
  const byId = new Map(people.map((p) => [p.employeeId, p]));
  for (const week of ctx.weeks) {
    const period = { start: week, end: addDays(week, 6) };
    const staff = headcountAt(people, period.end, scope);
    const moves = turnover(people, period, scope);
    const headcount = staff.length;
    sink.plain("headcount", week, headcount);
    sink.plain("hires", week, moves.hires);
    if (headcount === 0) continue;
    sink.ratio("turnover_rate", week, moves.separations, headcount);
    sink.ratio("voluntary_attrition", week, moves.voluntary, headcount);
    sink.ratio("regretted_attrition", week, moves.regretted, headcount);
    sink.ratio("promotion_rate", week, promotionRate(people, period, scope).events, headcount);
    sink.ratio("internal_mobility", week, internalMobility(people, period, scope).events, headcount);
    const tenures = staff.map((id) => {
      const person = byId.get(id);
      const span = person ? employmentAt(person, period.end) : null;
      return span ? daysBetween(span.hireDate, period.end) : 0;
    });
    // Stored as median × headcount ÷ headcount, so groups show the headcount-weighted mean of team medians.
    if (tenures.length) sink.ratio("median_tenure", week, roundTo(median(tenures) ?? 0, 1) * tenures.length, tenures.length);
  }
  return sink;
}
