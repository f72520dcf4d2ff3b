import { describe, expect, it } from "vitest";
import { emailInvitationsInput } from "@/lib/validation/surveys";
import { composeInvitationEmail, parseAddressList } from "./invitation-email";

const base = {
  surveyTitle: "Team pulse",
  teamName: "Payments",
  url: "https://pillars.example.com/s/abcdefghijklmnopqrstuvwxyz012345",
  opensOn: "2026-03-16",
  closesOn: "2026-03-27",
  anonymityThreshold: 5,
  today: "2026-03-18",
};

describe("composeInvitationEmail", () => {
  it("says the title, team, link, closing day and anonymity in plain lines of at most 72 characters", () => {
    const { subject, text } = composeInvitationEmail(base);
    expect(subject).toBe("Survey: Team pulse");
    expect(text).toContain('the survey "Team pulse" for the team Payments.');
    expect(text.split("\n")).toContain(base.url);
    expect(text).toContain("closes at the end of 27 Mar 2026");
    expect(text).not.toContain("opens on");
    expect(text.replace(/\n/g, " ")).toContain("results are shown only for groups of at least 5 people");
    expect(text.split("\n").every((line) => line.length <= 72)).toBe(true);
  });

  it("says when a scheduled run opens", () => {
    expect(composeInvitationEmail({ ...base, today: "2026-03-10" }).text).toContain("opens on 16 Mar 2026 and closes at the end of 27 Mar 2026");
  });

  it("can never put a line break in the subject", () => {
    const { subject } = composeInvitationEmail({ ...base, surveyTitle: "Pulse\r\nBcc: everyone@example.com\u2028x" });
    expect(subject).toBe("Survey: Pulse Bcc: everyone@example.com x");
    expect(subject).not.toMatch(/[\r\n]/);
  });
});

describe("parseAddressList", () => {
  it("reads one address per line, skipping blanks, keeping each address once", () => {
    expect(parseAddressList("a@x.example\n\n  b@x.example \r\nA@X.example\nnot an address\n")).toEqual({
      addresses: ["a@x.example", "b@x.example"],
      duplicates: 1,
      skippedLines: [5],
    });
  });

  it("finds the email column of a CSV export by its header, or the cell with an @", () => {
    expect(parseAddressList('\uFEFFname,Email\n"Doe, Jane",jane@x.example\nBob,bob@x.example\n').addresses).toEqual(["jane@x.example", "bob@x.example"]);
    expect(parseAddressList("Jane;jane@x.example\nBob;Bob Smith <bob@x.example>").addresses).toEqual(["jane@x.example", "bob@x.example"]);
    expect(parseAddressList("Jane\tjane@x.example").addresses).toEqual(["jane@x.example"]);
  });
});

describe("emailInvitationsInput", () => {
  it("names the index of an invalid or repeated address", () => {
    const result = emailInvitationsInput.safeParse({ teamId: "t1", addresses: ["a@x.example", "bad@", "A@x.example", "c@x.example\r\nBcc: d@x.example"] });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toEqual(expect.arrayContaining(["addresses.1", "addresses.3"]));
  });

  it("reports a repeated address at its second position", () => {
    const result = emailInvitationsInput.safeParse({ teamId: "t1", addresses: ["a@x.example", "A@x.example"] });
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["addresses", 1] })]);
  });

  it("refuses more than 1,000 addresses and an empty list", () => {
    const many = Array.from({ length: 1001 }, (_, i) => `p${i}@x.example`);
    expect(emailInvitationsInput.safeParse({ teamId: "t1", addresses: many }).success).toBe(false);
    expect(emailInvitationsInput.safeParse({ teamId: "t1", addresses: [] }).success).toBe(false);
    expect(emailInvitationsInput.safeParse({ teamId: "t1", addresses: many.slice(0, 1000) }).success).toBe(true);
  });
});
