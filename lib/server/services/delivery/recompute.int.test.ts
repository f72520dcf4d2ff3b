import { describe, expect, it } from "vitest";
import { db } from "@/lib/server/db";
import type { Actor } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { recomputeTeams } from "@/lib/server/services/delivery/recompute";
import { ingestDeployments, ingestIncidents, ingestPullRequests, ingestWorkItems } from "@/lib/server/services/ingest/ingest";
import { deploymentBatch, incidentBatch, pullRequestBatch, workItemBatch } from "@/lib/validation/ingest";

/**
 * The incremental recompute after each ingestion batch must leave exactly the values a recompute of the
 * whole history computes: batches arrive out of order, move deployments between weeks, link incidents
 * late, and touch several teams at once.
 */
const actor: Actor = { userId: null, label: "test" };
const TEAMS = ["red", "green", "blue"];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 5, 9);

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function computedValues() {
  const rows = await db.metricValue.findMany({
    where: { source: "COMPUTED" },
    select: { metric: { select: { key: true } }, teamId: true, weekStart: true, value: true, numerator: true, denominator: true },
  });
  return new Map(rows.map((r) => [`${r.metric.key}|${r.teamId}|${r.weekStart.toISOString().slice(0, 10)}`, [r.value, r.numerator, r.denominator]]));
}

describe("incremental recompute", () => {
  it("agrees with a recompute of the whole history after batches across teams, out of order", async () => {
    const group = await db.group.create({ data: { name: "Eng", slug: "eng-recompute" } });
    for (const slug of TEAMS) await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin" } });
    const rand = random(42);
    const iso = (ms: number) => new Date(ms).toISOString();
    const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
    const service = (team: string) => `${team}-svc-${1 + Math.floor(rand() * 2)}`;

    for (let batch = 0; batch < 12; batch++) {
      const deployments = Array.from({ length: 15 }, (_, i) => {
        const team = pick(TEAMS);
        // Reuses earlier ids now and then: the deployment moves to another week.
        const id = `d${batch > 3 && rand() < 0.3 ? Math.floor(rand() * batch) : batch}-${i}`;
        return {
          externalId: id, service: service(team), team, environment: rand() < 0.9 ? "production" : "staging",
          status: rand() < 0.85 ? "success" : "failure", finishedAt: iso(START + rand() * 70 * DAY), commitSha: `sha-${id}`,
          kind: rand() < 0.1 ? "hotfix" : "regular",
        };
      });
      expect((await ingestDeployments(deploymentBatch.parse(deployments), actor)).received).toBe(15);
      const prs = Array.from({ length: 20 }, (_, i) => {
        const created = START + rand() * 70 * DAY;
        const team = pick(TEAMS);
        return {
          externalId: `p${batch}-${i}`, service: service(team), author: pick(["ann", "bob", "cy"]), createdAt: iso(created),
          mergedAt: rand() < 0.9 ? iso(created + rand() * 3 * DAY) : null, mergeCommitSha: `m${batch}-${i}`,
          commits: [{ sha: `c${batch}-${i}`, authoredAt: iso(created - rand() * DAY) }],
          reviews: rand() < 0.8 ? [{ author: "rev", submittedAt: iso(created + rand() * DAY) }] : [],
          labels: rand() < 0.3 ? ["ai-assisted"] : [],
        };
      });
      await ingestPullRequests(pullRequestBatch.parse(prs), actor);
      const incidents = Array.from({ length: 3 }, (_, i) => {
        const opened = START + rand() * 70 * DAY;
        return {
          externalId: `i${batch}-${i}`, service: service(pick(TEAMS)), severity: "sev2", openedAt: iso(opened),
          resolvedAt: rand() < 0.8 ? iso(opened + rand() * DAY) : null,
        };
      });
      await ingestIncidents(incidentBatch.parse(incidents), actor);
      const items = Array.from({ length: 10 }, (_, i) => {
        const created = START + rand() * 70 * DAY;
        const steps = [["In Progress", created + rand() * 2 * DAY], ["In Review", created + 3 * DAY], ["Done", created + (3 + rand() * 6) * DAY]]
          .slice(0, 1 + Math.floor(rand() * 3)) as [string, number][];
        return {
          externalId: `w${batch > 2 && rand() < 0.2 ? batch - 1 : batch}-${i}`, team: pick(TEAMS), type: pick(["feature", "defect", "risk", "debt"]),
          createdAt: iso(created), transitions: steps.map(([status, at]) => ({ status, at: iso(at) })),
        };
      });
      await ingestWorkItems(workItemBatch.parse(items), actor);
    }

    // Each batch's recompute runs as a background job; batches that arrive together share one.
    expect(await whenIdle(60_000)).toBe(true);
    const incremental = await computedValues();
    expect(incremental.size).toBeGreaterThan(100);
    await recomputeTeams();
    const full = await computedValues();
    // Every value the incremental path left is the one the full history gives…
    for (const [key, value] of incremental) expect(full.get(key), key).toEqual(value);
    // …and the full recompute adds nothing but zero counts for weeks no batch touched.
    for (const [key, value] of full) if (!incremental.has(key)) expect(value, key).toEqual([0, null, null]);
  });
});
