import { describe, expect, it } from "vitest";
import { importPercent } from "./progress-step";

describe("importPercent", () => {
  it("is 0 while queued, then the share of rows checked and written", () => {
    expect(importPercent({ status: "VALIDATING", processedRows: 0, totalRows: 20000 })).toBe(0);
    expect(importPercent({ status: "RUNNING", processedRows: 5000, totalRows: 20000 })).toBe(25);
    expect(importPercent({ status: "RUNNING", processedRows: 0, totalRows: 0 })).toBe(0);
    expect(importPercent({ status: "COMPLETED", processedRows: 0, totalRows: 20000 })).toBe(100);
    expect(importPercent({ status: "FAILED", processedRows: 300, totalRows: 20000 })).toBe(0);
  });
});
