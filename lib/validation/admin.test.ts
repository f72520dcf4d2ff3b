import { describe, expect, it } from "vitest";
import { isTimeZone, settingsInput, slugify, teamUpdateInput, userCreateInput, userUpdateInput } from "./admin";

describe("slugify", () => {
  it("makes URL-safe slugs from names", () => {
    expect(slugify("Billing & Payments")).toBe("billing-payments");
    expect(slugify("  Équipe Données — Paris ")).toBe("equipe-donnees-paris");
    expect(slugify("---")).toBe("");
  });
});

describe("admin inputs", () => {
  it("accepts UTC and IANA zones only", () => {
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("America/Sao_Paulo")).toBe(true);
    expect(isTimeZone("GMT+2")).toBe(false);
    expect(isTimeZone("europe/berlin")).toBe(false);
  });

  it("normalises emails and enforces the password length", () => {
    expect(userCreateInput.parse({ name: "A", email: " A@B.io ", role: "VIEWER" })).toEqual({ name: "A", email: "a@b.io", role: "VIEWER", managedTeamIds: [] });
    const short = userCreateInput.safeParse({ name: "A", email: "a@b.io", role: "VIEWER", password: "123456789" });
    expect(short.error?.issues[0]).toMatchObject({ path: ["password"], message: "Password must be at least 12 characters." });
    expect(userCreateInput.safeParse({ name: "A", email: "not-an-email", role: "VIEWER" }).success).toBe(false);
    expect(userCreateInput.safeParse({ name: "A", email: "a@b.io", role: "OWNER" }).success).toBe(false);
  });

  it("refuses an empty update", () => {
    expect(userUpdateInput.safeParse({}).success).toBe(false);
    expect(teamUpdateInput.safeParse({}).success).toBe(false);
    expect(teamUpdateInput.safeParse({ archived: true }).success).toBe(true);
  });

  it("keeps the anonymity threshold a whole number from 3 to 10", () => {
    const base = { name: "Org", timeZone: "UTC", noteChangePct: 50, currency: "USD", incidentLabel: "incident" };
    expect([2, 3, 10, 11, 5.5].map((anonymityThreshold) => settingsInput.safeParse({ ...base, anonymityThreshold }).success)).toEqual([false, true, true, false, false]);
  });
});
