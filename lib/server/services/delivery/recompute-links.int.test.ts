import { describe, expect, it } from "vitest";
import { db, sqlRunner } from "@/lib/server/db";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { getDeliverySummary } from "@/lib/server/services/delivery/read";
import { recomputeAffectedUsing, recomputeTeamsUsing, type RecomputeEngine } from "@/lib/server/services/delivery/recompute";
import { writeDeployments } from "@/lib/server/services/ingest/deployments";
import { writePullRequests } from "@/lib/server/services/ingest/pull-requests";
import { computedValues } from "@/lib/testing/computed-values";
import { deliveryQuery } from "@/lib/validation/delivery";
import { deploymentBatch, pullRequestBatch, type DeploymentInput, type PullRequestInput } from "@/lib/validation/ingest";

/**
 * Writes that move figures far from their own instants, each recomputed incrementally as ingestion does and
 * compared with a recompute of the whole history, on both engines (recompute.int.test.ts holds the random
 * histories).
 */
/**
 * A team with one service whose events are written batch by batch, each batch recomputed incrementally by
 * `engine`, as ingestion does; days count from Monday 2026-01-05, 09:00 UTC.
 */
async function teamWithService(engine: RecomputeEngine, slug: string) {
  const group = await db.group.create({ data: { name: slug, slug } });
  const team = (await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin" } })).id;
  const svc = `${slug}-svc`;
  const at = (day: number) => new Date(Date.UTC(2026, 0, 5 + day, 9)).toISOString();
  const runner = await sqlRunner();
  return {
    team,
    at,
    write: async (batch: { deployments?: DeploymentInput[]; prs?: PullRequestInput[] }) => {
      const affected = new AffectedTeams();
      await runner.transaction(async (tx) => {
        if (batch.prs) await writePullRequests(tx, pullRequestBatch.parse(batch.prs), affected);
        if (batch.deployments) await writeDeployments(tx, deploymentBatch.parse(batch.deployments), affected);
      });
      await recomputeAffectedUsing(engine, affected);
    },
    deployment: (id: string, day: number, commits?: string[], status: DeploymentInput["status"] = "success"): DeploymentInput => ({
      externalId: id, service: svc, team: slug, environment: "production", status, finishedAt: at(day), commitSha: `sha-${id}`, commits, kind: "regular",
    }),
    /** Opened a day before it merged, as "m-<id>". */
    pr: (id: string, mergedDay: number, createdDay = mergedDay - 1): PullRequestInput => ({
      externalId: id, service: svc, author: "ann", createdAt: at(createdDay), mergedAt: at(mergedDay), mergeCommitSha: `m-${id}`, commits: [], reviews: [], labels: [],
    }),
    /** Deployments d<first>… a week apart from day 7 × first, some listing commits. */
    weekly: (first: number, last: number, lists: Record<number, string[]> = {}): DeploymentInput[] =>
      Array.from({ length: last - first + 1 }, (_, i) => ({
        externalId: `d${first + i}`, service: svc, team: slug, environment: "production", status: "success",
        finishedAt: at(7 * (first + i)), commitSha: `sha-d${first + i}`, commits: lists[first + i], kind: "regular",
      })),
  };
}

/** The team's computed values after its incremental recomputes equal those of a recompute of its whole history. */
async function expectIncrementalIsWhole(engine: RecomputeEngine, teams: readonly string[]) {
  const incremental = await computedValues(teams);
  await recomputeTeamsUsing(engine, [...teams]);
  const full = await computedValues(teams);
  for (const [key, value] of full) expect(incremental.get(key) ?? [0, null, null], key).toEqual(value);
  for (const [key, value] of incremental) expect(full.get(key), key).toEqual(value);
  return full;
}

/**
 * A deployment listing a merge commit ships that pull request wherever the two are in time, the earliest
 * shipping deployment wins, and a team counts its own services' pull requests: writing one event can move a
 * lead time to a week far from it, which the incremental recompute must reach — and must not count what
 * shipped before the events it reads.
 */
describe.each(["sql", "memory"] as const)("lead times linked by commit across weeks (%s)", (engine) => {
  it("recomputes the week of a deployment listing a pull request written weeks later, and the reverse", async () => {
    const t = await teamWithService(engine, `links-${engine}`);
    // A chain over ten weeks; d1 (week 2) lists the commit "m-p-late".
    await t.write({ deployments: [t.deployment("d0", 0), t.deployment("d1", 7, ["m-p-late"]), ...t.weekly(2, 9)] });
    // Weeks later the pull request merged as "m-p-late" arrives (merged after the whole chain, opened before d1).
    await t.write({ prs: [t.pr("p-late", 80, 5)] });
    // And a deployment listing an earlier pull request's merge commit, written after that pull request shipped.
    await t.write({ prs: [t.pr("p-early", 22, 20)] });
    await t.write({ deployments: [t.deployment("d-listing", 24, ["m-p-early"])] });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    expect([...full].filter(([key]) => key.startsWith("lead_time|")).length).toBeGreaterThan(1);
  });

  it("counts a pull request listed again where it first shipped", async () => {
    const t = await teamWithService(engine, `relisted-${engine}`);
    // Weekly deployments from day 0 to day 70: d1 lists p-a; d5 ships p-b by its window (merged after d4); d8
    // lists p-c; d0, the first, lists p-z but has no predecessor, so it ships nothing. Two weeks later d-again
    // lists all four: it ships only p-z. A week after, d-next: its recompute reads from d8 on.
    await t.write({
      prs: [t.pr("p-z", -3), t.pr("p-a", 2), t.pr("p-b", 30), t.pr("p-c", 50)],
      deployments: [...t.weekly(0, 10, { 0: ["m-p-z"], 1: ["m-p-a"], 8: ["m-p-c"] }), t.deployment("d-again", 84, ["m-p-a", "m-p-b", "m-p-c", "m-p-z"])],
    });
    await t.write({ deployments: [t.deployment("d-next", 91)] });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    // p-z: one day from opening to merge, 87 days from merge to d-again; p-b: one day, then five to d5.
    expect(full.get(`lead_time|${t.team}|${t.at(84).slice(0, 10)}`)).toEqual([(1 + 87) * 1440, null, null]);
    expect(full.get(`lead_time|${t.team}|${t.at(35).slice(0, 10)}`)).toEqual([(1 + 5) * 1440, null, null]);
    // The live summary of that week reads from d10 on, and agrees.
    const summary = await getDeliverySummary(deliveryQuery.parse({ team: `relisted-${engine}`, from: t.at(84).slice(0, 10), to: t.at(90).slice(0, 10) }));
    expect(summary.leadTime).toMatchObject({ median: (1 + 87) * 1440, count: 1 });
  });

  it("hands a pull request to a deployment listing it weeks later when the one that shipped it by its window fails", async () => {
    const t = await teamWithService(engine, `handed-${engine}`);
    // p-w merges on day 3 and d1 ships it by its window; d2 lists other commits, so when d1 turns out to have
    // failed no window ships p-w, and d-list (day 70) does.
    await t.write({ prs: [t.pr("p-w", 3)], deployments: [...t.weekly(0, 9, { 2: ["m-other"] }), t.deployment("d-list", 70, ["m-p-w"])] });
    await t.write({ deployments: [t.deployment("d1", 7, undefined, "failure")] });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    expect(full.get(`lead_time|${t.team}|${t.at(70).slice(0, 10)}`)).toEqual([(1 + 67) * 1440, null, null]);
  });

  it("leaves another team's pull request merged as a commit it lists to that team", async () => {
    const ours = await teamWithService(engine, `ours-${engine}`);
    const theirs = await teamWithService(engine, `theirs-${engine}`);
    // Our d10 (day 70) lists "m-p-x", the merge commit of their pull request, written afterwards.
    await ours.write({ deployments: ours.weekly(0, 10, { 10: ["m-p-x"] }) });
    await theirs.write({ prs: [theirs.pr("p-x", 3)], deployments: theirs.weekly(0, 1) });
    await ours.write({ deployments: [ours.deployment("d11", 77)] });
    const full = await expectIncrementalIsWhole(engine, [ours.team, theirs.team]);
    expect(full.get(`lead_time|${ours.team}|${ours.at(70).slice(0, 10)}`)).toBeUndefined();
    expect(full.get(`lead_time|${theirs.team}|${theirs.at(7).slice(0, 10)}`)).toEqual([(1 + 4) * 1440, null, null]);
  });
});

describe.each(["sql", "memory"] as const)("the AI-assisted share (%s)", (engine) => {
  it("appears in every week with merges once a pull request carries the label, and goes when none does", async () => {
    const t = await teamWithService(engine, `ai-${engine}`);
    await t.write({ prs: Array.from({ length: 10 }, (_, i) => t.pr(`p${i}`, 7 * i + 2)), deployments: t.weekly(0, 10) });
    const labelled = { ...t.pr("p-ai", 80), labels: ["ai-assisted"] };
    await t.write({ prs: [labelled] });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    expect([...full.keys()].filter((key) => key.startsWith("ai_pr_share|")).length).toBe(11);
    expect(full.get(`ai_pr_share|${t.team}|${t.at(0).slice(0, 10)}`)).toEqual([0, 0, 1]);
    // Sent again without the label: the share goes from every week.
    await t.write({ prs: [{ ...labelled, labels: [] }] });
    const none = await expectIncrementalIsWhole(engine, [t.team]);
    expect([...none.keys()].filter((key) => key.startsWith("ai_pr_share|"))).toEqual([]);
  });
});

describe.each(["sql", "memory"] as const)("a service attached to its team by a deployment (%s)", (engine) => {
  it("brings the weeks of the pull requests it had before into the team's figures", async () => {
    const t = await teamWithService(engine, `attached-${engine}`);
    // The pull requests come first (pull requests name no team: their service waits unassigned), one merged
    // months after the deployments that then name the team.
    await t.write({ prs: [{ ...t.pr("p-early", 2), labels: ["ai-assisted"] }, t.pr("p-late", 119)] });
    await t.write({ deployments: t.weekly(0, 1) });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    expect(full.get(`ai_pr_share|${t.team}|${t.at(119).slice(0, 10)}`)).toEqual([0, 0, 1]);
  });
});

/**
 * A deployment changes the figures of the one before it in its chain, however long before: a rollback or hotfix
 * marks it failed. The incremental recompute reaches back to that week (lib/server/data/delivery/chain.ts
 * `chainSpansByTeam`, the start of its span; each test here fails when the span starts at the batch's own events).
 */
describe.each(["sql", "memory"] as const)("a chain's neighbours weeks apart (%s)", (engine) => {
  it("fails the deployment a rollback follows four weeks later, in the week it finished", async () => {
    const t = await teamWithService(engine, `rollback-${engine}`);
    await t.write({ deployments: [t.deployment("d0", 0), t.deployment("d1", 3)] });
    await t.write({ deployments: [{ ...t.deployment("d-rollback", 31), kind: "rollback" }] });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    // d1 (week 1) failed: the next in its chain rolled it back; d0 did not.
    expect(full.get(`change_failure_rate|${t.team}|${t.at(0).slice(0, 10)}`)).toEqual([50, 1, 2]);
  });

  it("fails the deployment a hotfix follows three weeks later, and ships the pull request merged between them", async () => {
    const t = await teamWithService(engine, `hotfix-${engine}`);
    await t.write({ deployments: [t.deployment("d0", 0), t.deployment("d-late", 35)] });
    await t.write({ prs: [t.pr("p-between", 14)] });
    await t.write({ deployments: [{ ...t.deployment("d-hotfix", 21), kind: "hotfix" }] });
    const full = await expectIncrementalIsWhole(engine, [t.team]);
    // d0 (week 1) failed: a hotfix followed it. p-between now ships with d-hotfix (week 4), no longer with d-late.
    expect(full.get(`change_failure_rate|${t.team}|${t.at(0).slice(0, 10)}`)).toEqual([100, 1, 1]);
    expect(full.get(`lead_time|${t.team}|${t.at(21).slice(0, 10)}`)).toEqual([(1 + 7) * 1440, null, null]);
    expect(full.get(`lead_time|${t.team}|${t.at(35).slice(0, 10)}`)).toBeUndefined();
  });
});
