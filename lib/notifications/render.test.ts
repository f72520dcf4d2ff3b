import { describe, expect, it } from "vitest";
import { MAX_ITEMS, renderDigest, toEmailText, toSlackMessage } from "./render";
import type { Digest, DigestCell } from "./types";

const settings = { currency: "EUR", timeZone: "Europe/Berlin", baseUrl: "https://pillars.example.com" };

const cell = (i: number, over: Partial<DigestCell> = {}): DigestCell => ({
  scope: `team:t${i}`, scopeName: `R&D <${i}>`, period: "2026-03-16", status: "red", trend: "down", improving: false,
  metric: { key: "cost", name: "Cost", unit: "currency", aggregation: "SUM", direction: "LOWER_IS_BETTER" },
  value: 12_500 + i, previous: 10_000, ...over,
});

const digest = (cells: DigestCell[]): Digest => ({
  orgName: "Acme", currency: "EUR", timeZone: "Europe/Berlin", scopeName: "Acme", week: "2026-03-16",
  changes: cells, offTarget: cells, warnings: [], missing: null,
});

describe("digest rendering", () => {
  it("formats money in the org's currency and changes of money in %", () => {
    const text = toEmailText(renderDigest(digest([cell(0)]), settings));
    expect(text).toContain("R&D <0>: Cost €12.5K (+25% vs €10K the week before) — red");
    expect(text).toContain("https://pillars.example.com/?scope=team%3At0&range=12w");
    expect(text).toContain("No team has signals worsening together.");
  });

  it("caps long lists with a link to the whole page, escapes mrkdwn and keeps Block Kit's limits", () => {
    const message = toSlackMessage(renderDigest(digest(Array.from({ length: 40 }, (_, i) => cell(i, { scopeName: `${"Team name ".repeat(20)}&<${i}>` }))), settings));
    const sections = message.blocks.filter((b) => b.type === "section");
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    for (const s of sections) expect(s.text.text.length).toBeLessThanOrEqual(3000);
    const all = sections.map((s) => s.text.text).join("\n");
    expect(all).toContain("&amp;&lt;0&gt;");
    expect(all).not.toContain("<0>");
    expect(all).toContain(`and ${40 - MAX_ITEMS} more — open the status grid`);
    expect(all).toContain("<https://pillars.example.com/status|and");
    // Every link is whole: <url|text> with nothing cut between its brackets.
    for (const link of all.match(/<[^>]*>/g) ?? []) expect(link).toMatch(/^<https:\/\/pillars\.example\.com\/[^|]*\|[^>]+>$/);
  });
});
