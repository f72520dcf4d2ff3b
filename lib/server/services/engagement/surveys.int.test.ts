import { beforeAll, describe, expect, it } from "vitest";
import { round } from "@/lib/domain/stats";
import { addDays, mondayOf } from "@/lib/domain/time";
import { db, sqlRunner } from "@/lib/server/db";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { getMetricSeries } from "@/lib/server/services/overview";
import { generateLinks } from "./invitations";
import { publishSnapshot } from "@/lib/server/disclosure/surveys";
import { publishRunResults } from "./publish";
import { submitAnswers, respondentView } from "./respond";
import type { ShownUnit, UnitResult } from "@/lib/engagement/api-types";
import { getRunResults } from "./results";
import { resultsCsv } from "./results-csv";
import { closeRun, createRun } from "./runs";
import { createSurvey } from "./surveys";

/**
 * Surveys end to end through the services on a real database: answering with links, scoring, anonymity
 * in results, CSV and the overview series, and what is (not) stored about respondents.
 */
const NOW = new Date("2026-03-18T12:00:00Z"); // a Wednesday; the org time zone is UTC
const OPEN = { opensOn: "2026-03-16", closesOn: "2026-03-27" };
const viewer = { canModerateComments: false };

let teams: Record<"a" | "b" | "c", string>;
let groups: Record<"product" | "platform", string>;

const ps = (values: number[]) => Object.fromEntries(values.map((v, i) => [`ps${i + 1}`, v]));

async function linksFor(runId: string, teamId: string, count: number): Promise<string[]> {
  const out = await generateLinks(SYSTEM_ACTOR, null, runId, { seats: [{ teamId, count }], teamIds: [teamId] }, "http://x", NOW);
  return out.links.map((l) => l.url.split("/s/")[1]);
}

async function newRun(surveyId: string, teamIds: string[], dates = OPEN) {
  return (await createRun(SYSTEM_ACTOR, surveyId, { ...dates, repeat: "none", teamIds, groupIds: [] })).id;
}

function shown(u: UnitResult | null | undefined): ShownUnit {
  if (!u || !u.shown) throw new Error(`expected a shown unit, got ${JSON.stringify(u)}`);
  return u;
}

beforeAll(async () => {
  const product = await db.group.create({ data: { name: "Product", slug: "product" } });
  const platform = await db.group.create({ data: { name: "Platform", slug: "platform" } });
  const mk = (name: string, groupId: string, location: string) =>
    db.team.create({ data: { name, slug: name.toLowerCase(), groupId, location }, select: { id: true } });
  const [a, b, c] = await Promise.all([mk("Alpha", product.id, "Berlin"), mk("Bravo", product.id, "Berlin"), mk("Charlie", platform.id, "Lisbon")]);
  teams = { a: a.id, b: b.id, c: c.id };
  groups = { product: product.id, platform: platform.id };
});

describe("scoring through the service", () => {
  it("scores psychological safety 2,6,3,5,2,6,5 as 5.571 and the spec's eNPS answers as +20", async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "Safety and eNPS", templates: ["psychological-safety", "enps"], excludeItems: [], items: [] });
    const runId = await newRun(survey.id, [teams.a]);
    const tokens = await linksFor(runId, teams.a, 10);
    const recommend = [10, 9, 9, 8, 7, 6, 3, 10, 5, 9];
    for (const [i, token] of tokens.entries()) {
      await submitAnswers(token, { ...ps([2, 6, 3, 5, 2, 6, 5]), enps: recommend[i] }, NOW);
    }
    const published = await publishRunResults(SYSTEM_ACTOR, runId, NOW);
    expect(published).toMatchObject({ epoch: 1, final: false, newRespondents: 10, waiting: 0 });
    const results = await getRunResults(runId, {}, viewer, NOW);
    const team = shown(results.teams[0]);
    expect(team.respondents).toBe(10);
    expect(team.participation).toBe(100);
    const safety = team.indexes.find((i) => i.key === "psych_safety");
    expect(round(safety?.score ?? 0, 3)).toBe(5.571);
    // Reversed answers 6,6,5,5,6,6,5: four of seven are 6–7 → 57.1 % favourable.
    expect(round(safety?.percentFavourable ?? 0, 1)).toBe(57.1);
    // Promoters 10,9,9,10,9 = 5; detractors 6,3,5 = 3 → 100 × (5 − 3) / 10.
    const e = team.indexes.find((i) => i.key === "enps");
    expect(e).toMatchObject({ score: 20, promoters: 5, passives: 2, detractors: 3 });
    const enpsItem = team.items.find((i) => i.id === "enps");
    expect(enpsItem?.distribution.find((d) => d.value === 9)?.count).toBe(3);

    expect(published.week).toBe(mondayOf(OPEN.closesOn));
    const stored = await db.metricValue.findMany({
      where: { teamId: teams.a, weekStart: new Date(published.week) },
      select: { value: true, numerator: true, denominator: true, source: true, metric: { select: { key: true } } },
    });
    const byKey = Object.fromEntries(stored.map((s) => [s.metric.key, s]));
    expect(byKey.psych_safety).toMatchObject({ denominator: 10, source: "COMPUTED" });
    expect(round(byKey.psych_safety.numerator ?? 0, 3)).toBe(round((10 * 39) / 7, 3));
    expect(byKey.enps).toMatchObject({ numerator: 200, denominator: 10, value: 20 });
    expect(byKey.participation).toMatchObject({ numerator: 10, denominator: 10, value: 100 });
  });
});

describe("anonymity: results appear only through snapshots, and never for fewer than five", () => {
  let surveyId: string;
  let runId: string;
  let tokens: string[];
  const pulse = { autonomy: 4, "trust-leadership": 3, workload: 2, growth: 5, belonging: 4, enps: 9 };

  beforeAll(async () => {
    surveyId = (await createSurvey(SYSTEM_ACTOR, { title: "Pulse", templates: ["pulse"], excludeItems: [], items: [] })).id;
    runId = await newRun(surveyId, [teams.b]);
    tokens = await linksFor(runId, teams.b, 12);
    for (const token of tokens.slice(0, 4)) await submitAnswers(token, { ...pulse, comment: "Standups run long" }, NOW);
  });

  it("shows nothing but progress before a snapshot, and refuses an interim snapshot of four answers", async () => {
    const results = await getRunResults(runId, {}, viewer, NOW);
    expect(results.snapshot).toBeNull();
    expect(results.progress).toEqual([{ teamId: teams.b, name: "Bravo", invited: 12, answered: 4 }]);
    for (const unit of [results.org, ...results.teams, ...results.groups]) {
      expect(unit).toMatchObject({ shown: false, reason: "not-published" });
      expect(Object.keys(unit).sort()).toEqual(["id", "key", "message", "name", "reason", "shown", "type"]);
    }
    expect(JSON.stringify(results)).not.toContain("Standups");
    await expect(publishRunResults(SYSTEM_ACTOR, runId, NOW)).rejects.toMatchObject({ status: 400 });
    const csv = resultsCsv(results);
    expect(csv.replace(/^\uFEFF/, "").trim().split("\r\n")).toEqual([
      "scope_type,scope,status,measure,item,answer,value,note",
      "org,Whole organisation,withheld,,,,,\"Results appear when the run closes, or when a leader publishes a snapshot.\"",
      "group,Product,withheld,,,,,\"Results appear when the run closes, or when a leader publishes a snapshot.\"",
      "team,Bravo,withheld,,,,,\"Results appear when the run closes, or when a leader publishes a snapshot.\"",
    ]);
  });

  it("publishes five answers as a snapshot: results, distribution, comments, CSV and the dashboard value", async () => {
    await submitAnswers(tokens[4], { autonomy: 2, "trust-leadership": 3, workload: 4, growth: 3, belonging: 4, enps: 6, comment: "More focus time" }, NOW);
    expect(await publishRunResults(SYSTEM_ACTOR, runId, NOW)).toMatchObject({ epoch: 1, newRespondents: 5, waiting: 0 });
    const results = await getRunResults(runId, {}, viewer, NOW);
    const team = shown(results.teams[0]);
    expect(team.respondents).toBe(5);
    expect(team.asOf.snapshot).toBe(1);
    expect(team.participation).toBeCloseTo((5 / 12) * 100, 6);
    expect(team.items.find((i) => i.id === "growth")?.distribution.map((d) => d.count)).toEqual([0, 0, 1, 0, 4]);
    expect(team.comments.map((c) => c.text).sort()).toEqual(["More focus time", "Standups run long", "Standups run long", "Standups run long", "Standups run long"]);
    expect(team.indexes.find((i) => i.key === "pulse_growth")).toMatchObject({ score: 4.6, percentFavourable: 80 });
    const csv = resultsCsv(results);
    expect(csv).toContain("team,Bravo,shown,pulse_growth_score,,,4.6,Pulse: Growth");
    expect(csv).toContain("team,Bravo,shown,answer_count,growth,5,4,");
    expect(csv).toContain("More focus time");

    const week = mondayOf(OPEN.closesOn);
    const query = { scope: `team:${teams.b}`, range: "12w" as const, granularity: "week" as const, metrics: ["pulse_growth", "enps"] };
    const series = await getMetricSeries({ viewer: { seesClassifications: true }, ...query, now: new Date(`${addDays(week, 2)}T12:00:00Z`) });
    const growth = series.series.find((s) => s.metric.key === "pulse_growth")?.points.find((p) => p.period === week);
    expect(growth?.value).toBeCloseTo((4 * 5 + 3) / 5, 6); // four answered 5, the fifth 3 → 4.6
    const e = series.series.find((s) => s.metric.key === "enps")?.points.find((p) => p.period === week);
    expect(e?.value).toBe(60); // 4 promoters, 1 detractor of 5 → +60
  });

  it("does not move with each answer: a sixth answer changes nothing until k new answers can be published together", async () => {
    const before = await getRunResults(runId, {}, viewer, NOW);
    await submitAnswers(tokens[5], { autonomy: 1, "trust-leadership": 1, workload: 1, growth: 1, belonging: 1, enps: 0, comment: "Sixth person" }, NOW);
    const after = await getRunResults(runId, {}, viewer, NOW);
    expect(after.teams).toEqual(before.teams);
    expect(after.progress[0].answered).toBe(6);
    // An interim snapshot would publish one new answer: refused, and the results stay as they were.
    await expect(publishRunResults(SYSTEM_ACTOR, runId, NOW)).rejects.toMatchObject({ status: 400 });
    // The final snapshot publishes it pooled: the team keeps its five-answer numbers, so the sixth is never isolated.
    await publishSnapshot(SYSTEM_ACTOR, runId, { final: true, now: NOW });
    const closed = await getRunResults(runId, {}, viewer, NOW);
    expect(closed.snapshot).toMatchObject({ snapshot: 2, final: true });
    expect(shown(closed.teams[0])).toMatchObject({ respondents: 5, asOf: { snapshot: 1 } });
    expect(JSON.stringify(closed)).not.toContain("Sixth person");
    // The dashboard no longer shows the team (its latest snapshot cannot be shown on its own).
    const week = mondayOf(OPEN.closesOn);
    const series = await getMetricSeries({ viewer: { seesClassifications: true }, scope: `team:${teams.b}`, range: "12w", granularity: "week", metrics: ["enps"], now: new Date(`${addDays(week, 2)}T12:00:00Z`) });
    expect(series.series[0].points.find((p) => p.period === week)).toMatchObject({ value: null, withheld: "differencing" });
  });

  it("keeps a hidden comment out of results for everyone but admins, and out of every CSV", async () => {
    const { setCommentHidden } = await import("./comments");
    const results = await getRunResults(runId, {}, viewer, NOW);
    const target = shown(results.teams[0]).comments.find((c) => c.text === "More focus time");
    await setCommentHidden(SYSTEM_ACTOR, target?.id ?? "", true);
    const after = await getRunResults(runId, {}, viewer, NOW);
    expect(JSON.stringify(after)).not.toContain("More focus time");
    const admin = await getRunResults(runId, {}, { canModerateComments: true }, NOW);
    expect(shown(admin.teams[0]).comments.find((c) => c.text === "More focus time")?.hidden).toBe(true);
    expect(resultsCsv(admin)).not.toContain("More focus time");
  });
});

describe("differencing", () => {
  it("blocks the organisation minus all teams but one, as a group filter, a location filter and as shown teams", async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "Diff", templates: ["enps"], excludeItems: [], items: [] });
    const runId = await newRun(survey.id, [teams.a, teams.b, teams.c]);
    const answer = async (teamId: string, n: number) => {
      for (const t of await linksFor(runId, teamId, n)) await submitAnswers(t, { enps: 8 }, NOW);
    };
    await answer(teams.a, 10);
    await answer(teams.b, 6);
    await answer(teams.c, 3); // Platform/Charlie: 3 people — must not be derivable.
    await publishSnapshot(SYSTEM_ACTOR, runId, { final: true, now: NOW });

    const results = await getRunResults(runId, {}, viewer, NOW);
    expect(shown(results.org).respondents).toBe(19);
    const byName = Object.fromEntries([...results.groups, ...results.teams].map((u) => [u.name, u]));
    expect(byName.Charlie).toMatchObject({ shown: false, reason: "too-few" });
    expect(byName.Platform).toMatchObject({ shown: false, reason: "too-few" });
    // Product = Alpha + Bravo = org − Charlie: withheld, or Charlie's 3 answers are org − Product.
    expect(byName.Product).toMatchObject({ shown: false, reason: "differencing" });
    // Alpha and Bravo together are org − Charlie too: the smaller one is withheld.
    expect(byName.Alpha).toMatchObject({ shown: true });
    expect(byName.Bravo).toMatchObject({ shown: false, reason: "differencing" });

    const byGroup = await getRunResults(runId, { group: groups.product }, viewer, NOW);
    expect(byGroup.filter).toMatchObject({ shown: false, reason: "differencing" });
    expect(Object.keys(byGroup.filter ?? {}).sort()).toEqual(["id", "key", "message", "name", "reason", "shown", "type"]);
    const byLocation = await getRunResults(runId, { location: "Berlin" }, viewer, NOW);
    expect(byLocation.filter).toMatchObject({ shown: false, reason: "differencing" });
    // A slice whose removal leaves enough people is fine.
    const lisbonOut = await getRunResults(runId, { team: teams.a }, viewer, NOW);
    expect(shown(lisbonOut.filter).respondents).toBe(10);
    const csv = resultsCsv(byGroup);
    expect(csv).toContain("group,Product,withheld,,,,,\"Hidden to protect anonymity");
    expect(csv).toContain("filter,Group: Product,withheld,,,,,\"Hidden to protect anonymity");
  });
});

describe("single-use links", () => {
  let runId: string;
  beforeAll(async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "Once", templates: ["enps"], excludeItems: [], items: [] });
    runId = await newRun(survey.id, [teams.c]);
  });

  it("refuses a second answer with the same link", async () => {
    const [token] = await linksFor(runId, teams.c, 1);
    await submitAnswers(token, { enps: 7 }, NOW);
    await expect(submitAnswers(token, { enps: 10 }, NOW)).rejects.toMatchObject({ status: 404, message: expect.stringContaining("already been used") });
    // A used link is deleted (nothing records which link answered): it now reads as not valid or already used.
    expect((await respondentView(token, NOW)).state).toBe("unknown");
  });

  it("accepts exactly one of two concurrent answers with the same link", async () => {
    const [token] = await linksFor(runId, teams.c, 1);
    const before = await db.surveyResponse.count({ where: { runId } });
    const outcomes = await Promise.allSettled([submitAnswers(token, { enps: 1 }, NOW), submitAnswers(token, { enps: 2 }, NOW), submitAnswers(token, { enps: 3 }, NOW)]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason.status)).toEqual([409, 409]);
    expect(await db.surveyResponse.count({ where: { runId } })).toBe(before + 1);
  });

  it("refuses answers before the run opens and after it closes, with a clear message", async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "Later", templates: ["enps"], excludeItems: [], items: [] });
    const later = await newRun(survey.id, [teams.c], { opensOn: "2026-04-01", closesOn: "2026-04-10" });
    const [token] = await linksFor(later, teams.c, 1);
    await expect(submitAnswers(token, { enps: 7 }, NOW)).rejects.toMatchObject({ status: 403, message: "This survey opens on 2026-04-01. Come back then with the same link." });
    await expect(submitAnswers(token, { enps: 7 }, new Date("2026-04-11T12:00:00Z"))).rejects.toMatchObject({ status: 403, message: "This survey closed on 2026-04-10. Answers are no longer accepted." });
    expect((await respondentView(token, NOW)).state).toBe("scheduled");
    expect((await respondentView("A".repeat(32), NOW)).state).toBe("unknown");
  });

  it("refuses incomplete answers without using the link", async () => {
    const [token] = await linksFor(runId, teams.c, 1);
    await expect(submitAnswers(token, {}, NOW)).rejects.toMatchObject({ status: 400 });
    await expect(submitAnswers(token, { enps: 11 }, NOW)).rejects.toMatchObject({ status: 400 });
    expect((await respondentView(token, NOW)).state).toBe("open");
  });
});

describe("nothing stored links a response to a person", () => {
  it("keeps responses, comments and invitations to their run, team and answers; used invitations are deleted", async () => {
    const runner = await sqlRunner();
    const columns = async (table: string) =>
      (await runner.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY column_name`,
        [table],
      )).map((r) => r.column_name);
    // The epoch is the snapshot that published an answer: coarser than any time, and invitations carry none.
    expect(await columns("SurveyResponse")).toEqual(["answers", "epoch", "id", "runId", "teamId"]);
    expect(await columns("SurveyComment")).toEqual(["epoch", "hidden", "id", "itemId", "runId", "teamId", "text"]);
    expect(await columns("SurveyInvitation")).toEqual(["id", "runId", "teamId", "tokenHash", "used"]);
    // A used invitation is gone, not marked: no row is left whose position tells when it was used.
    expect(await db.surveyInvitation.count({ where: { used: true } })).toBe(0);

    const invitations = await db.surveyInvitation.findMany({ select: { id: true, tokenHash: true } });
    const responses = await db.surveyResponse.findMany({ select: { id: true, answers: true } });
    expect(responses.length).toBeGreaterThan(20);
    const uuidV4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const secrets = invitations.flatMap((i) => [i.id, i.tokenHash]);
    for (const r of responses) {
      expect(r.id).toMatch(uuidV4);
      const text = JSON.stringify(r.answers);
      expect(secrets.some((s) => text.includes(s))).toBe(false);
      // Only item ids and answers: no free text, no metadata.
      expect(Object.keys(r.answers as object).every((k) => /^(ps\d|enps|autonomy|trust-leadership|workload|growth|belonging)$/.test(k))).toBe(true);
    }
    for (const c of await db.surveyComment.findMany({ select: { id: true } })) expect(c.id).toMatch(uuidV4);
    // The audit trail records how many links were generated, never a token or its hash.
    const audit = JSON.stringify(await db.auditLog.findMany({ where: { entityType: { startsWith: "Survey" } }, select: { summary: true, before: true, after: true } }));
    expect(invitations.some((i) => audit.includes(i.tokenHash))).toBe(false);
  });
});

describe("runs", () => {
  it("expands a group to its teams, and closing a monthly run publishes and opens the next month's run", async () => {
    const survey = await createSurvey(SYSTEM_ACTOR, { title: "Monthly pulse", templates: ["pulse"], excludeItems: [], items: [] });
    const run = await createRun(SYSTEM_ACTOR, survey.id, { ...OPEN, repeat: "monthly", teamIds: [], groupIds: [groups.product] });
    expect(run.teamIds.sort()).toEqual([teams.a, teams.b].sort());
    const { nextRunId } = await closeRun(SYSTEM_ACTOR, run.id, NOW);
    const closed = await db.surveyRun.findUniqueOrThrow({ where: { id: run.id } });
    expect(closed.closesOn.toISOString().slice(0, 10)).toBe("2026-03-17");
    const next = await db.surveyRun.findUniqueOrThrow({ where: { id: nextRunId ?? "" }, include: { teams: true } });
    expect(next.opensOn.toISOString().slice(0, 10)).toBe("2026-04-16");
    expect(next.closesOn.toISOString().slice(0, 10)).toBe("2026-04-27");
    expect(next.teams.map((t) => t.teamId).sort()).toEqual([teams.a, teams.b].sort());
  });
});
