import { describe, expect, it } from "vitest";
import { deployment, incident, pullRequest } from "./test-builders";
import { computeDeliveryWeekly } from "./weekly";

describe("computeDeliveryWeekly", () => {
  const deployments = [
    deployment("d1", "2026-02-24T10:00:00Z"),
    deployment("late-sunday", "2026-03-01T23:30:00Z"), // Monday 00:30 in Berlin
    deployment("d3", "2026-03-03T10:00:00Z", { status: "failure" }),
    deployment("d4", "2026-03-03T11:00:00Z", { kind: "hotfix" }),
  ];
  const prs = [
    // Shipped by late-sunday: opened→merged 60, deploy 30.
    pullRequest("a", { created: "2026-03-01T22:00:00Z", merged: "2026-03-01T23:00:00Z" }),
  ];
  const incidents = [incident("i", "2026-03-02T08:00:00Z", "2026-03-02T09:00:00Z", { causedByDeploymentId: "late-sunday" })];

  it("buckets by ISO week in the org time zone, weeks without events included", () => {
    const weeks = computeDeliveryWeekly({ deployments, prs, incidents, fromWeek: "2026-02-23", toWeek: "2026-03-09", timeZone: "Europe/Berlin" });
    expect(weeks.map((w) => w.weekStart)).toEqual(["2026-02-23", "2026-03-02", "2026-03-09"]);
    const [w1, w2, w3] = weeks;
    expect(w1).toMatchObject({ deploymentCount: 1, deployDays: 1, productionDeployments: 1, failedDeployments: 0, leadTimeCount: 0 });
    // late-sunday (incident) and d3 (failed) caused failures; late-sunday is remediated by d4 too.
    expect(w2).toEqual({
      weekStart: "2026-03-02",
      deploymentCount: 2,
      deployDays: 2,
      leadTimeMedian: 90,
      leadTimeP85: 90,
      leadTimeCount: 1,
      failedDeployments: 2,
      productionDeployments: 3,
      // late-sunday → i resolved 09:00 = 570; d3 → d4 = 60.
      recoveryMedian: 315,
      recoveryCount: 2,
      restoreMedian: 60,
      restoreCount: 1,
      reworkDeployments: 1,
      incidentsOpened: 1,
    });
    expect(w3).toMatchObject({ deploymentCount: 0, productionDeployments: 0, leadTimeMedian: null, recoveryMedian: null });
  });

  it("puts the late-Sunday deployment in the previous week in UTC", () => {
    const weeks = computeDeliveryWeekly({ deployments, prs, incidents, fromWeek: "2026-02-23", toWeek: "2026-03-02", timeZone: "UTC" });
    expect(weeks.map((w) => [w.weekStart, w.deploymentCount, w.leadTimeCount])).toEqual([
      ["2026-02-23", 2, 1],
      ["2026-03-02", 1, 0],
    ]);
  });
});
