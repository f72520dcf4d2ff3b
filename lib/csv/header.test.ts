import { describe, expect, it } from "vitest";
import { matchColumns, normaliseHeader } from "./header";

describe("normaliseHeader", () => {
  it.each([
    ["Team Name ", "teamname"],
    ["team_name", "teamname"],
    ["TEAM-NAME", "teamname"],
    ["E-mail", "email"],
    ["Équipe", "equipe"],
    ["Start date (YYYY-MM-DD)", "startdateyyyymmdd"],
    ["  ", ""],
  ])("%s → %s", (name, key) => {
    expect(normaliseHeader(name)).toBe(key);
  });
});

describe("matchColumns", () => {
  const fields = [
    { key: "team", aliases: ["Team Name", "squad"], required: true },
    { key: "email", aliases: ["E-mail address", "mail"], required: true },
    { key: "startDate", aliases: ["hire date"] },
    { key: "level" },
  ] as const;

  it("maps columns by key or alias, whatever the spelling, and lists the rest", () => {
    const match = matchColumns(["Squad", "Notes", "E-MAIL ADDRESS", "Hire_Date", ""], fields);
    expect(match.columns).toEqual({ team: 0, email: 2, startDate: 3 });
    expect(match.unmatched).toEqual([
      { index: 1, name: "Notes" },
      { index: 4, name: "" },
    ]);
    expect(match.missing).toEqual([]);
    expect(match.duplicates).toEqual([]);
  });

  it("lists required fields without a column", () => {
    const match = matchColumns(["team name", "level"], fields);
    expect(match.columns).toEqual({ team: 0, level: 1 });
    expect(match.missing).toEqual(["email"]);
  });

  it("reports a field claimed by two columns instead of picking one", () => {
    const match = matchColumns(["Team", "email", "squad"], fields);
    expect(match.columns).toEqual({ email: 1 });
    expect(match.duplicates).toEqual([
      {
        key: "team",
        columns: [
          { index: 0, name: "Team" },
          { index: 2, name: "squad" },
        ],
      },
    ]);
    expect(match.missing).toEqual([]);
  });

  it("rejects an importer definition in which two fields share an alias", () => {
    expect(() => matchColumns(["x"], [{ key: "a", aliases: ["name"] }, { key: "b", aliases: ["Name"] }])).toThrow(
      'Column alias "Name" is claimed by both "a" and "b"',
    );
  });
});
