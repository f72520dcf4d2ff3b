/**
 * The shapes the admin API returns to the browser (organisation structure, users, settings, API tokens, the
 * audit trail). Pure types: the server builds them, the admin screens and client hooks read them.
 */
import type { ORIGINS, ROLES, SettingsInput, SOURCINGS } from "@/lib/validation/admin";

type Role = (typeof ROLES)[number];
type Sourcing = (typeof SOURCINGS)[number];
type Origin = (typeof ORIGINS)[number];

export interface AdminGroupRow {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  teamCount: number;
  childCount: number;
}

export interface AdminTeamRow {
  id: string;
  name: string;
  slug: string;
  groupId: string;
  location: string;
  sourcing: Sourcing;
  origin: Origin;
  acquisitionName: string | null;
  acquisitionDate: string | null;
  timeZone: string | null;
  archivedAt: string | null;
  /** Metric values, services, people, work items… — such a team is archived, never deleted. */
  hasData: boolean;
}

export interface AdminServiceRow {
  id: string;
  name: string;
  teamId: string | null;
  createdAt: string;
}

export interface AdminOrg {
  groups: AdminGroupRow[];
  teams: AdminTeamRow[];
  services: AdminServiceRow[];
}

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: string;
  createdBy: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface AdminUserRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  lastSignInAt: string | null;
  createdAt: string;
  managedTeams: { id: string; name: string }[];
}

export interface CreatedUser {
  user: AdminUserRow;
  /** Present only when the server generated the password; shown once. */
  generatedPassword: string | null;
}

export interface LocationCostRow {
  id: string;
  location: string;
  sourcing: Sourcing;
  annualCost: number;
}

export interface AdminSettings {
  settings: SettingsInput & { updatedAt: string };
  locationCosts: LocationCostRow[];
  /** Location + sourcing pairs that active teams use but that have no cost yet (their cost shows as missing). */
  missingCosts: { location: string; sourcing: Sourcing }[];
}

export interface AuditRow {
  id: string;
  at: string;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: string;
  before: unknown;
  after: unknown;
}

/** A background job as Admin → Jobs and `GET /api/v1/jobs/{id}` show it. */
export interface JobView {
  id: string;
  kind: string;
  /** What it does, in words. */
  label: string;
  status: "QUEUED" | "RUNNING" | "DONE" | "FAILED";
  /** Units done of `total` (teams for recomputes); total 0 while unknown. */
  progress: number;
  total: number;
  attempts: number;
  maxAttempts: number;
  /** The last run's error (kept while a retry is queued). */
  error: string | null;
  /** What the finished run reported (e.g. teams, weeks and values recomputed). */
  result: Record<string, unknown> | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobList {
  jobs: JobView[];
  counts: Record<JobView["status"], number>;
}
