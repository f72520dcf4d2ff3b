import { describe, expect, it } from "vitest";
import { DEMO_PASSWORDS } from "@/prisma/seed/accounts";
import { DUMMY_HASH, hashPassword, passwordProblem, verifyPassword } from "./password";

describe("passwordProblem", () => {
  it("wants at least 12 characters", () => {
    expect(passwordProblem("ab-cd-ef-g1h")).toBeNull();
    expect(passwordProblem("ab-cd-ef-g1")).toBe("Password must be at least 12 characters.");
    expect(passwordProblem("x".repeat(201))).toBe("Password must be at most 200 characters.");
  });

  it.each(["qwertyuiop123", "1q2w3e4r5t6y", "123456789012", "administrator", "Qazwsxedcrfv"])("refuses the breached password %s, whatever its case", (password) => {
    expect(passwordProblem(password)).toMatch(/too common/);
  });

  it.each(["Password2026!", "sunshine!!!!!!", "2024monkey2024", "  letmein123  "])("refuses a common password padded with digits or symbols: %s", (password) => {
    expect(passwordProblem(password)).toMatch(/too common/);
  });

  it.each(["aaaaaaaaaaaa", "abcabcabcabc", "wxyz-wxyz-wxyz-"])("refuses a short part repeated: %s", (password) => {
    expect(passwordProblem(password)).not.toBeNull();
  });

  it("refuses every password the demo seed publishes", () => {
    expect(DEMO_PASSWORDS.length).toBeGreaterThanOrEqual(5);
    for (const published of DEMO_PASSWORDS) expect(passwordProblem(published), published).toMatch(/published with the Pillars demo/);
  });

  it.each(["correct-horse-battery", "robin-tester-secret-42", "Tr0ub4dor&3-staple", "lange Passphrase für Pillars"])("accepts %s", (password) => {
    expect(passwordProblem(password)).toBeNull();
  });
});

describe("password hashing", () => {
  it("verifies what it hashed, and nothing matches the dummy hash used for unknown accounts", async () => {
    const stored = await hashPassword("correct-horse-battery");
    expect(await verifyPassword("correct-horse-battery", stored)).toBe(true);
    expect(await verifyPassword("correct-horse-batterY", stored)).toBe(false);
    // Same scheme and cost as a real hash, so checking against it takes as long.
    expect(DUMMY_HASH.split("$").slice(0, 4)).toEqual(stored.split("$").slice(0, 4));
    expect(await verifyPassword("", DUMMY_HASH)).toBe(false);
  });
});
