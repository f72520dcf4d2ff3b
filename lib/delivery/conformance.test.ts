/**
 * Conformance with Apache DevLake's DORA end-to-end fixtures (see ../shared/conformance/devlake-dora/README.md).
 * Each fixture group is mapped onto our own event model and run through our computations.
 *
 * Deliberate differences from DevLake, stated here and checked as such:
 * 1. Change lead time: DevLake reports `pr_cycle_time` for every merged PR; our change lead time is the
 *    same sum but only for a PR a deployment shipped (`cycleTime` carries DevLake's number for all).
 * 2. Medians: DevLake takes the lower median (sorted[floor((n−1)/2)]); we take the conventional median.
 *    The lower median is checked with a helper local to this test.
 * 3. Incident links: DevLake links an incident to the latest deployment of the whole project; we link within
 *    the incident's service. The adapter therefore gives every deployment and incident of project1 the
 *    service "project1".
 * 4. Change failure rate: DevLake counts deployments (pipelines) and ignores failed attempts inside a
 *    pipeline that later succeeded; we count every deployment event, and a failed one counts as a failure.
 *    For the dashboard numbers the adapter makes one deployment per production pipeline (successful when
 *    any of its rows succeeded, finishing with its last successful row) and names the incident's deployment.
 * 5. Reviews: our reviews carry no id, so the first review is identified by its time (ties in file order).
 * 6. DevLake picks the earliest-starting shipping deployment; we pick the earliest-finishing. No fixture PR
 *    has two candidates, so this does not show.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { attributeChanges } from "./changes";
import { previousSuccessfulDeployments } from "./deployments";
import { linkIncidents } from "./incidents";
import { deploymentsFromPipelines, type CiPipeline } from "./pipelines";
import { computeDeliverySummary } from "./summary";
import type { DeploymentEvent, IncidentEvent, PullRequestEvent } from "./types";

const ROOT = path.resolve(process.cwd(), "../shared/conformance/devlake-dora");
const present = existsSync(ROOT);
if (!present) console.warn(`DevLake conformance fixtures not found at ${ROOT}; conformance tests skipped.`);

type Row = Record<string, string>;

/** Minimal RFC 4180 reader: quoted fields with doubled quotes; no newlines inside fields in these fixtures. */
function readCsv(relative: string): Row[] {
  const lines = readFileSync(path.join(ROOT, relative), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
  const split = (line: string): string[] => {
    const cells: string[] = [];
    let cell = "";
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted && ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') {
        quoted = !quoted;
      } else if (ch === "," && !quoted) {
        cells.push(cell);
        cell = "";
      } else {
        cell += ch;
      }
    }
    cells.push(cell);
    return cells;
  };
  const header = split(lines[0]);
  return lines.slice(1).map((line) => {
    const cells = split(line);
    return Object.fromEntries(header.map((h, i) => [h, cells[i] ?? ""]));
  });
}

/** DevLake writes both `2023-4-10 6:51:47` and `2023-04-10T06:51:47.000+00:00`; all UTC. */
function time(value: string): Date | null {
  if (value.trim() === "") return null;
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.exec(value.trim());
  if (!m) throw new Error(`unreadable time ${value}`);
  const ms = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
  let t = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], ms);
  if (m[8] && m[8] !== "Z") {
    const sign = m[8][0] === "-" ? -1 : 1;
    t -= sign * (Number(m[8].slice(1, 3)) * 60 + Number(m[8].slice(4, 6))) * 60_000;
  }
  return new Date(t);
}

function requiredTime(value: string): Date {
  const t = time(value);
  if (!t) throw new Error("missing time");
  return t;
}

function minutes(value: string): number | null {
  return value === "" ? null : Number(value);
}

function lowerMedian(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function projectRows(folder: string, project: string, table: string): Set<string> {
  return new Set(
    readCsv(`${folder}/project_mapping.csv`)
      .filter((r) => r.project_name === project && r.table === table)
      .map((r) => r.row_id),
  );
}

function deploymentFromRow(row: Row, serviceId: string, commits: string[] | null = null): DeploymentEvent {
  return {
    id: row.id,
    serviceId,
    environment: row.environment.toLowerCase(),
    status: row.result === "SUCCESS" ? "success" : "failure",
    kind: "regular",
    startedAt: time(row.started_date),
    finishedAt: requiredTime(row.finished_date),
    commitSha: row.commit_sha,
    commits,
  };
}

describe.skipIf(!present)("DevLake conformance: change lead time", () => {
  const dir = "change_lead_time";
  const load = () => {
    const repos = projectRows(dir, "project1", "repos");
    const scopes = projectRows(dir, "project1", "cicd_scopes");
    const commits = readCsv(`${dir}/pull_request_commits.csv`);
    const comments = readCsv(`${dir}/pull_request_comments.csv`);
    const prRows = readCsv(`${dir}/pull_requests.csv`).filter((r) => repos.has(r.base_repo_id));
    const prs: PullRequestEvent[] = prRows.map((r) => ({
      id: r.id,
      serviceId: r.base_repo_id,
      author: r.author_id,
      createdAt: requiredTime(r.created_date),
      mergedAt: time(r.merged_date),
      mergeCommitSha: r.merge_commit_sha || null,
      commits: commits
        .filter((c) => c.pull_request_id === r.id)
        .map((c) => ({ sha: c.commit_sha, authoredAt: requiredTime(c.commit_authored_date) })),
      reviews: comments
        .filter((c) => c.pull_request_id === r.id)
        .map((c) => ({ author: c.account_id, submittedAt: requiredTime(c.created_date) })),
    }));
    // A deployment ships the commits of its range (commits_diffs: new = this deployment's sha). The
    // first deployment of a range, staging and failed deployments are in the lists too; our rules drop them.
    const diffs = readCsv(`${dir}/commits_diffs.csv`);
    const deployments = readCsv(`${dir}/cicd_deployment_commits.csv`)
      .filter((r) => scopes.has(r.cicd_scope_id))
      .map((r) => {
        const shipped = diffs.filter((d) => d.new_commit_sha === r.commit_sha).map((d) => d.commit_sha);
        return deploymentFromRow(r, `${r.cicd_scope_id}/${r.repo_url}`, shipped.length > 0 ? shipped : null);
      });
    return { prs, deployments, comments };
  };

  it("reproduces every per-PR value of project_pr_metrics.csv", () => {
    const { prs, deployments, comments } = load();
    const changes = attributeChanges(prs, deployments);
    const expected = readCsv(`${dir}/project_pr_metrics.csv`);

    // pr6 is unmerged: no change, no row.
    expect(changes.map((c) => c.prId).sort()).toEqual(expected.map((e) => e.id).sort());
    expect(expected).toHaveLength(6);

    for (const e of expected) {
      const c = changes.find((x) => x.prId === e.id);
      expect(c, e.id).toBeDefined();
      if (!c) continue;
      const firstReviewId = c.firstReviewAt
        ? comments.find((r) => r.pull_request_id === e.id && requiredTime(r.created_date).getTime() === c.firstReviewAt?.getTime())?.id
        : "";
      expect(
        {
          id: c.prId,
          firstCommitSha: c.firstCommitSha,
          firstCommitAt: c.firstCommitAt?.getTime() ?? null,
          firstReviewId: firstReviewId ?? "",
          firstReviewAt: c.firstReviewAt?.getTime() ?? null,
          mergedAt: c.mergedAt.getTime(),
          coding: c.coding,
          pickup: c.pickup,
          review: c.review,
          deploymentId: c.deploymentId ?? "",
          deploy: c.deploy,
          deployedAt: c.deployedAt?.getTime() ?? null,
          cycleTime: c.cycleTime,
        },
        e.id,
      ).toEqual({
        id: e.id,
        firstCommitSha: e.first_commit_sha,
        firstCommitAt: time(e.first_commit_authored_date)?.getTime() ?? null,
        firstReviewId: e.first_review_id,
        firstReviewAt: time(e.first_comment_date)?.getTime() ?? null,
        mergedAt: time(e.pr_merged_date)?.getTime(),
        coding: minutes(e.pr_coding_time),
        pickup: minutes(e.pr_pickup_time),
        review: minutes(e.pr_review_time),
        deploymentId: e.deployment_commit_id,
        deploy: minutes(e.pr_deploy_time),
        deployedAt: time(e.pr_deployed_date)?.getTime() ?? null,
        cycleTime: minutes(e.pr_cycle_time),
      });
      // Difference 1: the change lead time exists only once a deployment shipped the PR.
      expect(c.leadTime, e.id).toBe(e.deployment_commit_id === "" ? null : minutes(e.pr_cycle_time));
    }
  });

  it("spells out the README example and the never-deployed PRs", () => {
    const { prs, deployments } = load();
    const byId = new Map(attributeChanges(prs, deployments).map((c) => [c.prId, c]));
    expect(byId.get("pr1")).toMatchObject({ coding: 1440, pickup: 5, review: 55, deploy: 2978, leadTime: 4478, deploymentId: "5" });
    // pr0's merge commit is only in the range of a first deployment (no previous): no measurable change.
    expect(byId.get("pr0")).toMatchObject({ deploymentId: null, cycleTime: 44640, leadTime: null });
    // pr3 was merged after the deployment that lists it finished: deployment kept, deploy time empty.
    expect(byId.get("pr3")).toMatchObject({ deploymentId: "6", deploy: null, leadTime: 10203 });
    // pr4 only reached staging, pr5 only a failed deployment.
    expect(byId.get("pr4")?.deploymentId).toBeNull();
    expect(byId.get("pr5")?.deploymentId).toBeNull();
  });

  it("gives the dashboard's median lead time 4478 minutes (lower and conventional median agree here)", () => {
    const { prs, deployments } = load();
    const deployed = attributeChanges(prs, deployments).flatMap((c) => (c.leadTime === null ? [] : [c.leadTime]));
    expect(deployed.sort((a, b) => a - b)).toEqual([1598, 4478, 10203]);
    expect(lowerMedian(deployed)).toBe(4478);
    // Part medians over the three deployed changes: coding [1440, 5883], pickup [5, 1], review [55, 60, 5760], deploy [2978, 1538].
    const summary = computeDeliverySummary({ deployments, prs, incidents: [], from: "2023-04-01", to: "2023-04-30", timeZone: "UTC" });
    expect(summary.leadTime).toMatchObject({ median: 4478, count: 3, coding: 3661.5, pickup: 3, review: 60, deploy: 2258 });
  });
});

describe.skipIf(!present)("DevLake conformance: previous successful deployment", () => {
  it("reproduces prev_success_deployment_commit_id of every row", () => {
    const dir = "prev_success_deployment_commit";
    const scopes = projectRows(dir, "project1", "cicd_scopes");
    const rows = readCsv(`${dir}/cicd_deployment_commits_before.csv`);
    const deployments = rows.filter((r) => scopes.has(r.cicd_scope_id)).map((r) => deploymentFromRow(r, `${r.cicd_scope_id}/${r.repo_url}`));
    const previous = previousSuccessfulDeployments(deployments);
    const expected = readCsv(`${dir}/cicd_deployment_commits_after.csv`);
    expect(expected).toHaveLength(rows.length);
    for (const e of expected) {
      expect(previous.get(e.id)?.id ?? "", `row ${e.id}`).toBe(e.prev_success_deployment_commit_id);
    }
    // Failed rows are not part of any chain; a first row has an explicit null.
    expect(previous.has("11")).toBe(false);
    expect(previous.get("1")).toBeNull();
  });
});

describe.skipIf(!present)("DevLake conformance: incident → deployment", () => {
  const dir = "connect_incident_to_deployment";
  const load = () => {
    const scopes = projectRows(`${dir}/raw_tables`, "project1", "cicd_scopes");
    const projectScopes = new Set([
      ...projectRows(`${dir}/raw_tables`, "project1", "repos"),
      ...projectRows(`${dir}/raw_tables`, "project1", "boards"),
    ]);
    const rows = readCsv(`${dir}/prev_success_deployment_commit/cicd_deployment_commits_after.csv`).filter((r) =>
      scopes.has(r.cicd_scope_id),
    );
    const pipelineOf = new Map(rows.map((r) => [r.id, r.cicd_deployment_id]));
    const deployments = rows.map((r) => deploymentFromRow(r, "project1"));
    const incidents: IncidentEvent[] = readCsv(`${dir}/raw_tables/incidents.csv`).map((r) => ({
      id: r.id,
      serviceId: projectScopes.has(r.scope_id) ? "project1" : `other:${r.scope_id}`,
      severity: null,
      openedAt: requiredTime(r.created_date),
      resolvedAt: null,
      causedByDeploymentId: null,
    }));
    return { rows, pipelineOf, deployments, incidents };
  };

  it("links every incident to the expected deployment, and the other project's incident to none", () => {
    const { pipelineOf, deployments, incidents } = load();
    const links = linkIncidents(incidents, deployments);
    const expected = readCsv(`${dir}/snapshot_tables/project_incident_deployment_relationships.csv`);
    const actual = incidents.flatMap((i) => {
      const deploymentId = links.get(i.id);
      return deploymentId ? [{ id: i.id, deployment_id: pipelineOf.get(deploymentId) }] : [];
    });
    expect(actual).toEqual(expected.map((e) => ({ id: e.id, deployment_id: e.deployment_id })));
    expect(links.get("github:GithubIssue:1:1373792477")).toBeNull();
  });

  it("gives the dashboard's September 2022 numbers: CFR 2/5, deploy-days 0 per week and 5 in the month", () => {
    const { rows, pipelineOf, deployments, incidents } = load();
    const links = linkIncidents(incidents, deployments);
    // Difference 4: one deployment per production pipeline; incidents name their pipeline.
    const byPipeline = new Map<string, DeploymentEvent>();
    for (const r of rows) {
      if (r.environment !== "PRODUCTION" || r.result !== "SUCCESS") continue;
      const finishedAt = requiredTime(r.finished_date);
      const current = byPipeline.get(r.cicd_deployment_id);
      if (current && current.finishedAt >= finishedAt) continue;
      byPipeline.set(r.cicd_deployment_id, {
        ...deploymentFromRow(r, "project1"),
        id: r.cicd_deployment_id,
        startedAt: null,
        finishedAt,
      });
    }
    expect([...byPipeline.keys()].sort()).toEqual(["pipeline1", "pipeline2", "pipeline4", "pipeline6", "pipeline7"]);
    const named = incidents.map((i) => {
      const deploymentId = links.get(i.id);
      return { ...i, causedByDeploymentId: deploymentId ? (pipelineOf.get(deploymentId) ?? null) : null };
    });
    const summary = computeDeliverySummary({
      deployments: [...byPipeline.values()],
      prs: [],
      incidents: named,
      from: "2022-09-01",
      to: "2022-09-30",
      timeZone: "UTC",
    });
    expect(summary.changeFailureRate).toMatchObject({ failed: 2, total: 5, rate: 0.4 });
    expect(summary.deployments.count).toBe(5);
    // Monday-weeks of September: 08-29 0, 09-05 0, 09-12 3, 09-19 2, 09-26 0.
    expect(summary.deploymentFrequency).toMatchObject({
      medianDeployDaysPerWeek: 0,
      medianDeployDaysPerMonth: 5,
      tier: "weekly-monthly",
    });
    expect(lowerMedian([0, 0, 3, 2, 0])).toBe(0);
  });
});

describe.skipIf(!present)("DevLake conformance: deployments from CI pipelines", () => {
  it("reproduces cicd_deployment_commits.csv", () => {
    const dir = "deployment_generator";
    const scopes = projectRows(dir, "project1", "cicd_scopes");
    const pipelines: CiPipeline[] = readCsv(`${dir}/cicd_pipelines.csv`)
      .filter((r) => scopes.has(r.cicd_scope_id))
      .map((r) => ({
        id: r.id,
        scopeId: r.cicd_scope_id,
        result: r.result,
        type: r.type || null,
        environment: r.environment || null,
        durationSec: r.duration_sec === "" ? null : Number(r.duration_sec),
        startedAt: null, // the fixture's pipelines carry no start; DevLake derives it from finish − duration
        finishedAt: time(r.finished_date),
      }));
    const commits = readCsv(`${dir}/cicd_pipeline_commits.csv`).map((r) => ({
      pipelineId: r.pipeline_id,
      commitSha: r.commit_sha,
      repoUrl: r.repo_url,
    }));
    const tasks = readCsv(`${dir}/cicd_tasks.csv`).map((r) => ({
      pipelineId: r.pipeline_id,
      result: r.result,
      type: r.type || null,
      environment: r.environment || null,
    }));
    const actual = deploymentsFromPipelines(pipelines, commits, tasks)
      .map((d) => ({
        id: d.id,
        commit_sha: d.commitSha,
        cicd_scope_id: d.scopeId,
        cicd_deployment_id: d.pipelineId,
        result: d.result,
        repo_url: d.repoUrl,
        environment: d.environment,
        started_date: d.startedAt?.getTime() ?? null,
        finished_date: d.finishedAt?.getTime() ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    const expected = readCsv(`${dir}/cicd_deployment_commits.csv`)
      .map((e) => ({
        id: e.id,
        commit_sha: e.commit_sha,
        cicd_scope_id: e.cicd_scope_id,
        cicd_deployment_id: e.cicd_deployment_id,
        result: e.result,
        repo_url: e.repo_url,
        environment: e.environment,
        started_date: time(e.started_date)?.getTime() ?? null,
        finished_date: time(e.finished_date)?.getTime() ?? null,
      }))
      .sort((a, b) => a.id.localeCompare(b.id));
    expect(actual).toEqual(expected);
  });
});
