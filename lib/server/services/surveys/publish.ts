import "server-only";
import { mondayOf } from "@/lib/domain/time";
import type { Answers, SurveyResponse } from "@/lib/engagement/items";
import { db } from "@/lib/server/db";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { recordAudit } from "@/lib/server/services/audit";
import { refreshRollups } from "@/lib/server/services/rollups";
import { readItems } from "./compose";
import { teamMetricValues } from "./unit-score";

/**
 * Stores a run's results as engagement metric values, one per team and metric, in the week its run
 * closes (Monday of the closing week), then refreshes the roll-ups. Every team is stored whatever its
 * respondent count: the series service withholds points below the threshold and applies the
 * differencing rule against the team's groups and the organisation, so storing is not showing.
 * Publishing again replaces the run's values (a late close moves nothing: the week comes from closesOn).
 */
export async function publishRunResults(actor: Actor, runId: string): Promise<{ week: string; values: number }> {
  const run = await db.surveyRun.findUnique({
    where: { id: runId },
    select: { id: true, title: true, closesOn: true, survey: { select: { items: true } }, teams: { select: { teamId: true, invited: true } } },
  });
  if (!run) throw notFound("Survey run");
  const items = readItems(run.survey.items);
  const week = mondayOf(run.closesOn.toISOString().slice(0, 10));
  const responses = await db.surveyResponse.findMany({ where: { runId }, select: { id: true, teamId: true, answers: true } });
  const metrics = new Map((await db.metricDefinition.findMany({ select: { id: true, key: true, unit: true } })).map((m) => [m.key, m]));

  const rows = run.teams.flatMap(({ teamId, invited }) => {
    const rs: SurveyResponse[] = responses.filter((r) => r.teamId === teamId).map((r) => ({ respondentId: r.id, answers: r.answers as Answers }));
    return teamMetricValues(items, rs, invited).flatMap((v) => {
      const metric = metrics.get(v.metricKey);
      if (!metric) return [];
      const value = (v.numerator / v.denominator) * (metric.unit === "percent" ? 100 : 1);
      return [{ metricId: metric.id, teamId, numerator: v.numerator, denominator: v.denominator, value }];
    });
  });

  const weekStart = new Date(week);
  await db.$transaction(async (tx) => {
    for (const r of rows) {
      const data = { value: r.value, numerator: r.numerator, denominator: r.denominator, source: "COMPUTED" as const, note: `Survey run: ${run.title}` };
      await tx.metricValue.upsert({
        where: { metricId_teamId_weekStart: { metricId: r.metricId, teamId: r.teamId, weekStart } },
        create: { metricId: r.metricId, teamId: r.teamId, weekStart, ...data },
        update: { ...data, version: { increment: 1 } },
      });
    }
    await recordAudit(actor, { action: "update", entityType: "SurveyRun", entityId: runId, summary: `Published results of "${run.title}" for week ${week} (${rows.length} values)` }, tx);
  });
  await refreshRollups({ metricIds: [...new Set(rows.map((r) => r.metricId))], weeks: [week] });
  return { week, values: rows.length };
}
