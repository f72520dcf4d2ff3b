import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getRunResults } from "@/lib/server/services/engagement/results";
import { seedSurveys } from "./surveys";
import type { EngagementAnswers } from "./values/engagement";

/** A respondent answering every item of the engagement survey; `recommend` is the eNPS answer. */
const respondent = (recommend: number, agreement = 5): Record<string, number> => ({
  ps1: 8 - agreement, ps2: agreement, ps3: 8 - agreement, ps4: agreement, ps5: 8 - agreement, ps6: agreement, ps7: agreement,
  enps: recommend, autonomy: 4, "trust-leadership": 3, workload: 3, growth: 4, belonging: 4,
});

describe("seedSurveys", () => {
  it("stores the monthly engagement runs, publishes them as closed runs are, and leaves one pulse run open", async () => {
    const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
    const teams = new Map<string, string>();
    for (const slug of ["alpha", "bravo"]) {
      teams.set(slug, (await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin" } })).id);
    }
    const engagement = new Map<string, EngagementAnswers[]>([
      ["alpha", [
        { week: "2026-02-09", invited: 8, answers: [10, 9, 9, 7, 3, 6].map((r) => respondent(r)) },
        // The run of this week closes on Friday 20 March, after today: not part of the seeded history.
        { week: "2026-03-16", invited: 8, answers: [10, 10, 10, 10, 10].map((r) => respondent(r)) },
      ]],
      ["bravo", [{ week: "2026-02-09", invited: 6, answers: [10, 10, 2, 8, 9].map((r) => respondent(r)) }]],
    ]);
    const now = new Date("2026-03-18T12:00:00Z");
    const summary = await seedSurveys(db, { teams, today: "2026-03-18", now, seed: 7, engagement });
    expect(summary).toMatchObject({ surveys: 2, runs: 2, responses: 11 });
    expect(await db.surveyResponse.count()).toBe(summary.responses);
    // Used invitations match responses one for one (per run and team), though nothing links them.
    expect(await db.surveyInvitation.count({ where: { used: true } })).toBe(summary.responses);
    const open = await db.surveyRun.findFirstOrThrow({ where: { opensOn: new Date("2026-03-16") } });
    expect(open.closesOn.toISOString().slice(0, 10)).toBe("2026-03-27");
    expect(await db.surveySnapshot.count({ where: { runId: open.id } })).toBe(0);

    const past = await db.surveyRun.findFirstOrThrow({ where: { title: { startsWith: "Monthly engagement survey" } } });
    expect(await db.surveySnapshot.count({ where: { runId: past.id, final: true } })).toBe(1);
    const results = await getRunResults(past.id, {}, { canModerateComments: false }, now);
    expect(results.teams).toHaveLength(2);
    // The stored eNPS values are the run's: alpha 3 promoters, 2 detractors of 6; bravo 3 and 1 of 5.
    const enps = await db.metricValue.findMany({
      where: { metric: { key: "enps" } }, select: { team: { select: { slug: true } }, weekStart: true, numerator: true, denominator: true, source: true },
      orderBy: { team: { slug: "asc" } },
    });
    expect(enps.map((v) => [v.team.slug, v.weekStart.toISOString().slice(0, 10), v.numerator, v.denominator, v.source])).toEqual([
      ["alpha", "2026-02-09", 100, 6, "COMPUTED"],
      ["bravo", "2026-02-09", 200, 5, "COMPUTED"],
    ]);
  });
});
