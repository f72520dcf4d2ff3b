import { describe, expect, it } from "vitest";
import { resolveStatusMapping } from "@/lib/flow/status-mapping";
import { fieldText, jiraInstant, statusLabel, statusTransitions, workTypeOf } from "./jira-work-item";

const categories = new Map([["10002", "indeterminate"], ["implementing", "indeterminate"], ["10009", "done"]]);

describe("Jira issues as work items", () => {
  it("reads Jira's date-times, whose offsets have no colon", () => {
    expect(jiraInstant("2026-11-02T09:00:00.000+0000")).toBe("2026-11-02T09:00:00.000Z");
    expect(jiraInstant("2026-11-02T10:30:00.000+0130")).toBe("2026-11-02T09:00:00.000Z");
    expect(() => jiraInstant("yesterday")).toThrow("not a Jira date-time: yesterday");
  });

  it("types issues by the mapping, then Bug → defect, the rest features; epics and sub-tasks only when mapped", () => {
    const mapping = { "Tech debt": "debt" as const, incident: "risk" as const };
    expect(workTypeOf({ name: "Tech debt" }, mapping)).toBe("debt");
    expect(workTypeOf({ name: "Incident" }, mapping)).toBe("risk");
    expect(workTypeOf({ name: "Bug" }, {})).toBe("defect");
    expect(workTypeOf({ name: "Story" }, {})).toBe("feature");
    expect(workTypeOf({ name: "Epic", hierarchyLevel: 1 }, {})).toBeNull();
    expect(workTypeOf({ name: "Sub-task", subtask: true }, {})).toBeNull();
    expect(workTypeOf({ name: "Sub-task", subtask: true }, { "Sub-task": "feature" })).toBe("feature");
  });

  it("reads a team field whatever its kind", () => {
    expect(fieldText("  payments ")).toBe("payments");
    expect(fieldText({ value: "Payments", id: "10100" })).toBe("Payments");
    expect(fieldText({ id: "a1b2", name: "Platform Team", title: "Platform Team" })).toBe("Platform Team");
    expect(fieldText([{ value: "Payments" }, { value: "Platform" }])).toBe("Payments");
    expect(fieldText(null)).toBeNull();
    expect(fieldText([])).toBeNull();
  });

  it("keeps a status name the team's mapping knows, else gives its Jira category", () => {
    const defaults = resolveStatusMapping();
    expect(statusLabel({ id: "3", name: "In Review" }, defaults, categories)).toBe("In Review");
    expect(statusLabel({ id: "10002", name: "Implementing" }, defaults, categories)).toBe("In Progress");
    expect(statusLabel({ id: "10009", name: "Shipped to prod" }, defaults, categories)).toBe("Done");
    expect(statusLabel({ id: "10002", name: "Implementing" }, resolveStatusMapping({ Implementing: "waiting" }), categories)).toBe("Implementing");
    expect(statusLabel({ id: "404", name: "Gone" }, defaults, categories)).toBe("Gone");
  });

  it("starts the history at creation in the first change's from-status, then orders the status changes by time", () => {
    const history = [
      { created: "2026-11-11T09:00:00.000+0000", items: [{ field: "status", fieldId: "status", from: "3", fromString: "In Progress", to: "10004", toString: "Done" }] },
      { created: "2026-11-10T09:00:00.000+0000", items: [{ field: "assignee", fromString: null, toString: "Mia" }, { field: "status", fieldId: "status", from: "1", fromString: "Backlog", to: "3", toString: "In Progress" }] },
    ];
    const keep = (s: { name: string }) => s.name;
    expect(statusTransitions({ created: "2026-11-02T09:00:00.000+0000", status: { name: "Done" } }, history, keep)).toEqual([
      { status: "Backlog", at: "2026-11-02T09:00:00.000Z" },
      { status: "In Progress", at: "2026-11-10T09:00:00.000Z" },
      { status: "Done", at: "2026-11-11T09:00:00.000Z" },
    ]);
    // Never moved: the current status since creation.
    expect(statusTransitions({ created: "2026-11-02T09:00:00.000+0000", status: { name: "To Do" } }, [], keep)).toEqual([{ status: "To Do", at: "2026-11-02T09:00:00.000Z" }]);
  });
});
