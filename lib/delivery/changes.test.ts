import { describe, expect, it } from "vitest";
import { attributeChanges, shippingDeployments } from "./changes";
import { deployment, pullRequest } from "./test-builders";

const first = deployment("d1", "2026-03-02T10:00:00Z");

describe("attributeChanges", () => {
  it("measures coding, pickup, review and deploy for a PR shipped by merge time", () => {
    const pr = pullRequest("a", {
      firstCommit: "2026-03-02T09:00:00Z",
      created: "2026-03-02T12:00:00Z",
      review: "2026-03-02T13:00:00Z",
      merged: "2026-03-02T14:00:00Z",
    });
    const [change] = attributeChanges([pr], [first, deployment("d2", "2026-03-03T10:00:00Z")]);
    // coding 3h, pickup 1h, review 1h, deploy 20h; lead = coding + opened→merged (2h) + deploy.
    expect(change).toMatchObject({ deploymentId: "d2", coding: 180, pickup: 60, review: 60, deploy: 1200, leadTime: 1500 });
  });

  it("ships nothing with the first-ever deployment of a service/environment, even with an explicit list", () => {
    const pr = pullRequest("a", { created: "2026-03-01T08:00:00Z", merged: "2026-03-01T09:00:00Z" });
    const explicitFirst = deployment("d1", "2026-03-02T10:00:00Z", { commits: ["merge-a"] });
    const [change] = attributeChanges([pr], [explicitFirst]);
    expect(change).toMatchObject({ deploymentId: null, deploy: null, leadTime: null, cycleTime: 60 });
  });

  it("ignores failed, staging and other services' deployments under merge-time attribution", () => {
    const pr = pullRequest("a", { created: "2026-03-02T11:00:00Z", merged: "2026-03-02T12:00:00Z" });
    const deps = [
      first,
      deployment("failed", "2026-03-02T13:00:00Z", { status: "failure" }),
      deployment("stg0", "2026-03-01T13:00:00Z", { environment: "staging" }),
      deployment("stg", "2026-03-02T14:00:00Z", { environment: "staging" }),
      deployment("web0", "2026-03-01T13:00:00Z", { serviceId: "web" }),
      deployment("web", "2026-03-02T14:00:00Z", { serviceId: "web" }),
      deployment("d2", "2026-03-02T15:00:00Z"),
    ];
    expect(attributeChanges([pr], deps)[0]).toMatchObject({ deploymentId: "d2", deploy: 180, leadTime: 240 });
  });

  it("counts a PR merged exactly at a deployment's finish in that deployment, and one merged after in the next", () => {
    const atFinish = pullRequest("x", { created: "2026-03-03T09:00:00Z", merged: "2026-03-03T10:00:00Z" });
    const after = pullRequest("y", { created: "2026-03-03T09:00:00Z", merged: "2026-03-03T10:00:01Z" });
    const deps = [first, deployment("d2", "2026-03-03T10:00:00Z"), deployment("d3", "2026-03-04T10:00:00Z")];
    const byId = new Map(attributeChanges([atFinish, after], deps).map((c) => [c.prId, c]));
    expect(byId.get("x")).toMatchObject({ deploymentId: "d2", deploy: 0, leadTime: 60 });
    expect(byId.get("y")).toMatchObject({ deploymentId: "d3", deploy: 1440, leadTime: 1501 });
  });

  it("with an explicit commit list ships only the listed merge commits, across services", () => {
    const listed = pullRequest("c", { created: "2026-03-05T07:00:00Z", merged: "2026-03-05T08:00:00Z" }, { mergeCommitSha: "mc" });
    const otherService = pullRequest("o", { created: "2026-03-05T07:00:00Z", merged: "2026-03-05T08:00:00Z" }, { serviceId: "lib", mergeCommitSha: "mo" });
    const unlisted = pullRequest("u", { created: "2026-03-05T07:00:00Z", merged: "2026-03-05T08:30:00Z" }, { mergeCommitSha: "mu" });
    const deps = [first, deployment("d5", "2026-03-05T09:00:00Z", { commits: ["mc", "mo"] })];
    const byId = new Map(attributeChanges([listed, otherService, unlisted], deps).map((c) => [c.prId, c]));
    expect(byId.get("c")?.deploymentId).toBe("d5");
    expect(byId.get("o")?.deploymentId).toBe("d5");
    expect(byId.get("u")?.deploymentId).toBeNull();
  });

  it("treats the deployment's own commit as shipped when it lists commits", () => {
    const pr = pullRequest("p", { created: "2026-03-03T07:00:00Z", merged: "2026-03-03T08:00:00Z" }, { mergeCommitSha: "head" });
    const deps = [first, deployment("d2", "2026-03-03T09:00:00Z", { commitSha: "head", commits: ["other"] })];
    expect(attributeChanges([pr], deps)[0].deploymentId).toBe("d2");
  });

  it("gives a PR to the earliest-finishing deployment when several would ship it", () => {
    const pr = pullRequest("p", { created: "2026-03-03T07:00:00Z", merged: "2026-03-03T08:00:00Z" }, { mergeCommitSha: "m" });
    const deps = [
      first,
      deployment("web0", "2026-03-01T10:00:00Z", { serviceId: "web" }),
      deployment("late", "2026-03-04T09:00:00Z", { commits: ["m"] }),
      deployment("web1", "2026-03-03T12:00:00Z", { serviceId: "web", commits: ["m"] }),
    ];
    expect(shippingDeployments([pr], deps).get("p")?.id).toBe("web1");
  });

  it("keeps the deployment but empties the deploy span when the PR merged after the deployment finished", () => {
    const pr = pullRequest("p", { created: "2026-03-03T07:00:00Z", merged: "2026-03-04T08:00:00Z" }, { mergeCommitSha: "m" });
    const deps = [first, deployment("d2", "2026-03-03T09:00:00Z", { commits: ["m"] })];
    expect(attributeChanges([pr], deps)[0]).toMatchObject({ deploymentId: "d2", deploy: null, leadTime: 1500 });
  });

  it("empties negative spans and ignores the author's own reviews", () => {
    const pr = pullRequest(
      "p",
      { firstCommit: "2026-03-03T12:00:00Z", created: "2026-03-03T10:00:00Z", merged: "2026-03-03T11:00:00Z" },
      {
        reviews: [
          { author: "alice", submittedAt: new Date("2026-03-03T10:01:00Z") },
          { author: "bob", submittedAt: new Date("2026-03-03T10:30:00Z") },
          { author: "carol", submittedAt: new Date("2026-03-03T10:10:30Z") },
        ],
      },
    );
    const [change] = attributeChanges([pr], [first, deployment("d2", "2026-03-03T11:30:00Z")]);
    // Coding is negative (first commit after opening) → empty; first non-author review is carol at 10:10:30.
    expect(change).toMatchObject({ coding: null, pickup: 11, review: 50, deploy: 30, leadTime: 90 });
  });

  it("leaves unmerged PRs out and keeps never-deployed PRs without a lead time", () => {
    const open = pullRequest("open", { created: "2026-03-03T07:00:00Z", merged: null });
    const waiting = pullRequest("waiting", { firstCommit: "2026-03-03T06:00:00Z", created: "2026-03-03T07:00:00Z", merged: "2026-03-03T08:00:00Z" });
    const changes = attributeChanges([open, waiting], [first]);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ prId: "waiting", deploymentId: null, cycleTime: 120, leadTime: null });
  });
});
