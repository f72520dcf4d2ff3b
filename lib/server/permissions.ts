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
  | "enterData"
  | "optInToAlerts";

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
  /** Receiving every team's alerts (Account page); managers receive their own teams' alerts without asking. */
  optInToAlerts: ["ADMIN", "LEADER"],
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

/** Refuses up front (403) a role that may write no team's data, before per-team or per-row checks. */
export function assertTeamWriter(user: SessionUser | null | undefined, message = "Only managers and admins can change this data."): void {
  if (user && !can(user, "enterData")) throw forbidden(message);
}

/** The teams a person's weekly digest covers: a manager's own teams; null (the whole organisation) for other roles. */
export function digestTeamIds(user: SessionUser): string[] | null {
  return user.role === "MANAGER" ? user.managedTeamIds : null;
}

/** Creating teams and metrics on the fly while importing (the "create unknown" option): admins only. */
export function createCatalogEntries(user: SessionUser): boolean {
  return can(user, "admin");
}

/** Seeing who holds which skill in a team: admins, and the team's managers. */
export function viewTeamIndividuals(user: SessionUser, teamId: string): boolean {
  return canWriteTeam(user, teamId);
}

/** Logging or editing an experiment: admins and leaders any; a manager only when every team in it is theirs. */
export function editExperiment(user: SessionUser, teamIds: readonly string[]): boolean {
  if (user.role === "ADMIN" || user.role === "LEADER") return true;
  return user.role === "MANAGER" && teamIds.length > 0 && teamIds.every((id) => canWriteTeam(user, id));
}

/** Experiments may be logged for these teams only (null = any team). */
export function experimentTeamIds(user: SessionUser): string[] | null {
  return user.role === "MANAGER" ? user.managedTeamIds : null;
}

/** Whether the role may log experiments at all (it still needs a team it may log for). */
export function logExperiments(user: SessionUser): boolean {
  return user.role !== "VIEWER";
}

/** Changing or deleting an annotation: an admin, or the leader who wrote it; nobody else, whatever their role. */
export function editAnnotation(user: SessionUser | null, row: { createdById: string | null }): boolean {
  if (!user) return false;
  return user.role === "ADMIN" || (row.createdById !== null && row.createdById === user.id && user.role === "LEADER");
}

/** The role that administers the organisation: the last active holder must keep it (someone must administer). */
export const ADMIN_ROLE: Role = "ADMIN";

/**
 * Who is asking for an object: a signed-in user, an API token (user null, tokenId set), or the system itself
 * (the CLI, jobs: neither), which may do anything.
 */
export interface Caller {
  user: SessionUser | null;
  tokenId?: string | null;
}

/** What an import's access rules need to know about it. */
export interface ImportAccess {
  createdById: string | null;
  createdByTokenId: string | null;
  /** Its kind carries people records (employee ids, exits): admins only, whoever uploaded it. */
  peopleData: boolean;
}

const isSystem = (caller: Caller) => !caller.user && !caller.tokenId;
const isAdmin = (user: SessionUser | null) => user?.role === "ADMIN";

/** Uploading a kind of import: admins any kind; managers the kinds written per team; tokens with the ingest scope. */
export function uploadImport(caller: Caller, kind: { access: "admin" | "teamWriter"; peopleData: boolean }): boolean {
  if (!caller.user) return true;
  if (isAdmin(caller.user)) return true;
  return caller.user.role === "MANAGER" && kind.access === "teamWriter" && !kind.peopleData;
}

/**
 * Reading an import (its state, its rejects, the list): an import belongs to whoever uploaded it — a user or
 * an API token — and admins may see every one. Of people data (roster, learning by employee) no user but an
 * admin sees anything, not even an upload of their own; a token sees only what it sent itself.
 */
export function readImport(caller: Caller, row: ImportAccess): boolean {
  if (isSystem(caller)) return true;
  if (caller.user) {
    if (isAdmin(caller.user)) return true;
    return !row.peopleData && row.createdById === caller.user.id;
  }
  return row.createdByTokenId === caller.tokenId;
}

/** Previewing an import again (new mapping, options): its uploader (if they may still upload) or an admin. */
export function previewImport(caller: Caller, row: ImportAccess): boolean {
  if (!readImport(caller, row)) return false;
  return !caller.user || isAdmin(caller.user) || caller.user.role === "MANAGER";
}

/** Running an import: the same people as previewing it. */
export const runImport = previewImport;

/** Undoing an import: its uploader or an admin; people data only by admins. */
export const undoImport = previewImport;

/** The where-clause of the imports a caller may list (null = all). */
export function importListFilter(caller: Caller, peopleKinds: readonly string[]): { createdById?: string; createdByTokenId?: string; kind?: { notIn: string[] } } | null {
  if (isSystem(caller) || isAdmin(caller.user)) return null;
  if (caller.user) return { createdById: caller.user.id, kind: { notIn: [...peopleKinds] } };
  return { createdByTokenId: caller.tokenId ?? "" };
}
