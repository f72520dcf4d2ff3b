import { describe, expect, it } from "vitest";
import { overviewSearch, parseOverviewParams } from "./overview-params";

describe("parseOverviewParams", () => {
  it("uses org / 6 months / week when nothing is given", () => {
    expect(parseOverviewParams({})).toEqual({ scope: "org", range: "6m", granularity: "week" });
  });

  it("keeps valid values from a record or URLSearchParams", () => {
    expect(parseOverviewParams({ scope: "team:t_1", range: "2y", granularity: "quarter" })).toEqual({
      scope: "team:t_1",
      range: "2y",
      granularity: "quarter",
    });
    expect(parseOverviewParams(new URLSearchParams("scope=group:abc&range=12w&granularity=month"))).toEqual({
      scope: "group:abc",
      range: "12w",
      granularity: "month",
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
    });
    expect(parseOverviewParams({ scope: "group:a b" }).scope).toBe("org");
    expect(parseOverviewParams({ scope: "person:x" }).scope).toBe("org");
  });
});

describe("overviewSearch", () => {
  it("writes every field for the API", () => {
    expect(overviewSearch({ scope: "org", range: "6m", granularity: "week" })).toBe("scope=org&range=6m&granularity=week");
  });

  it("leaves defaults out of page URLs", () => {
    expect(overviewSearch({ scope: "team:t1", range: "6m", granularity: "month" }, { omitDefaults: true })).toBe(
      "scope=team%3At1&granularity=month",
    );
    expect(overviewSearch({ scope: "org", range: "6m", granularity: "week" }, { omitDefaults: true })).toBe("");
  });
});
