import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/server/auth/password";
import { DEMO_ACCOUNTS } from "./accounts";

describe("DEMO_ACCOUNTS", () => {
  it("has exactly one account per role", () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(["ADMIN", "LEADER", "MANAGER", "VIEWER"]);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(4);
  });

  it("uses passwords the sign-up rules accept", () => {
    for (const a of DEMO_ACCOUNTS) expect(passwordProblem(a.password), a.email).toBeNull();
  });

  it("gives only the manager teams, two of them", () => {
    expect(DEMO_ACCOUNTS.filter((a) => a.teams.length > 0).map((a) => [a.role, a.teams.length])).toEqual([["MANAGER", 2]]);
  });
});
