import { describe, expect, it } from "vitest";
import { allocationFromFlow, costByCategory, validateAllocation } from "./allocation";
import { flowDistribution, wholePercentages } from "./distribution";

describe("wholePercentages", () => {
  it("sums to exactly 100 by giving leftover points to the largest remainders", () => {
    expect(wholePercentages({ a: 1, b: 1, c: 1 }, ["a", "b", "c"])).toEqual({ a: 34, b: 33, c: 33 });
    // 2/7 = 28.57, 2/7 = 28.57, 3/7 = 42.86 → floors 28, 28, 42 (98); c (.86) then a (.57, earlier key) take the points.
    expect(wholePercentages({ a: 2, b: 2, c: 3 }, ["a", "b", "c"])).toEqual({ a: 29, b: 28, c: 43 });
    expect(wholePercentages({ a: 0, b: 0 }, ["a", "b"])).toEqual({ a: 0, b: 0 });
  });
});

describe("flowDistribution and allocationFromFlow", () => {
  it("maps features to new capability, defects and risk to KTLO, debt to tech debt", () => {
    const counts = { feature: 3, defect: 2, risk: 1, debt: 1 };
    expect(flowDistribution(counts).percentages).toEqual({ feature: 43, defect: 29, risk: 14, debt: 14 });
    const allocation = allocationFromFlow(counts);
    expect(allocation.counts).toEqual({ newCapability: 3, ktlo: 3, techDebt: 1 });
    expect(allocation.shares).toEqual({ newCapability: 3 / 7, ktlo: 3 / 7, techDebt: 1 / 7 });
    expect(allocation.percentages).toEqual({ newCapability: 43, ktlo: 43, techDebt: 14 });
  });
});

describe("validateAllocation", () => {
  it("accepts percentages that sum to 100", () => {
    expect(validateAllocation({ newCapability: 60, ktlo: 25, techDebt: 15 })).toEqual({ ok: true });
    expect(validateAllocation({ newCapability: 33.33, ktlo: 33.33, techDebt: 33.34 })).toEqual({ ok: true });
    expect(validateAllocation({ newCapability: 100, ktlo: 0, techDebt: 0 })).toEqual({ ok: true });
  });

  it("rejects sums other than 100 and values out of range", () => {
    expect(validateAllocation({ newCapability: 33.3, ktlo: 33.3, techDebt: 33.3 })).toEqual({
      ok: false,
      message: "allocation must sum to 100% (it sums to 99.9%)",
    });
    expect(validateAllocation({ newCapability: 120, ktlo: -10, techDebt: -10 }).ok).toBe(false);
    expect(validateAllocation({ newCapability: Number.NaN, ktlo: 50, techDebt: 50 }).ok).toBe(false);
  });
});

describe("costByCategory", () => {
  it("splits a cost by the allocation", () => {
    expect(costByCategory(200_000, { newCapability: 60, ktlo: 25, techDebt: 15 })).toEqual({
      newCapability: 120_000,
      ktlo: 50_000,
      techDebt: 30_000,
    });
  });
});
