import { describe, expect, it } from "vitest";
import { resolveSegment, segmentOptions, withheldSegments, type SegmentGroup, type SegmentTeam } from "./segments";

const groups: SegmentGroup[] = [
  { id: "product", name: "Product", parentId: null },
  { id: "logistics", name: "Logistics", parentId: "product" },
  { id: "platform", name: "Platform", parentId: null },
];
const team = (id: string, groupId: string, location: string, sourcing = "ONSHORE", acquisitionName: string | null = null): SegmentTeam => ({
  id, name: id, groupId, location, sourcing, origin: acquisitionName ? "ACQUIRED" : "ORGANIC", acquisitionName,
});
const teams = [
  team("route", "logistics", "Berlin"),
  team("fleet", "logistics", "Berlin", "ONSHORE", "Telemetrix"),
  team("web", "product", "Lisbon", "NEARSHORE"),
  team("infra", "platform", "London", "OFFSHORE"),
];

describe("segments", () => {
  it("offers the org, groups, teams, locations, sourcing models and origins", () => {
    const keys = segmentOptions(teams, groups).map((o) => o.key);
    expect(keys).toEqual([
      "org", "group:product", "group:logistics", "group:platform", "team:route", "team:fleet", "team:web", "team:infra",
      "location:Berlin", "location:Lisbon", "location:London",
      "sourcing:NEARSHORE", "sourcing:OFFSHORE", "sourcing:ONSHORE",
      "origin:organic", "origin:acquired:Telemetrix",
    ]);
  });

  it("resolves a key to its teams, a group including its sub-groups", () => {
    expect(resolveSegment("group:product", teams, groups)?.teamIds).toEqual(["route", "fleet", "web"]);
    expect(resolveSegment("location:Berlin", teams, groups)).toMatchObject({ label: "Location: Berlin", teamIds: ["route", "fleet"] });
    expect(resolveSegment("origin:organic", teams, groups)?.teamIds).toEqual(["route", "web", "infra"]);
    expect(resolveSegment("origin:acquired:Telemetrix", teams, groups)?.teamIds).toEqual(["fleet"]);
    expect(resolveSegment("location:Paris", teams, groups)).toBeNull();
    expect(resolveSegment("team:nope", teams, groups)).toBeNull();
  });
});

describe("withheldSegments", () => {
  const org = { key: "org", teamIds: teams.map((t) => t.id) };

  it("withholds a segment with too few respondents and never the ones with enough", () => {
    const samples = new Map([["route", 6], ["fleet", 3], ["web", 7], ["infra", 9]]);
    const out = withheldSegments([{ key: "team:fleet", teamIds: ["fleet"] }, { key: "team:web", teamIds: ["web"] }], [org], samples, 5);
    expect([...out]).toEqual([["team:fleet", "too-few"]]);
  });

  it("withholds a segment whose difference from a visible group singles out fewer than the threshold", () => {
    // Berlin (route 6 + fleet 3 = 9) beside the org (25): the other 16 are plenty, so Berlin shows.
    const samples = new Map([["route", 6], ["fleet", 3], ["web", 7], ["infra", 9]]);
    expect(withheldSegments([{ key: "location:Berlin", teamIds: ["route", "fleet"] }], [org], samples, 5).size).toBe(0);
    // With web at 2, the Product group (11) minus Berlin (9) would reveal web's 2 respondents.
    const small = new Map([["route", 6], ["fleet", 3], ["web", 2], ["infra", 9]]);
    const product = { key: "group:product", teamIds: ["route", "fleet", "web"] };
    expect([...withheldSegments([{ key: "location:Berlin", teamIds: ["route", "fleet"] }], [org, product], small, 5)]).toEqual([["location:Berlin", "differencing"]]);
  });
});
