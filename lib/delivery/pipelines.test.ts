import { describe, expect, it } from "vitest";
import { deploymentsFromPipelines, toDeploymentEvents, type CiPipeline } from "./pipelines";

const pipeline = (id: string, fields: Partial<CiPipeline> = {}): CiPipeline => ({
  id,
  scopeId: "ci",
  result: "success",
  type: "deployment",
  environment: null,
  durationSec: 120,
  startedAt: null,
  finishedAt: new Date("2026-03-02T10:00:00Z"),
  ...fields,
});

describe("deploymentsFromPipelines", () => {
  it("makes one row per pipeline and repository, inferring environment and start", () => {
    const rows = deploymentsFromPipelines(
      [pipeline("p1"), pipeline("build", { type: "build" }), pipeline("skipped", { result: "SKIPPED" })],
      [
        { pipelineId: "p1", commitSha: "s1", repoUrl: "r/api" },
        { pipelineId: "p1", commitSha: "s2", repoUrl: "r/web" },
        { pipelineId: "build", commitSha: "s3", repoUrl: "r/api" },
        { pipelineId: "skipped", commitSha: "s4", repoUrl: "r/api" },
      ],
      [
        { pipelineId: "p1", result: "SUCCESS", type: "DEPLOYMENT", environment: "staging" },
        { pipelineId: "p1", result: "SUCCESS", type: null, environment: "testing" },
      ],
    );
    expect(rows.map((r) => [r.id, r.environment, r.result, r.startedAt?.toISOString()])).toEqual([
      ["p1:r/api", "STAGING", "SUCCESS", "2026-03-02T09:58:00.000Z"],
      ["p1:r/web", "STAGING", "SUCCESS", "2026-03-02T09:58:00.000Z"],
    ]);
  });

  it("counts a typeless pipeline with a deployment task, but not one whose deployment task was skipped", () => {
    const rows = deploymentsFromPipelines(
      [pipeline("a", { type: null, result: "FAILURE" }), pipeline("b", { type: null })],
      [
        { pipelineId: "a", commitSha: "s1", repoUrl: "r" },
        { pipelineId: "b", commitSha: "s2", repoUrl: "r" },
      ],
      [
        { pipelineId: "a", result: "failure", type: "deployment", environment: "production" },
        { pipelineId: "b", result: "SKIPPED", type: "DEPLOYMENT", environment: "PRODUCTION" },
      ],
    );
    expect(rows.map((r) => [r.pipelineId, r.result, r.environment])).toEqual([["a", "FAILURE", "PRODUCTION"]]);
  });
});

describe("toDeploymentEvents", () => {
  it("drops unfinished rows and rows of unknown services, and lower-cases the environment", () => {
    const rows = deploymentsFromPipelines(
      [pipeline("done", { environment: "PRODUCTION" }), pipeline("running", { finishedAt: null }), pipeline("foreign")],
      [
        { pipelineId: "done", commitSha: "s1", repoUrl: "r/api" },
        { pipelineId: "running", commitSha: "s2", repoUrl: "r/api" },
        { pipelineId: "foreign", commitSha: "s3", repoUrl: "r/other" },
      ],
      [],
    );
    const events = toDeploymentEvents(rows, (row) => (row.repoUrl === "r/api" ? "api" : null));
    expect(events).toEqual([
      {
        id: "done:r/api",
        serviceId: "api",
        environment: "production",
        status: "success",
        kind: "regular",
        startedAt: new Date("2026-03-02T09:58:00Z"),
        finishedAt: new Date("2026-03-02T10:00:00Z"),
        commitSha: "s1",
        commits: null,
      },
    ]);
  });
});
