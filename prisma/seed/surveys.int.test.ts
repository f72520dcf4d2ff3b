import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import { getRunResults } from "@/lib/server/services/surveys/results";
import { seedSurveys } from "./surveys";

describe("seedSurveys", () => {
  it("creates the template surveys, answered past runs and one open pulse run, the same way every time", async () => {
    const group = await db.group.create({ data: { name: "Platform", slug: "platform" } });
    const teams = new Map<string, string>();
    for (const slug of ["alpha", "bravo"]) {
      teams.set(slug, (await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin" } })).id);
    }
    const summary = await seedSurveys(db, { teams, today: "2026-03-18", seed: 7 });
    expect(summary).toMatchObject({ surveys: 3, runs: 7 });
    expect(await db.surveyResponse.count()).toBe(summary.responses);
    // Used invitations match responses one for one (per run and team), though nothing links them.
    expect(await db.surveyInvitation.count({ where: { used: true } })).toBe(summary.responses);
    const open = await db.surveyRun.findFirstOrThrow({ where: { opensOn: new Date("2026-03-16") } });
    expect(open.closesOn.toISOString().slice(0, 10)).toBe("2026-03-27");
    const past = await db.surveyRun.findFirstOrThrow({ where: { title: { startsWith: "Team psychological safety" } }, orderBy: { opensOn: "desc" } });
    const results = await getRunResults(past.id, {}, { canModerateComments: false }, new Date("2026-03-18T12:00:00Z"));
    expect(results.teams).toHaveLength(2);
  });
});
