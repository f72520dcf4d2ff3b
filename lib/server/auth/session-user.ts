/** The signed-in user as every page, handler and permission check sees it. */
export type Role = "ADMIN" | "LEADER" | "MANAGER" | "VIEWER";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** Teams this user manages (writes allowed for MANAGER). */
  managedTeamIds: string[];
}
