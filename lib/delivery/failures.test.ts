import { describe, expect, it } from "vitest";
import { assessProductionDeployments, failedDeployments } from "./failures";
import { linkIncidents } from "./incidents";
import { deployment, incident } from "./test-builders";
import type { DeploymentEvent, IncidentEvent } from "./types";

function assess(deps: DeploymentEvent[], incidents: IncidentEvent[] = []) {
  const outcomes = assessProductionDeployments(deps, incidents, linkIncidents(incidents, deps));
  return new Map(outcomes.map((o) => [o.deployment.id, o]));
}

describe("assessProductionDeployments", () => {
  it("marks a failed deployment and measures recovery to the next successful deployment", () => {
    const out = assess([
      deployment("d1", "2026-03-02T10:00:00Z"),
      deployment("d2", "2026-03-02T11:00:00Z", { status: "failure" }),
      deployment("d3", "2026-03-02T11:45:30Z"),
    ]);
    expect(out.get("d2")).toMatchObject({ reasons: ["failed"], causedFailure: true, recoveryMinutes: 46 });
    expect(out.get("d1")?.causedFailure).toBe(false);
    expect(out.get("d3")?.causedFailure).toBe(false);
  });

  it("marks a deployment followed by a hotfix or rollback as remediated, and counts those as rework", () => {
    const out = assess([
      deployment("d1", "2026-03-02T10:00:00Z"),
      deployment("fix", "2026-03-02T12:00:00Z", { kind: "hotfix" }),
      deployment("d3", "2026-03-03T10:00:00Z"),
      deployment("back", "2026-03-03T10:30:00Z", { kind: "rollback" }),
    ]);
    expect(out.get("d1")).toMatchObject({ reasons: ["remediated"], recoveryMinutes: 120 });
    expect(out.get("fix")).toMatchObject({ causedFailure: false, isRework: true });
    expect(out.get("d3")).toMatchObject({ reasons: ["remediated"], recoveryMinutes: 30 });
    expect(out.get("back")).toMatchObject({ causedFailure: false, isRework: true });
  });

  it("recovers at the latest resolution of the linked incidents, not at the next deployment", () => {
    const out = assess(
      [deployment("d1", "2026-03-02T10:00:00Z"), deployment("d2", "2026-03-02T11:00:00Z"), deployment("d3", "2026-03-02T13:00:00Z")],
      [incident("i1", "2026-03-02T11:10:00Z", "2026-03-02T12:00:00Z"), incident("i2", "2026-03-02T11:20:00Z", "2026-03-02T15:00:00Z")],
    );
    expect(out.get("d2")).toMatchObject({ reasons: ["incident"], recoveryMinutes: 240 });
  });

  it("has no recovery time while a linked incident is open, or when nothing followed a failure", () => {
    const out = assess(
      [
        deployment("d1", "2026-03-02T10:00:00Z"),
        deployment("d2", "2026-03-02T11:00:00Z"),
        deployment("d3", "2026-03-02T13:00:00Z"),
        deployment("d4", "2026-03-02T14:00:00Z", { status: "failure" }),
      ],
      [incident("resolved", "2026-03-02T11:10:00Z", "2026-03-02T12:00:00Z"), incident("open", "2026-03-02T11:20:00Z", null)],
    );
    expect(out.get("d2")).toMatchObject({ reasons: ["incident"], recoveryMinutes: null });
    expect(out.get("d4")).toMatchObject({ reasons: ["failed"], recoveryMinutes: null });
  });

  it("keeps services and environments apart and leaves non-production deployments out", () => {
    const out = assess([
      deployment("api1", "2026-03-02T10:00:00Z"),
      deployment("web-fix", "2026-03-02T11:00:00Z", { serviceId: "web", kind: "hotfix" }),
      deployment("stg-fix", "2026-03-02T11:00:00Z", { environment: "staging", kind: "hotfix" }),
      deployment("api2", "2026-03-02T12:00:00Z"),
    ]);
    expect(out.get("api1")?.causedFailure).toBe(false);
    expect(out.has("stg-fix")).toBe(false);
    expect(failedDeployments([...out.values()])).toEqual([]);
  });

  it("combines reasons when several apply", () => {
    const out = assess(
      [deployment("d1", "2026-03-02T10:00:00Z"), deployment("d2", "2026-03-02T11:00:00Z", { kind: "rollback" })],
      [incident("i", "2026-03-02T10:30:00Z", "2026-03-02T10:50:00Z")],
    );
    expect(out.get("d1")).toMatchObject({ reasons: ["incident", "remediated"], recoveryMinutes: 50 });
  });
});
