import { describe, expect, it } from "vitest";
import { importPercent } from "./progress-step";

describe("importPercent", () => {
  it("spans checking (0–50 %) and writing (50–100 %)", () => {
    expect(importPercent({ status: "VALIDATING", processedRows: 5000, totalRows: 20000 })).toBe(13);
    expect(importPercent({ status: "RUNNING", processedRows: 10000, totalRows: 20000 })).toBe(75);
    expect(importPercent({ status: "RUNNING", processedRows: 0, totalRows: 0 })).toBe(50);
    expect(importPercent({ status: "COMPLETED", processedRows: 0, totalRows: 20000 })).toBe(100);
    expect(importPercent({ status: "FAILED", processedRows: 300, totalRows: 20000 })).toBe(0);
  });
});
