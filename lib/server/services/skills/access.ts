import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { assertTeamWriter as assertMayWriteTeams } from "@/lib/server/permissions";

/**
 * Team data in this pillar (learning, AI usage, needs, proficiency) is written by admins and by
 * managers for their own teams; the per-team check happens item by item in the services. Leaders
 * and viewers are refused up front so they get a 403, not a list of per-item refusals.
 */
export function assertTeamWriter(user: SessionUser | null): void {
  assertMayWriteTeams(user, "Only admins and team managers can change this data.");
}
