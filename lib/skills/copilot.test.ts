import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  organisationUsageRows,
  parseCopilotReportLinks,
  parseCopilotReportNdjson,
  parseCopilotSeats,
  seatRows,
  teamUsageRows,
} from "./copilot";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(path.join(process.cwd(), "lib/testing/fixtures/github", name), "utf8"));

describe("Copilot seats list", () => {
  const { totalSeats, seats } = parseCopilotSeats(fixture("copilot-seats-list.json"));

  it("reads holders, assigning teams and last activity from GitHub's example", () => {
    expect(totalSeats).toBe(2);
    expect(seats).toEqual([
      {
        login: "octocat",
        team: "justice-league",
        planType: "business",
        createdAt: "2021-08-04T00:00:00.000Z",
        lastActivityAt: "2021-10-14T06:53:32.000Z",
        pendingCancellationDate: null,
      },
      {
        login: "octokitten",
        team: null,
        planType: null,
        createdAt: "2021-09-24T00:00:00.000Z",
        lastActivityAt: "2021-10-13T06:53:32.000Z",
        pendingCancellationDate: "2021-11-01",
      },
    ]);
  });

  it("rolls seats up to the organisation and each assigning team", () => {
    expect(seatRows(seats, "2021-10-14")).toEqual([
      { date: "2021-10-14", team: null, seats: 2, activeUsers: 2 },
      { date: "2021-10-14", team: "justice-league", seats: 1, activeUsers: 1 },
    ]);
  });

  it("drops a seat on its cancellation date and activity outside the window", () => {
    // 10 November: octokitten's seat ended 1 November; octocat was last active 27 days earlier.
    expect(seatRows(seats, "2021-11-10")[0]).toEqual({ date: "2021-11-10", team: null, seats: 1, activeUsers: 1 });
    expect(seatRows(seats, "2021-11-10", 7)[0].activeUsers).toBe(0);
  });

  it("rejects a payload that is not a seats list", () => {
    expect(() => parseCopilotSeats({ seats: "none" })).toThrow();
  });
});

describe("Copilot usage metrics report", () => {
  it("reads the report day and download links from GitHub's example", () => {
    expect(parseCopilotReportLinks(fixture("copilot-usage-metrics-1-day-report.json"))).toEqual({
      reportDay: "2025-07-01",
      downloadLinks: ["https://example.com/copilot-usage-report-1.ndjson", "https://example.com/copilot-usage-report-2.ndjson"],
    });
  });

  // Shaped like GitHub's published example schema for the NDJSON files.
  const orgNdjson = [
    JSON.stringify({
      day: "2025-07-01",
      organization_id: "42",
      daily_active_users: 12,
      weekly_active_users: 20,
      monthly_active_users: 31,
      user_initiated_interaction_count: 40,
      code_generation_activity_count: 300,
      code_acceptance_activity_count: 90,
      loc_suggested_to_add_sum: 1200,
      loc_added_sum: 400,
      pull_requests: { total_merged: 25, total_merged_created_by_copilot: 3 },
      totals_by_ide: [{ ide: "vscode", code_generation_activity_count: 300 }],
    }),
    "",
    JSON.stringify({ day_totals: [{ day: "2025-06-30", daily_active_users: 9 }], report_start_day: "2025-06-03" }),
  ].join("\n");

  it("normalises organisation day records, keeping unreported fields empty", () => {
    const rows = organisationUsageRows(parseCopilotReportNdjson(orgNdjson));
    expect(rows.map((r) => [r.date, r.activeUsers, r.suggestions, r.acceptances, r.mergedPrs, r.mergedPrsByCopilot])).toEqual([
      ["2025-06-30", 9, null, null, null, null],
      ["2025-07-01", 12, 300, 90, 25, 3],
    ]);
    expect(rows[1]).toMatchObject({ weeklyActiveUsers: 20, monthlyActiveUsers: 31, linesSuggested: 1200, linesAccepted: 400, engagedUsers: null });
  });

  it("attributes user records to the team that assigned their seat", () => {
    const { seats } = parseCopilotSeats(fixture("copilot-seats-list.json"));
    const userNdjson = [
      { day: "2025-07-01", user_login: "octocat", code_generation_activity_count: 10, code_acceptance_activity_count: 4 },
      { day: "2025-07-01", user_login: "octokitten", code_generation_activity_count: 5 },
      { day: "2025-07-02", user_login: "octocat", user_initiated_interaction_count: 0 },
    ]
      .map((r) => JSON.stringify(r))
      .join("\n");
    const rows = teamUsageRows(parseCopilotReportNdjson(userNdjson), seats);
    // octokitten's seat has no assigning team, so only justice-league rows appear.
    expect(rows.map((r) => [r.date, r.team, r.activeUsers, r.engagedUsers, r.suggestions, r.acceptances])).toEqual([
      ["2025-07-01", "justice-league", 1, 1, 10, 4],
      ["2025-07-02", "justice-league", 1, 0, 0, 0],
    ]);
  });

  it("names the line that fails validation", () => {
    expect(() => parseCopilotReportNdjson('{"day":"2025-07-01"}\n{"day":"yesterday"}')).toThrow(/line 2/);
    expect(() => parseCopilotReportNdjson("not json")).toThrow(/line 1 is not JSON/);
  });
});
