import { describe, expect, it } from "vitest";
import { scopeOptions } from "./scope-options";

const I = "\u00A0\u00A0\u00A0";

describe("scopeOptions", () => {
  it("offers only the organisation before scopes load", () => {
    expect(scopeOptions(undefined)).toEqual({ org: { value: "org", label: "Whole organisation" }, groups: [], teams: [] });
  });

  it("lists groups depth-first by name with indentation, then teams by name", () => {
    const result = scopeOptions({
      groups: [
        { id: "g3", name: "Payments", parentId: "g1" },
        { id: "g1", name: "Product", parentId: null },
        { id: "g2", name: "Data", parentId: "g1" },
        { id: "g4", name: "Ledger", parentId: "g3" },
        { id: "g0", name: "Infrastructure", parentId: null },
      ],
      teams: [
        { id: "t2", name: "Zebra", groupId: "g3", slug: "zebra" },
        { id: "t1", name: "Atlas", groupId: "g2", slug: "atlas" },
      ],
    });
    expect(result.groups).toEqual([
      { value: "group:g0", label: "Infrastructure" },
      { value: "group:g1", label: "Product" },
      { value: "group:g2", label: `${I}Data` },
      { value: "group:g3", label: `${I}Payments` },
      { value: "group:g4", label: `${I}${I}Ledger` },
    ]);
    expect(result.teams).toEqual([
      { value: "team:t1", label: "Atlas" },
      { value: "team:t2", label: "Zebra" },
    ]);
  });

  it("shows a group with an unknown parent as a root", () => {
    const result = scopeOptions({ groups: [{ id: "g9", name: "Orphan", parentId: "missing" }], teams: [] });
    expect(result.groups).toEqual([{ value: "group:g9", label: "Orphan" }]);
  });
});
