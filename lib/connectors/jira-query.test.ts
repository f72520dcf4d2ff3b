import { describe, expect, it } from "vitest";
import { jiraStreams, jqlMinute } from "./jira-query";

describe("Jira sync queries", () => {
  it("reads each project in its own stream and the JQL query without them, its ordering dropped", () => {
    const streams = jiraStreams({ projects: ["PAY", "OPS"], jql: 'labels = "platform" ORDER BY created DESC' });
    expect(streams.map((s) => s.jql)).toEqual(['project = "PAY"', 'project = "OPS"', '(labels = "platform") AND project not in ("PAY", "OPS")']);
    expect(streams.map((s) => s.name.replace(/[0-9a-f]{12}$/, "…"))).toEqual(["jira:PAY", "jira:OPS", "jira:jql:…"]);
    // The JQL stream keeps its cursor while the projects change, and gets a new one when the query does.
    expect(jiraStreams({ projects: [], jql: 'labels = "platform"' })[0]!.name).toBe(streams[2]!.name);
    expect(jiraStreams({ projects: [], jql: 'labels = "ops"' })[0]!.name).not.toBe(streams[2]!.name);
  });

  it("writes the cursor's minute in the account's time zone", () => {
    const at = new Date("2026-11-14T12:00:59.999Z");
    expect(jqlMinute(at, "UTC")).toBe("2026/11/14 12:00");
    expect(jqlMinute(at, "America/New_York")).toBe("2026/11/14 07:00");
    expect(jqlMinute(at, "Asia/Kolkata")).toBe("2026/11/14 17:30");
  });
});
