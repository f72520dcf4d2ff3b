import { describe, expect, it } from "vitest";
import { passwordProblem } from "@/lib/server/auth/password";
import { PASSWORD_MIN_LENGTH } from "@/lib/validation/password";
import { DEMO_ACCOUNTS } from "./accounts";

describe("DEMO_ACCOUNTS", () => {
  it("has exactly one account per role", () => {
    expect(DEMO_ACCOUNTS.map((a) => a.role).sort()).toEqual(["ADMIN", "LEADER", "MANAGER", "VIEWER"]);
    expect(new Set(DEMO_ACCOUNTS.map((a) => a.email)).size).toBe(4);
  });

  it("uses passwords long enough for the rules, which nobody else may set because they are published", () => {
    for (const a of DEMO_ACCOUNTS) {
      expect(a.password.length, a.email).toBeGreaterThanOrEqual(PASSWORD_MIN_LENGTH);
      expect(passwordProblem(a.password), a.email).toMatch(/published/);
    }
  });

  it("gives only the manager teams, two of them", () => {
    expect(DEMO_ACCOUNTS.filter((a) => a.teams.length > 0).map((a) => [a.role, a.teams.length])).toEqual([["MANAGER", 2]]);
  });
});
