import { describe, expect, it } from "vitest";
import { overviewSearch, parseOverviewParams } from "./overview-params";

describe("parseOverviewParams", () => {
  it("uses org / 6 months / week when nothing is given", () => {
    expect(parseOverviewParams({})).toEqual({ scope: "org", range: "6m", granularity: "week", filter: {} });
  });

  it("keeps valid values from a record or URLSearchParams", () => {
    expect(parseOverviewParams({ scope: "team:t_1", range: "2y", granularity: "quarter" })).toEqual({
      scope: "team:t_1",
      range: "2y",
      granularity: "quarter",
      filter: {},
    });
    expect(parseOverviewParams(new URLSearchParams("scope=group:abc&range=12w&granularity=month"))).toEqual({
      scope: "group:abc",
      range: "12w",
      granularity: "month",
      filter: {},
    });
  });

  it("takes the first of repeated values", () => {
    expect(parseOverviewParams({ range: ["1y", "2y"] }).range).toBe("1y");
  });

  it("falls back per field on malformed values", () => {
    expect(parseOverviewParams({ scope: "team:", range: "5y", granularity: "day" })).toEqual({
      scope: "org",
      range: "6m",
      granularity: "week",
      filter: {},
    });
    expect(parseOverviewParams({ scope: "group:a b" }).scope).toBe("org");
    expect(parseOverviewParams({ scope: "person:x" }).scope).toBe("org");
  });
});

describe("overviewSearch", () => {
  it("writes every field for the API", () => {
    expect(overviewSearch({ scope: "org", range: "6m", granularity: "week", filter: {} })).toBe("scope=org&range=6m&granularity=week");
  });

  it("leaves defaults out of page URLs", () => {
    expect(overviewSearch({ scope: "team:t1", range: "6m", granularity: "month", filter: {} }, { omitDefaults: true })).toBe(
      "scope=team%3At1&granularity=month",
    );
    expect(overviewSearch({ scope: "org", range: "6m", granularity: "week", filter: {} }, { omitDefaults: true })).toBe("");
  });

  it("carries the segment filter into both", () => {
    const params = parseOverviewParams({ scope: "group:g1", location: "Lisbon", sourcing: "OFFSHORE", origin: "acquired:Acme" });
    expect(params.filter).toEqual({ location: "Lisbon", sourcing: "OFFSHORE", origin: "acquired:Acme" });
    expect(overviewSearch(params, { omitDefaults: true })).toBe("scope=group%3Ag1&location=Lisbon&sourcing=OFFSHORE&origin=acquired%3AAcme");
  });

  it("drops malformed filter values from a page URL", () => {
    expect(parseOverviewParams({ sourcing: "MOON", origin: "bought", location: "a,b" }).filter).toEqual({});
  });
});
