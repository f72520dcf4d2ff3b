import { describe, expect, it } from "vitest";
import { attributeChanges } from "@/lib/delivery/changes";
import { db, sqlRunner } from "@/lib/server/db";
import { loadDeliveryRows } from "@/lib/server/data/events";
import { computedValues } from "@/lib/testing/computed-values";
import type { Actor } from "@/lib/server/http/actor";
import { whenIdle } from "@/lib/server/jobs/queue";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { getPullRequestBreakdown } from "@/lib/server/services/delivery/pull-request";
import { recomputeAffectedUsing, recomputeTeams, recomputeTeamsUsing, type RecomputeEngine } from "@/lib/server/services/delivery/recompute";
import { writeDeployments } from "@/lib/server/services/ingest/deployments";
import { writeIncidents } from "@/lib/server/services/ingest/incidents";
import { ingestDeployments, ingestIncidents, ingestPullRequests, ingestWorkItems } from "@/lib/server/services/ingest/ingest";
import { writePullRequests } from "@/lib/server/services/ingest/pull-requests";
import { writeWorkItems } from "@/lib/server/services/ingest/work-items";
import {
  deploymentBatch, incidentBatch, pullRequestBatch, workItemBatch,
  type DeploymentInput, type IncidentInput, type PullRequestInput, type WorkItemInput,
} from "@/lib/validation/ingest";

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

/**
 * The delivery values computed in the database equal the ones computed in memory, value for value (value,
 * numerator, denominator), on random histories: failed and non-production deployments, hotfixes and
 * rollbacks, deployments listing commits or not, equal finish times, deployments moved by a re-sent id,
 * pull requests merged or not (some before they were opened), incidents naming their deployment or not,
 * work items reopened, blocked, moved twice in an instant, in statuses a team maps itself (any case, stray
 * spaces, Cyrillic) or nobody maps, sent in any order; instants around local midnights and the weeks clocks change, in zones
 * with whole, half and three-quarter hour offsets. Both engines also run incrementally, batch by batch and
 * over ranges of the final history, and must leave what the whole history gives.
 */
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "Australia/Sydney", "Pacific/Chatham"];
/** From late October (clocks go back in Europe and America) to April (they go forward, and back in Australia). */
const HISTORY_START = Date.UTC(2025, 9, 13);
const HISTORY_DAYS = 180;
const HOUR = 3_600_000;

interface Batch {
  deployments: DeploymentInput[];
  prs: PullRequestInput[];
  incidents: IncidentInput[];
  items: WorkItemInput[];
}

function randomHistory(seed: number, teams: readonly string[], batches: number): Batch[] {
  const rand = random(seed);
  // Work items draw from their own stream: the events' history stays the same whatever the items do.
  const itemRand = random(seed + 1000);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
  // Near a local midnight (UTC midnight ± the zone offsets) half the time, anywhere in the day otherwise.
  const instant = () => HISTORY_START + Math.floor(rand() * HISTORY_DAYS) * DAY + (rand() < 0.5 ? pick([-14, -13, -10, -5.5, -1, 0, 1, 5.5, 10, 13, 14]) * HOUR + pick([-60_000, 0, 60_000]) : rand() * DAY);
  const service = (team: string) => `${team}-svc-${1 + Math.floor(rand() * 2)}`;
  const deployments: DeploymentInput[] = [];
  const finishes: number[] = [];
  const mergeShas = new Map<string, string[]>();
  const out: Batch[] = [];
  for (let b = 0; b < batches; b++) {
    const prs = Array.from({ length: 24 }, (_, i): PullRequestInput => {
      const team = pick(teams);
      const created = instant();
      const sha = rand() < 0.95 ? `m${seed}-${b}-${i}` : null;
      if (sha) mergeShas.set(team, [...(mergeShas.get(team) ?? []), sha]);
      return {
        externalId: `p${b}-${i}`, service: service(team), author: pick(["ann", "bob"]), createdAt: iso(created),
        // Some merge exactly when a deployment finished: the edge of what it ships.
        mergedAt: rand() < 0.85 ? iso(finishes.length > 0 && rand() < 0.15 ? pick(finishes) : created + (rand() < 0.05 ? -HOUR : rand() * 4 * DAY)) : null,
        mergeCommitSha: sha,
        commits: rand() < 0.9 ? [{ sha: `c${b}-${i}`, authoredAt: iso(created - rand() * 2 * DAY) }] : [],
        reviews: rand() < 0.7 ? [{ author: "rev", submittedAt: iso(created + rand() * DAY) }] : [],
        labels: team === teams[0] && rand() < 0.3 ? ["ai-assisted"] : [],
      };
    });
    const batchDeployments = Array.from({ length: 16 }, (_, i): DeploymentInput => {
      const team = pick(teams);
      const reuse = deployments.length > 0 && rand() < 0.15;
      const finished = finishes.length > 0 && rand() < 0.1 ? pick(finishes) : instant();
      finishes.push(finished);
      const shas = mergeShas.get(team) ?? [];
      const listed = shas.length > 0 && rand() < 0.3 ? Array.from({ length: 1 + Math.floor(rand() * 3) }, () => pick(shas)) : undefined;
      const d: DeploymentInput = {
        externalId: reuse ? pick(deployments).externalId : `d${b}-${i}`,
        service: service(team), team, environment: pick(["production", "production", "production", "Production", "PRODUCTION", "staging"]),
        status: rand() < 0.8 ? "success" : "failure", finishedAt: iso(finished),
        startedAt: rand() < 0.6 ? iso(finished - rand() * HOUR) : undefined,
        commitSha: shas.length > 0 && rand() < 0.2 ? pick(shas) : `sha-${b}-${i}`,
        commits: listed, kind: pick(["regular", "regular", "regular", "regular", "regular", "regular", "hotfix", "rollback"]),
      };
      deployments.push(d);
      return d;
    });
    const incidents = Array.from({ length: 6 }, (_, i): IncidentInput => {
      const team = pick(teams);
      const svc = service(team);
      // Some open exactly when a deployment finished: it did not cause them.
      const opened = finishes.length > 0 && rand() < 0.2 ? pick(finishes) : instant();
      const ofService = deployments.filter((d) => d.service === svc);
      const named = rand() < 0.3 && ofService.length > 0 ? pick(ofService).externalId : rand() < 0.05 ? "no-such-deployment" : undefined;
      return {
        externalId: `i${b}-${i}`, service: svc, severity: "sev2", openedAt: iso(opened),
        resolvedAt: rand() < 0.75 ? iso(opened + rand() * 2 * DAY) : null, causedByDeployment: named,
      };
    });
    const items = Array.from({ length: 10 }, (_, i): WorkItemInput => {
      const created = instant();
      const rand = itemRand;
      const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
      // Usually started, reviewed and done; sometimes reopened, blocked, in statuses only a team maps (in any
      // case, with stray spaces, in Cyrillic), or moved twice in one instant; sent in any order.
      const steps: [string, number][] = rand() < 0.6
        ? ([["In Progress", created + rand() * 2 * DAY], ["In Review", created + 3 * DAY], ["Done", created + (3 + rand() * 6) * DAY]] as [string, number][]).slice(0, 1 + Math.floor(rand() * 3))
        : [];
      let at = created;
      for (let k = rand() < 0.6 ? 0 : 1 + Math.floor(rand() * 5); k > 0; k--) {
        at += rand() < 0.2 ? 0 : rand() * 3 * DAY;
        steps.push([pick(["In Progress", "Blocked", "Done", "Reopened", "in review ", "Ready for QA", "ready for qa", "Готово", "В работе", "Shelved"]), at]);
      }
      if (rand() < 0.3) steps.reverse();
      return {
        externalId: `w${b}-${i}`, team: pick(teams), type: pick(["feature", "defect", "risk", "debt"]),
        createdAt: iso(created), transitions: steps.map(([status, at]) => ({ status, at: iso(at) })),
      };
    });
    out.push({ deployments: batchDeployments, prs, incidents, items });
  }
  return out;
}

/** Values of `teamIds` keyed by metric, team position and week (so two team sets with the same events compare). */
async function valuesOf(teamIds: readonly string[]) {
  const values = await computedValues(teamIds);
  return Object.fromEntries([...values].map(([key, value]) => {
    const [metric, team, week] = key.split("|");
    return [`${metric}|${teamIds.indexOf(team)}|${week}`, value] as const;
  }).sort(([a], [b]) => (a < b ? -1 : 1)));
}

describe.each(ZONES.map((zone, i) => [zone, 7 + i] as const))("delivery values in the database and in memory (%s)", (zone, seed) => {
  it("are identical, fully and incrementally", async () => {
    await db.orgSettings.upsert({ where: { id: 1 }, create: { id: 1, timeZone: zone }, update: { timeZone: zone } });
    const group = await db.group.create({ data: { name: `Eng ${seed}`, slug: `eng-${seed}` } });
    // The same history twice, for two sets of teams: one recomputed in the database, one in memory. Earlier
    // cases' teams stay (one database per file) and are recomputed in this zone too; only this case's compare.
    const engines: RecomputeEngine[] = ["sql", "memory"];
    const slugs = engines.map((engine) => [`t${seed}-${engine}-a`, `t${seed}-${engine}-b`]);
    const teamIds: string[][] = [];
    for (const set of slugs) {
      const ids: string[] = [];
      // The first team of each set names statuses of its own (matched trimmed and in any case), in Cyrillic too.
      for (const [t, slug] of set.entries()) {
        const statusMap = t === 0 ? { " Ready For QA": "active", "готово": "done", "в работе": "active", "Shelved": "done" } : undefined;
        ids.push((await db.team.create({ data: { name: slug, slug, groupId: group.id, location: "Berlin", statusMap } })).id);
      }
      teamIds.push(ids);
    }
    const runner = await sqlRunner();
    const touched: AffectedTeams[][] = engines.map(() => []);

    // Batch by batch, each engine recomputes what the batch touched in its teams.
    const histories = slugs.map((set) => randomHistory(seed, set, 6));
    for (let b = 0; b < histories[0].length; b++) {
      for (const [e, engine] of engines.entries()) {
        const batch = histories[e][b];
        const affected = new AffectedTeams();
        await runner.transaction(async (tx) => {
          await writePullRequests(tx, pullRequestBatch.parse(batch.prs), affected);
          await writeDeployments(tx, deploymentBatch.parse(batch.deployments), affected);
          await writeIncidents(tx, incidentBatch.parse(batch.incidents), affected);
          await writeWorkItems(tx, workItemBatch.parse(batch.items), affected);
        });
        touched[e].push(affected);
        await recomputeAffectedUsing(engine, affected);
      }
    }
    const incremental = await Promise.all(teamIds.map((ids) => valuesOf(ids)));
    expect(Object.keys(incremental[0]).length).toBeGreaterThan(500);

    // The whole history, by each engine: the same values. (The two team sets are compared with themselves
    // only: their deployments' ids differ, and ids order deployments that finished at the same instant.)
    const now = new Date();
    await recomputeTeamsUsing("memory", null, now);
    const full = await Promise.all(teamIds.map((ids) => valuesOf(ids)));
    await recomputeTeamsUsing("sql", null, now);
    for (const [e, ids] of teamIds.entries()) expect(await valuesOf(ids), engines[e]).toEqual(full[e]);
    for (const metric of ["lead_time", "recovery_time", "time_to_restore", "ai_pr_share", "change_failure_rate", "flow_time", "flow_efficiency", "alloc_debt"]) {
      expect(Object.keys(full[0]).filter((k) => k.startsWith(`${metric}|`)).length, metric).toBeGreaterThan(3);
    }

    // The one-change breakdown names the deployment the whole history gives it, for every merged pull request.
    const services = await db.service.findMany({ where: { teamId: { in: teamIds[0] } }, select: { id: true, teamId: true } });
    let checked = 0;
    for (const teamId of teamIds[0]) {
      const rows = await loadDeliveryRows(runner, services.filter((s) => s.teamId === teamId).map((s) => s.id), null);
      const shipper = new Map(attributeChanges(rows.prs, rows.deployments).map((c) => [c.prId, rows.deployments.find((d) => d.id === c.deploymentId)?.externalId ?? null]));
      for (const pr of rows.prs) {
        const breakdown = await getPullRequestBreakdown(pr.externalId, (await db.service.findUniqueOrThrow({ where: { id: pr.serviceId } })).name);
        expect(breakdown.deployment?.externalId ?? null, `${teamId} ${pr.externalId}`).toBe(shipper.get(pr.id));
        checked += shipper.get(pr.id) ? 1 : 0;
      }
    }
    expect(checked).toBeGreaterThan(20);

    for (const [e, engine] of engines.entries()) {
      // Each engine's incremental recomputes left what the whole history gives, plus zero counts for untouched weeks…
      for (const [key, value] of Object.entries(incremental[e])) expect(full[e][key], `${engine} ${key}`).toEqual(value);
      for (const [key, value] of Object.entries(full[e])) if (!(key in incremental[e])) expect(value, `${engine} ${key}`).toEqual([0, null, null]);
      // …and over the final history, its incremental recompute of any batch's weeks, in either set, changes nothing.
      for (const [w, ids] of teamIds.entries()) {
        for (const affected of touched[w]) await recomputeAffectedUsing(engine, affected, now);
        expect(await valuesOf(ids), `${engine} over ${engines[w]}`).toEqual(full[w]);
      }
    }
  });
});
