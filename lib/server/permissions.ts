import "server-only";
import type { Role, SessionUser } from "./auth/session-user";
import { forbidden } from "./errors";

/**
 * Every access decision in one place. Pages, server actions and route handlers call these; the proxy only
 * redirects anonymous visitors. ADMIN: everything. LEADER: read everything, annotate, build meeting packs
 * and surveys. MANAGER: read everything, write data only for the teams they manage. VIEWER: read only.
 */
export type Action =
  | "read"
  | "admin"
  | "annotate"
  | "manageSurveys"
  | "inviteToSurveys"
  | "managePacks"
  | "viewMissingData"
  | "viewPeopleRecords"
  | "viewSeparationClassifications"
  | "enterData";

const ALLOWED: Record<Action, readonly Role[]> = {
  read: ["ADMIN", "LEADER", "MANAGER", "VIEWER"],
  admin: ["ADMIN"],
  annotate: ["ADMIN", "LEADER"],
  manageSurveys: ["ADMIN", "LEADER"],
  /** Generating a run's invitation links; a manager only for the teams they manage (decided per team). */
  inviteToSurveys: ["ADMIN", "LEADER", "MANAGER"],
  managePacks: ["ADMIN", "LEADER"],
  viewMissingData: ["ADMIN", "LEADER"],
  viewPeopleRecords: ["ADMIN"],
  /**
   * How separations are classified (voluntary, regretted, exit reasons) for any group that may be shown; other
   * roles see them only where at least 3 people left in each month (disclosure.md rule 5).
   */
  viewSeparationClassifications: ["ADMIN", "LEADER"],
  /** Opening the entry grid; which teams may be written is still decided per team (canWriteTeam). */
  enterData: ["ADMIN", "MANAGER"],
};

export function can(user: SessionUser, action: Action): boolean {
  return ALLOWED[action].includes(user.role);
}

export function assertCan(user: SessionUser, action: Action): void {
  if (!can(user, action)) throw forbidden();
}

/** Writing a team's data: admins for any team, managers for the teams they manage. */
export function canWriteTeam(user: SessionUser, teamId: string): boolean {
  if (user.role === "ADMIN") return true;
  return user.role === "MANAGER" && user.managedTeamIds.includes(teamId);
}

export function assertCanWriteTeam(user: SessionUser, teamId: string): void {
  if (!canWriteTeam(user, teamId)) throw forbidden("You can only change data for the teams you manage.");
}

/** Teams whose data the user may write (null = all teams). */
export function writableTeamIds(user: SessionUser): string[] | null {
  if (user.role === "ADMIN") return null;
  return user.role === "MANAGER" ? user.managedTeamIds : [];
}
