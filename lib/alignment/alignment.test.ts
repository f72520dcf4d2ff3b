import { describe, expect, it } from "vitest";
import { allocationFromFlow, allocationFromPercentages, costByCategory } from "./allocation";
import { rateFor, teamCost, weeklyCost, type LoadedCostRate } from "./cost";

const rates: LoadedCostRate[] = [
  { location: "Lisbon", sourcing: null, annualCostPerPerson: 60_000 },
  { location: "Lisbon", sourcing: "vendor", annualCostPerPerson: 80_000 },
  { location: "Pune", sourcing: "offshore", annualCostPerPerson: 30_000 },
];

describe("team cost", () => {
  it("multiplies headcount by the rate for each location and sourcing model", () => {
    const cost = teamCost(
      [
        { location: "Lisbon", sourcing: "onshore", headcount: 4 }, // general Lisbon rate: 240,000
        { location: "Lisbon", sourcing: "vendor", headcount: 1 }, // vendor rate: 80,000
        { location: "Pune", sourcing: "offshore", headcount: 2.5 }, // 75,000
      ],
      rates,
    );
    expect(cost).toEqual({ annualCost: 395_000, headcount: 7.5, costedHeadcount: 7.5, missingRates: [] });
  });

  it("reports slices it could not cost instead of guessing", () => {
    const cost = teamCost([{ location: "Austin", sourcing: "nearshore", headcount: 3 }], rates);
    expect(cost.annualCost).toBe(0);
    expect(cost.missingRates).toEqual([{ location: "Austin", sourcing: "nearshore" }]);
    expect(rateFor(rates, "Pune", "vendor")).toBeNull();
    // A slice with nobody in it needs no rate.
    expect(teamCost([{ location: "Austin", sourcing: "nearshore", headcount: 0 }], rates).missingRates).toEqual([]);
  });

  it("spreads a yearly cost over 52 weeks", () => {
    expect(weeklyCost(395_000)).toBeCloseTo(7596.154, 3);
  });
});

describe("investment allocation", () => {
  it("maps flow distribution to categories", () => {
    // 10 features, 4 defects, 2 risks, 4 debt = 20 items.
    expect(allocationFromFlow({ feature: 10, defect: 4, risk: 2, debt: 4 })).toEqual({ newCapability: 0.5, ktlo: 0.3, techDebt: 0.2 });
    expect(allocationFromFlow({ feature: 0, defect: 0, risk: 0, debt: 0 })).toBeNull();
    expect(() => allocationFromFlow({ feature: Number.NaN, defect: 1, risk: 0, debt: 0 })).toThrow(RangeError);
  });

  it("accepts manager percentages that sum to 100 within 0.01", () => {
    expect(allocationFromPercentages({ newCapability: 33.33, ktlo: 33.33, techDebt: 33.33 })).toMatchObject({ ok: true });
    expect(allocationFromPercentages({ newCapability: 60, ktlo: 30, techDebt: 9.98 })).toEqual({
      ok: false,
      error: "does-not-sum-to-100",
      total: 99.98,
    });
    expect(allocationFromPercentages({ newCapability: 110, ktlo: -10, techDebt: 0 })).toMatchObject({ ok: false, error: "negative" });
    expect(allocationFromPercentages({ newCapability: 100, ktlo: 0, techDebt: 0 })).toEqual({ ok: true, shares: { newCapability: 1, ktlo: 0, techDebt: 0 } });
    expect(allocationFromPercentages({ newCapability: 50, ktlo: Number.NaN, techDebt: 50 })).toMatchObject({ ok: false, error: "negative" });
  });

  it("splits cost by category", () => {
    const shares = allocationFromFlow({ feature: 10, defect: 4, risk: 2, debt: 4 })!;
    expect(costByCategory(395_000, shares)).toEqual({ newCapability: 197_500, ktlo: 118_500, techDebt: 79_000 });
  });
});
