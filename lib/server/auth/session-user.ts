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

/** A user row (with the teams they manage) as the session user every check sees: sessions, jobs and digests acting for them. */
export function sessionUserOf(user: { id: string; email: string; name: string; role: Role; managedTeams: readonly { teamId: string }[] }): SessionUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, managedTeamIds: user.managedTeams.map((t) => t.teamId) };
}
