import { describe, expect, it } from "vitest";
import { checkAnswers } from "./answers";
import { composeItems, indexesOf } from "./compose";
import { closedDates, nextRunDates, runState } from "./dates";

describe("composeItems", () => {
  it("takes each template item once, tags its index, appends own items and keeps free text last", () => {
    const items = composeItems({
      templates: ["enps", "pulse"],
      excludeItems: [],
      items: [
        { kind: "singleChoice", text: "Where do you work most days?", options: ["Office", "Home"] },
        { kind: "likert7", text: "Our retros lead to change.", reverseScored: false },
      ],
    });
    expect(items.map((i) => i.id)).toEqual(["enps", "autonomy", "trust-leadership", "workload", "growth", "belonging", "q1", "q2", "comment"]);
    expect(items[0]).toMatchObject({ kind: "scale0to10", index: "enps" });
    expect(items.find((i) => i.id === "q1")).toEqual({ id: "q1", kind: "singleChoice", text: "Where do you work most days?", options: [{ id: "o1", label: "Office" }, { id: "o2", label: "Home" }] });
    expect(items.find((i) => i.id === "q2")).not.toHaveProperty("index");
    expect(indexesOf(items)).toEqual(["enps", "pulse_autonomy", "pulse_trust", "pulse_workload", "pulse_growth", "pulse_belonging"]);
  });

  it("leaves out excluded template items", () => {
    const items = composeItems({ templates: ["psychological-safety"], excludeItems: ["comment"], items: [] });
    expect(items.map((i) => i.id)).toEqual(["ps1", "ps2", "ps3", "ps4", "ps5", "ps6", "ps7"]);
    expect(items.filter((i) => i.kind === "likert7" && i.reverseScored).map((i) => i.id)).toEqual(["ps1", "ps3", "ps5"]);
  });
});

describe("checkAnswers", () => {
  const items = composeItems({ templates: ["enps"], excludeItems: [], items: [{ kind: "singleChoice", text: "Office or home?", options: ["Office", "Home"] }] });

  it("requires every scored and choice item, and splits free text off into comments", () => {
    expect(checkAnswers(items, { enps: 9, q1: "o2", comment: "  Fewer meetings  " })).toEqual({
      ok: true,
      value: { answers: { enps: 9, q1: "o2" }, comments: [{ itemId: "comment", text: "Fewer meetings" }] },
    });
    expect(checkAnswers(items, { enps: "10", q1: "o1", comment: "   " })).toEqual({ ok: true, value: { answers: { enps: 10, q1: "o1" }, comments: [] } });
  });

  it("names each problem by item", () => {
    const result = checkAnswers(items, { enps: 11, q1: "o9", extra: 1 });
    expect(result).toEqual({
      ok: false,
      issues: [
        { path: "extra", message: "This question is not part of the survey." },
        { path: "enps", message: "Choose a value from 0 to 10." },
        { path: "q1", message: "Choose one of the options." },
      ],
    });
    expect(checkAnswers(items, {})).toMatchObject({ ok: false, issues: [{ path: "enps" }, { path: "q1" }] });
  });
});

describe("run dates", () => {
  it("is open from the opening to the closing day inclusive", () => {
    expect(runState("2026-03-16", "2026-03-27", "2026-03-15")).toBe("scheduled");
    expect(runState("2026-03-16", "2026-03-27", "2026-03-16")).toBe("open");
    expect(runState("2026-03-16", "2026-03-27", "2026-03-27")).toBe("open");
    expect(runState("2026-03-16", "2026-03-27", "2026-03-28")).toBe("closed");
  });

  it("repeats monthly and quarterly on the same days, clamped to the month's end", () => {
    expect(nextRunDates("2026-01-31", "2026-02-06", "monthly")).toEqual({ opensOn: "2026-02-28", closesOn: "2026-03-06" });
    expect(nextRunDates("2026-01-05", "2026-01-16", "quarterly")).toEqual({ opensOn: "2026-04-05", closesOn: "2026-04-16" });
    expect(nextRunDates("2026-01-05", "2026-01-16", "none")).toBeNull();
  });

  it("closes a run as of yesterday, never before it opened", () => {
    expect(closedDates("2026-03-16", "2026-03-18")).toEqual({ opensOn: "2026-03-16", closesOn: "2026-03-17" });
    expect(closedDates("2026-03-18", "2026-03-18")).toEqual({ opensOn: "2026-03-17", closesOn: "2026-03-17" });
  });
});
