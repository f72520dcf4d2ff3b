import "server-only";
import { z } from "zod";
import { localDate } from "@/lib/domain/time";
import type { CopilotImportResult, CopilotTeamMatch } from "@/lib/skills/api-types";
import { parseCopilotReportNdjson, parseCopilotSeats, seatRows, teamUsageRows, type CopilotSeat } from "@/lib/skills/copilot";
import { getOrgSettings } from "@/lib/server/data/org";
import { teamsBySlugsOrIds } from "@/lib/server/data/skills/catalog";
import { badRequest } from "@/lib/server/errors";
import type { CopilotImportBody } from "@/lib/validation/skills";
import { writeUsageRows, type UsageRowInput } from "./ai-usage";
import type { WriteOptions } from "./learning";

/**
 * Imports GitHub Copilot exports into AiUsage rows (tool "copilot"):
 * - the seat list gives, for the day it describes, each assigning team's seats and the seat
 *   holders active in the 7 days up to it (a weekly-active figure);
 * - a users usage report (NDJSON) gives each team's daily active and engaged users, code
 *   suggestions and acceptances, attributing users through the seat list's assigning team.
 * A Copilot team maps to the Pillars team with the same slug unless `teamMap` says otherwise;
 * teams left unmapped are reported and skipped. `dryRun` answers with the mapping only, so the
 * upload form can ask about the unmatched teams before anything is written.
 */
export const COPILOT_TOOL = "copilot";
const WEEKLY_ACTIVE_DAYS = 7;

function parseOrThrow<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    const message = error instanceof z.ZodError ? z.prettifyError(error) : (error as Error).message;
    throw badRequest(`The ${what} could not be read: ${message}`);
  }
}

export async function importCopilotMetrics(body: CopilotImportBody, options: WriteOptions): Promise<CopilotImportResult> {
  const asOf = body.asOf ?? localDate(options.now ?? new Date(), (await getOrgSettings()).timeZone);
  let seats: CopilotSeat[] = [];
  const raw: { team: string; row: Omit<UsageRowInput, "teamId" | "tool"> }[] = [];
  /** The first row of each team and day (the seat list's, else the report's), which a later one of that day joins. */
  const firstOf = new Map<string, (typeof raw)[number]>();
  const add = (row: (typeof raw)[number]) => {
    raw.push(row);
    const key = `${row.team}|${row.row.date}`;
    if (!firstOf.has(key)) firstOf.set(key, row);
  };
  if (body.seats !== undefined) {
    seats = parseOrThrow("seat list", () => parseCopilotSeats(body.seats)).seats;
    for (const s of seatRows(seats, asOf, WEEKLY_ACTIVE_DAYS)) {
      if (s.team === null) continue;
      add({ team: s.team, row: { date: s.date, seats: s.seats, activeUsers: s.activeUsers, engagedUsers: null, suggestions: null, acceptances: null, agentTasks: null } });
    }
  }
  if (body.report !== undefined) {
    if (seats.length === 0) throw badRequest("A users usage report is attributed to teams through the seat list: send the seat list with it.");
    const records = parseOrThrow("usage report", () => parseCopilotReportNdjson(body.report as string));
    for (const r of teamUsageRows(records, seats)) {
      if (r.team === null) continue;
      const seatRow = firstOf.get(`${r.team}|${r.date}`);
      if (seatRow) {
        // The seat list's 7-day actives and the report's daily actives describe the same day: keep the larger.
        seatRow.row = { ...seatRow.row, activeUsers: Math.max(seatRow.row.activeUsers ?? 0, r.activeUsers ?? 0), engagedUsers: r.engagedUsers, suggestions: r.suggestions, acceptances: r.acceptances };
      } else {
        add({ team: r.team, row: { date: r.date, seats: null, activeUsers: r.activeUsers, engagedUsers: r.engagedUsers, suggestions: r.suggestions, acceptances: r.acceptances, agentTasks: null } });
      }
    }
  }

  const copilotTeams = [...new Set(raw.map((r) => r.team))].sort();
  const mappedIds = Object.values(body.teamMap).filter((v): v is string => v !== null);
  const teams = await teamsBySlugsOrIds(copilotTeams, mappedIds);
  const matches: CopilotTeamMatch[] = copilotTeams.map((slug) => {
    const rows = raw.filter((r) => r.team === slug).length;
    if (slug in body.teamMap) {
      const id = body.teamMap[slug];
      const team = id === null ? undefined : teams.find((t) => t.id === id);
      if (id !== null && !team) throw badRequest(`The mapping for Copilot team "${slug}" names a team that does not exist.`);
      return { copilotTeam: slug, teamId: team?.id ?? null, teamName: team?.name ?? null, via: team ? "mapping" : "none", rows };
    }
    const team = teams.find((t) => t.slug === slug);
    return { copilotTeam: slug, teamId: team?.id ?? null, teamName: team?.name ?? null, via: team ? "slug" : "none", rows };
  });
  const teamOf = new Map(matches.map((m) => [m.copilotTeam, m.teamId]));
  const rows: UsageRowInput[] = raw.flatMap((r) => {
    const teamId = teamOf.get(r.team) ?? null;
    return teamId ? [{ tool: COPILOT_TOOL, teamId, ...r.row }] : [];
  });
  const seatsWithoutTeam = seats.filter((s) => s.team === null).length;
  if (body.dryRun) return { dryRun: true, teams: matches, seatsWithoutTeam, rows: rows.length, created: 0, updated: 0 };
  // Two Copilot teams mapped to one Pillars team on the same day: add them up.
  const merged = new Map<string, UsageRowInput>();
  for (const r of rows) {
    const key = `${r.teamId}|${r.date}`;
    const prev = merged.get(key);
    merged.set(key, prev ? addRows(prev, r) : r);
  }
  const written = await writeUsageRows([...merged.values()], options);
  return { dryRun: false, teams: matches, seatsWithoutTeam, rows: written.received, created: written.created, updated: written.updated };
}

const plus = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

function addRows(a: UsageRowInput, b: UsageRowInput): UsageRowInput {
  return {
    ...a,
    seats: plus(a.seats, b.seats), activeUsers: plus(a.activeUsers, b.activeUsers), engagedUsers: plus(a.engagedUsers, b.engagedUsers),
    suggestions: plus(a.suggestions, b.suggestions), acceptances: plus(a.acceptances, b.acceptances), agentTasks: plus(a.agentTasks, b.agentTasks),
  };
}
