import { describe, expect, it } from "vitest";
import { createRunInput, defaultClosesOn } from "./surveys";

describe("defaultClosesOn", () => {
  it("offers two weeks, the opening day included", () => {
    expect(defaultClosesOn("2026-12-07")).toBe("2026-12-20");
  });

  it("crosses months and years by the calendar", () => {
    expect(defaultClosesOn("2026-12-25")).toBe("2027-01-07");
    expect(defaultClosesOn("2028-02-20")).toBe("2028-03-04");
  });

  it("gives a run the API accepts", () => {
    const opensOn = "2027-03-29";
    expect(createRunInput.safeParse({ opensOn, closesOn: defaultClosesOn(opensOn), teamIds: ["t1"] }).success).toBe(true);
  });
});
