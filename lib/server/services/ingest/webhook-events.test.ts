import { describe, expect, it } from "vitest";
import { hasLabel, kindOf, providerTime, severityOf } from "./webhook-events";

describe("webhook payload helpers", () => {
  it("reads GitHub's ISO and GitLab's spaced timestamps as UTC instants", () => {
    expect(providerTime("2026-03-02T10:00:00Z")).toBe("2026-03-02T10:00:00.000Z");
    expect(providerTime("2021-04-28 21:50:00 +0200")).toBe("2021-04-28T19:50:00.000Z");
    expect(providerTime("2013-12-03 17:23:34 UTC")).toBe("2013-12-03T17:23:34.000Z");
    expect(providerTime("2026-03-02T10:00:00-05:00")).toBe("2026-03-02T15:00:00.000Z");
    expect(providerTime("yesterday")).toBeNull();
    expect(providerTime(null)).toBeNull();
  });

  it("matches the incident label case-insensitively and finds a severity label", () => {
    expect(hasLabel(["Bug", "Incident "], "incident")).toBe(true);
    expect(hasLabel(["incidents"], "incident")).toBe(false);
    expect(severityOf(["incident", "sev1"])).toBe("sev1");
    expect(severityOf(["incident", "P2"])).toBe("P2");
    expect(severityOf(["incident", "several"])).toBeUndefined();
  });

  it("names rollbacks and hotfixes from the task or description", () => {
    expect(kindOf("deploy", "Rollback to v1.2")).toBe("rollback");
    expect(kindOf("deploy:hotfix", null)).toBe("hotfix");
    expect(kindOf("deploy", "hotfixes list page")).toBe("regular");
    expect(kindOf("deploy", "hotfix for checkout")).toBe("hotfix");
    expect(kindOf("deploy", null)).toBe("regular");
  });
});
