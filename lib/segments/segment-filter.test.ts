import { describe, expect, it } from "vitest";
import { filterChoices, filterKeys, filterLabel, isFiltered, parseSegmentFilter } from "./segment-filter";
import { segmentOptions } from "./segments";

const teams = [
  { id: "a", name: "A", groupId: "g", location: "Lisbon", sourcing: "ONSHORE", origin: "ORGANIC", acquisitionName: null },
  { id: "b", name: "B", groupId: "g", location: "Berlin", sourcing: "VENDOR", origin: "ACQUIRED", acquisitionName: "Acme" },
];

describe("segment filters", () => {
  it("reads the set filters as segment keys and a label", () => {
    const filter = parseSegmentFilter({ origin: "acquired:Acme", location: "Berlin" });
    expect(isFiltered(filter)).toBe(true);
    expect(filterKeys(filter)).toEqual(["location:Berlin", "origin:acquired:Acme"]);
    expect(filterLabel(filter)).toBe("Location: Berlin · Origin: acquired (Acme)");
    expect(isFiltered(parseSegmentFilter({}))).toBe(false);
  });

  it("offers the values the teams have, with every acquisition and all acquired together", () => {
    const choices = filterChoices(segmentOptions(teams, []));
    expect(choices.location.map((c) => c.value)).toEqual(["Berlin", "Lisbon"]);
    expect(choices.sourcing.map((c) => c.label)).toEqual(["Onshore", "Vendor"]);
    expect(choices.origin).toEqual([
      { value: "organic", label: "organic" },
      { value: "acquired", label: "acquired (all)" },
      { value: "acquired:Acme", label: "acquired (Acme)" },
    ]);
  });
});
