import { describe, expect, it } from "vitest";
import { resolveSegment, segmentOptions, type SegmentGroup, type SegmentTeam } from "./segments";

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
