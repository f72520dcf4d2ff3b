import { describe, expect, it } from "vitest";
import { linkIncidents, restoreMinutes } from "./incidents";
import { deployment, incident } from "./test-builders";

const deps = [
  deployment("d1", "2026-03-02T10:00:00Z"),
  deployment("d2", "2026-03-03T10:00:00Z"),
  deployment("d3-failed", "2026-03-03T12:00:00Z", { status: "failure" }),
  deployment("stg", "2026-03-03T13:00:00Z", { environment: "staging" }),
  deployment("w1", "2026-03-03T14:00:00Z", { serviceId: "web" }),
];

describe("linkIncidents", () => {
  it("links to the latest successful production deployment of the service that finished strictly before", () => {
    const links = linkIncidents(
      [
        incident("after-d2", "2026-03-03T15:00:00Z", null),
        incident("at-d2-finish", "2026-03-03T10:00:00Z", null),
        incident("web", "2026-03-04T00:00:00Z", null, { serviceId: "web" }),
      ],
      deps,
    );
    // The failed and the staging deployment are never blamed; an incident opened at d2's finish predates it.
    expect(links.get("after-d2")).toBe("d2");
    expect(links.get("at-d2-finish")).toBe("d1");
    expect(links.get("web")).toBe("w1");
  });

  it("links nothing for an incident before any deployment or of a service without deployments", () => {
    const links = linkIncidents(
      [incident("early", "2026-03-01T00:00:00Z", null), incident("orphan", "2026-03-05T00:00:00Z", null, { serviceId: "db" })],
      deps,
    );
    expect(links.get("early")).toBeNull();
    expect(links.get("orphan")).toBeNull();
  });

  it("uses the deployment the client names", () => {
    const links = linkIncidents([incident("named", "2026-03-05T00:00:00Z", null, { causedByDeploymentId: "d1" })], deps);
    expect(links.get("named")).toBe("d1");
  });
});

describe("restoreMinutes", () => {
  it("is opened → resolved rounded up, empty while open", () => {
    expect(restoreMinutes(incident("i", "2026-03-03T10:00:00Z", "2026-03-03T14:00:30Z"))).toBe(241);
    expect(restoreMinutes(incident("i", "2026-03-03T10:00:00Z", null))).toBeNull();
  });
});
