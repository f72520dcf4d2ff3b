/**
 * Demo delivery events: for every demo team's services, two years of deployments (with the odd failure,
 * rollback and hotfix), the pull requests each deployment ships (commits and reviews included), the
 * incidents failures cause — many more in the incident-heavy quarter for the teams it hit — and the
 * team's work items with status transitions. Written through the ingestion writers, then the full
 * recompute turns them into the weekly DORA and flow values, exactly as real events would.
 * Deterministic: the same seed and window give the same events.
 */
import "server-only";
import type { Db } from "@/lib/server/db";
import { sqlRunner } from "@/lib/server/db";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { recomputeTeams, type RecomputeResult } from "@/lib/server/services/delivery/recompute";
import { writeDeployments } from "@/lib/server/services/ingest/deployments";
import { writeIncidents } from "@/lib/server/services/ingest/incidents";
import { writePullRequests } from "@/lib/server/services/ingest/pull-requests";
import { writeWorkItems } from "@/lib/server/services/ingest/work-items";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { DeploymentInput, IncidentInput, PullRequestInput, WorkItemInput } from "@/lib/validation/ingest";
import { TEAMS, type TeamPlan } from "./org-plan";
import { streamFor, type Rng } from "./prng";
import { incidentIntensity, progress, seasonality } from "./values/curves";
import type { DemoWindow } from "./window";

export interface DeliverySeedContext {
  seed: number;
  window: DemoWindow;
  /** Nothing happens after this instant. */
  now: Date;
}

export interface DeliverySeedSummary {
  deployments: number;
  pullRequests: number;
  incidents: number;
  workItems: number;
  recomputed: RecomputeResult;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BATCH = 1000;
const DEVELOPERS = ["amara", "ben", "chen", "dita", "emil", "farah", "gus", "hana", "ivo", "jun", "kai", "lena"];

const lognormalHours = (rng: Rng, medianHours: number, sd: number) => medianHours * HOUR * Math.exp(rng.normal(0, sd));
const iso = (ms: number) => new Date(Math.round(ms / 1000) * 1000).toISOString();
/** A working-hours instant (Monday–Friday, 08:00–18:00 UTC) of the week starting `week`. */
const workingInstant = (rng: Rng, week: string) => Date.parse(`${week}T08:00:00Z`) + rng.int(0, 4) * DAY + rng.uniform(0, 10) * HOUR;

interface TeamEvents {
  deployments: DeploymentInput[];
  prs: PullRequestInput[];
  incidents: IncidentInput[];
  items: WorkItemInput[];
}

function serviceEvents(plan: TeamPlan, service: string, ctx: DeliverySeedContext, nowMs: number, out: TeamEvents): void {
  const rng = streamFor(ctx.seed, `delivery-events:${service}`);
  const { window } = ctx;
  const perService = plan.deployRate / plan.services.length;
  let seq = 0;
  let lastSuccess = Date.parse(`${window.firstWeek}T00:00:00Z`) - 2 * DAY;
  for (const week of window.weeks) {
    const t = progress(window, week);
    const incident = plan.incidentQuarter ? incidentIntensity(window, week) : 0;
    const count = rng.poisson(perService * (1 + 0.5 * t) * seasonality(week) * (1 - 0.15 * incident));
    const times = Array.from({ length: count }, () => workingInstant(rng, week)).sort((a, b) => a - b);
    for (const finished of times) {
      if (finished > nowMs) continue;
      const id = `${service}-${++seq}`;
      const failProbability = Math.min(0.5, 0.12 * (1 - 0.35 * t) + 0.25 * incident);
      const failed = rng.chance(failProbability * 0.3);
      const sha = `${id}-sha`;
      out.deployments.push({
        externalId: id, service, environment: "production", status: failed ? "failure" : "success", kind: "regular",
        startedAt: iso(finished - rng.uniform(4, 20) * 60_000), finishedAt: iso(finished), commitSha: sha,
      });
      if (failed) continue;
      // The changes this deployment ships: merged since the previous successful deployment.
      const prs = rng.poisson(1.4);
      for (let p = 0; p < prs; p++) {
        const merged = lastSuccess + rng.uniform(0.05, 1) * (finished - lastSuccess);
        const review = lognormalHours(rng, 3 * (1 - 0.4 * t), 0.6);
        const pickup = lognormalHours(rng, 5 * (1 - 0.45 * t), 0.7);
        const coding = lognormalHours(rng, 20 * (1 - 0.3 * t), 0.8);
        const created = merged - review - pickup;
        const author = rng.pick(DEVELOPERS);
        const reviewer = rng.pick(DEVELOPERS.filter((d) => d !== author));
        const ai = rng.chance(0.05 + 0.4 * t);
        out.prs.push({
          externalId: `${id}-pr${p}`, service, title: `Change ${seq}.${p} to ${service}`, author,
          createdAt: iso(created), mergedAt: iso(merged), mergeCommitSha: `${id}-m${p}`,
          commits: [{ sha: `${id}-c${p}a`, authoredAt: iso(created - coding) }, { sha: `${id}-c${p}b`, authoredAt: iso(created - coding / 3) }],
          reviews: [{ author: reviewer, submittedAt: iso(created + pickup) }],
          labels: ai ? ["ai-assisted"] : [],
        });
      }
      lastSuccess = finished;
      if (!rng.chance(failProbability * 0.7)) continue;
      // A production problem traced to this deployment: an incident, often fixed by a hotfix.
      const opened = finished + rng.uniform(0.3, 8) * HOUR;
      const restore = lognormalHours(rng, 1.5 * (1 + 2 * incident) * (1 - 0.3 * t), 0.7);
      if (opened > nowMs) continue;
      out.incidents.push({
        externalId: `INC-${id}`, service, title: `${service} degraded`, severity: rng.pick(["sev1", "sev2", "sev2", "sev3", "sev3", "sev3"]),
        openedAt: iso(opened), resolvedAt: opened + restore < nowMs ? iso(opened + restore) : null,
      });
      if (rng.chance(0.45) && opened + restore < nowMs) {
        const fix = opened + restore * rng.uniform(0.5, 0.95);
        out.deployments.push({
          externalId: `${id}-hotfix`, service, environment: "production", status: "success", kind: rng.chance(0.3) ? "rollback" : "hotfix",
          finishedAt: iso(fix), commitSha: `${id}-hotfix-sha`,
        });
        lastSuccess = Math.max(lastSuccess, fix);
      }
    }
  }
}

const TYPE_WEIGHTS: [WorkItemInput["type"], number][] = [["feature", 0.55], ["defect", 0.24], ["risk", 0.05], ["debt", 0.16]];

function workItems(plan: TeamPlan, ctx: DeliverySeedContext, nowMs: number, out: TeamEvents): void {
  const rng = streamFor(ctx.seed, `work-items:${plan.slug}`);
  let seq = 0;
  for (const week of ctx.window.weeks) {
    const incident = plan.incidentQuarter ? incidentIntensity(ctx.window, week) : 0;
    const count = rng.poisson(plan.size.start * 0.7 * seasonality(week));
    for (let i = 0; i < count; i++) {
      const created = workingInstant(rng, week);
      let roll = rng.next() - 0.25 * incident;
      let type: WorkItemInput["type"] = "defect";
      if (incident === 0 || roll >= 0) {
        roll = Math.max(roll, 0);
        for (const [t, w] of TYPE_WEIGHTS) {
          if (roll < w) {
            type = t;
            break;
          }
          roll -= w;
        }
      }
      const started = created + lognormalHours(rng, 30, 0.8);
      const review = started + lognormalHours(rng, 36, 0.7);
      const blocked = rng.chance(0.25);
      const done = review + lognormalHours(rng, 14, 0.6) + (blocked ? lognormalHours(rng, 48, 0.5) : 0);
      const transitions = [{ status: "To Do", at: iso(created) }];
      if (started < nowMs) transitions.push({ status: "In Progress", at: iso(started) });
      if (blocked && review < nowMs) transitions.push({ status: "Blocked", at: iso((started + review) / 2) }, { status: "In Progress", at: iso((started + review) / 2 + 48 * HOUR) });
      if (review < nowMs) transitions.push({ status: "In Review", at: iso(Math.max(review, blocked ? (started + review) / 2 + 48 * HOUR + HOUR : review)) });
      if (done < nowMs) transitions.push({ status: "Done", at: iso(Math.max(done, Date.parse(transitions[transitions.length - 1].at) + HOUR)) });
      if (created > nowMs) continue;
      out.items.push({ externalId: `${plan.slug.toUpperCase()}-${++seq}`, team: plan.slug, type, title: `${type} ${seq}`, createdAt: iso(created), transitions });
    }
  }
}

async function writeInBatches<T>(runner: SqlRunner, items: readonly T[], write: (tx: SqlRunner, batch: readonly T[], affected: AffectedTeams) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) {
    const batch = items.slice(i, i + BATCH);
    await runner.transaction((tx) => write(tx, batch, new AffectedTeams()));
  }
}

export async function seedDeliveryEvents(db: Db, ctx: DeliverySeedContext): Promise<DeliverySeedSummary> {
  const nowMs = ctx.now.getTime();
  const existing = new Set((await db.team.findMany({ select: { slug: true } })).map((t) => t.slug));
  const events: TeamEvents = { deployments: [], prs: [], incidents: [], items: [] };
  for (const plan of TEAMS.filter((t) => existing.has(t.slug))) {
    for (const service of plan.services) serviceEvents(plan, service, ctx, nowMs, events);
    workItems(plan, ctx, nowMs, events);
  }
  const runner = await sqlRunner();
  await writeInBatches(runner, events.deployments, writeDeployments);
  await writeInBatches(runner, events.prs, writePullRequests);
  await writeInBatches(runner, events.incidents, writeIncidents);
  await writeInBatches(runner, events.items, writeWorkItems);
  const recomputed = await recomputeTeams(null, ctx.now);
  return { deployments: events.deployments.length, pullRequests: events.prs.length, incidents: events.incidents.length, workItems: events.items.length, recomputed };
}
