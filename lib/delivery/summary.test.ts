import { describe, expect, it } from "vitest";
import { computeDeliverySummary } from "./summary";
import { deployment, incident, pullRequest } from "./test-builders";

/**
 * One week (Mon 2026-03-02 … Sun 2026-03-08, UTC) of two services, worked by hand:
 * api:  d1 first ever (ships nothing) · d2 ships PR a · d3 fails · d4 hotfix ships PR b ·
 *       d5 lists commit "mc" (PR c) · d6 ships PR d by merge time · PR e never deployed.
 * web:  w1 first ever · w2 rolls it back late on Saturday.
 * Incidents: i0 before any deployment (previous week) · i1 after d2, resolved · i2 names d5, still open.
 */
const deployments = [
  deployment("d1", "2026-03-02T10:00:00Z"),
  deployment("d2", "2026-03-03T10:00:00Z"),
  deployment("d3", "2026-03-04T10:00:00Z", { status: "failure" }),
  deployment("d4", "2026-03-04T12:00:00Z", { kind: "hotfix" }),
  deployment("d5", "2026-03-05T09:00:00Z", { commits: ["mc"] }),
  deployment("d6", "2026-03-06T09:00:00Z"),
  deployment("s1", "2026-03-05T00:00:00Z", { environment: "staging" }),
  deployment("w1", "2026-03-02T08:00:00Z", { serviceId: "web" }),
  deployment("w2", "2026-03-07T23:30:00Z", { serviceId: "web", kind: "rollback" }),
];

const prs = [
  // coding 180, opened→merged 120, deploy (d2) 1200 → 1500; pickup 60, review 60.
  pullRequest("a", { firstCommit: "2026-03-02T09:00:00Z", created: "2026-03-02T12:00:00Z", review: "2026-03-02T13:00:00Z", merged: "2026-03-02T14:00:00Z" }),
  // d3 failed, so d4 ships it: coding 60, opened→merged 1440, deploy 180 → 1680.
  pullRequest("b", { firstCommit: "2026-03-03T08:00:00Z", created: "2026-03-03T09:00:00Z", merged: "2026-03-04T09:00:00Z" }),
  // listed by d5: coding 30, opened→merged 60, deploy 60 → 150.
  pullRequest("c", { firstCommit: "2026-03-05T06:30:00Z", created: "2026-03-05T07:00:00Z", merged: "2026-03-05T08:00:00Z" }, { mergeCommitSha: "mc" }),
  // merged after d5 finished, shipped by d6: coding 30, opened→merged 30, deploy 1380 → 1440.
  pullRequest("d", { firstCommit: "2026-03-05T09:00:00Z", created: "2026-03-05T09:30:00Z", merged: "2026-03-05T10:00:00Z" }),
  pullRequest("e", { created: "2026-03-06T10:00:00Z", merged: "2026-03-06T12:00:00Z" }),
];

const incidents = [
  incident("i0", "2026-03-01T08:00:00Z", "2026-03-01T09:00:00Z", { severity: "SEV2" }),
  incident("i1", "2026-03-03T11:00:00Z", "2026-03-03T15:00:00Z", { severity: "SEV1" }),
  incident("i2", "2026-03-06T10:00:00Z", null, { causedByDeploymentId: "d5" }),
];

describe("computeDeliverySummary", () => {
  const summary = computeDeliverySummary({ deployments, prs, incidents, from: "2026-03-02", to: "2026-03-08", timeZone: "UTC" });

  it("counts successful production deployments and deploy-days", () => {
    // d1, d2, d4, d5, d6, w1, w2 on six distinct days (03-02 … 03-07) of one week.
    expect(summary.deployments.count).toBe(7);
    expect(summary.deploymentFrequency).toEqual({
      count: 7,
      perWeek: 7,
      medianDeployDaysPerWeek: 6,
      medianDeployDaysPerMonth: 6,
      tier: "on-demand",
      band: "elite",
    });
  });

  it("takes the median lead time over the changes deployed in the period", () => {
    // [150, 1440, 1500, 1680]; parts: coding [30, 30, 60, 180], deploy [60, 180, 1200, 1380].
    expect(summary.leadTime).toEqual({
      median: 1470,
      p85: 1599,
      count: 4,
      coding: 45,
      pickup: 60,
      review: 60,
      deploy: 690,
      band: "high",
    });
  });

  it("counts a deployment as failed for an incident, a failure status or a hotfix/rollback after it", () => {
    // d2 (incident i1 + hotfix d4 next), d3 (failed), d5 (names i2), w1 (rolled back by w2): 4 of 8.
    expect(summary.changeFailureRate).toEqual({ failed: 4, total: 8, rate: 0.5, band: "low" });
  });

  it("measures recovery per failed deployment and restore per resolved incident", () => {
    // d2 → i1 resolved 15:00 = 300; d3 → d4 = 120; w1 → w2 = 8130; d5's incident is still open.
    // p85 of [120, 300, 8130]: rank 1.7 → 300 + 0.7 × 7830 = 5781.
    expect(summary.recoveryTime).toEqual({ median: 300, p85: 5781, count: 3, band: "high" });
    // i1 only: i0 resolved before the period, i2 is open.
    expect(summary.timeToRestore).toEqual({ median: 240, p85: 240, count: 1 });
  });

  it("reports the rework rate and incidents opened", () => {
    expect(summary.rework).toEqual({ rework: 2, total: 8, rate: 0.25 });
    expect(summary.incidents).toEqual({ opened: 2, bySeverity: { SEV1: 1, unknown: 1 } });
  });

  it("follows the org time zone at the period's edge", () => {
    // In Berlin w2 (Sat 23:30 UTC) is Sunday 00:30 — still inside; a period ending Saturday loses it.
    const berlin = computeDeliverySummary({ deployments, prs, incidents, from: "2026-03-02", to: "2026-03-07", timeZone: "Europe/Berlin" });
    expect(berlin.deployments.count).toBe(6);
    expect(berlin.rework).toEqual({ rework: 1, total: 7, rate: 1 / 7 });
  });

  it("is empty, not zero, for a period without events", () => {
    const empty = computeDeliverySummary({ deployments, prs, incidents, from: "2026-01-05", to: "2026-01-11", timeZone: "UTC" });
    expect(empty.leadTime.median).toBeNull();
    expect(empty.changeFailureRate).toEqual({ failed: 0, total: 0, rate: null, band: null });
    expect(empty.deploymentFrequency.tier).toBe("monthly-or-less");
  });
});
