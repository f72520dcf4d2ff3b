import { describe, expect, it } from "vitest";
import { SuccessChains, previousSuccessfulDeployments } from "./deployments";
import { deployment } from "./test-builders";

describe("previousSuccessfulDeployments", () => {
  it("chains successful deployments per service and environment in finish order, skipping failures", () => {
    const deps = [
      deployment("a3", "2026-03-04T10:00:00Z"),
      deployment("a1", "2026-03-02T10:00:00Z"),
      deployment("a2-failed", "2026-03-03T10:00:00Z", { status: "failure" }),
      deployment("s1", "2026-03-02T11:00:00Z", { environment: "staging" }),
      deployment("s2", "2026-03-03T11:00:00Z", { environment: "Staging" }),
      deployment("w1", "2026-03-03T12:00:00Z", { serviceId: "web", environment: "PRODUCTION" }),
      deployment("a4", "2026-03-05T10:00:00Z", { environment: " Production " }),
      deployment("no-env", "2026-03-06T10:00:00Z", { environment: "" }),
    ];
    const prev = previousSuccessfulDeployments(deps);
    expect(Object.fromEntries([...prev].map(([id, p]) => [id, p?.id ?? null]))).toEqual({
      a1: null,
      a3: "a1",
      a4: "a3",
      s1: null,
      s2: "s1",
      w1: null,
    });
  });

  it("orders equal finish times by start, then id", () => {
    const deps = [
      deployment("b", "2026-03-02T10:00:00Z", { startedAt: new Date("2026-03-02T09:00:00Z") }),
      deployment("a", "2026-03-02T10:00:00Z", { startedAt: new Date("2026-03-02T09:30:00Z") }),
      deployment("c", "2026-03-02T10:00:00Z", { startedAt: new Date("2026-03-02T09:30:00Z") }),
    ];
    const prev = previousSuccessfulDeployments(deps);
    expect(prev.get("b")).toBeNull();
    expect(prev.get("a")?.id).toBe("b");
    expect(prev.get("c")?.id).toBe("a");
  });

  it("finds the next successful deployment after a failed one", () => {
    const failed = deployment("f", "2026-03-03T10:00:00Z", { status: "failure" });
    const chains = new SuccessChains([deployment("a", "2026-03-02T10:00:00Z"), failed, deployment("b", "2026-03-04T10:00:00Z")]);
    expect(chains.next(failed)?.id).toBe("b");
    expect(chains.previous(failed)?.id).toBe("a");
  });
});
