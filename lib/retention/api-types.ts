/**
 * The shapes the retention API returns to the browser (the report, people records, career levels, the roster
 * import). Pure types: the server builds them, the Retention screens and client hooks read them.
 */
import type { Granularity } from "@/lib/domain/time";
import type { RETENTION_EXPLANATIONS } from "@/lib/retention/explanations";
import type { CohortRow, RetentionRow } from "@/lib/retention/report-core";
import type { FilterInfo } from "@/lib/segments/segment-filter";
import type { RetentionSegment } from "@/lib/validation/people";

export interface RetentionReport {
  segment: RetentionSegment;
  period: Granularity;
  from: string;
  to: string;
  asOf: string;
  threshold: number;
  /** The segment filter the report is narrowed to, or null. */
  filter: FilterInfo | null;
  periods: { start: string; end: string; label: string; complete: boolean }[];
  /** The segment values, in display order ("org" is the whole organisation). */
  segments: { key: string; label: string }[];
  rows: RetentionRow[];
  cohorts: CohortRow[];
  explanations: typeof RETENTION_EXPLANATIONS;
}

export interface CareerLevelRow {
  id: string;
  key: string;
  name: string;
  track: string;
  order: number;
  people: number;
}

/** A person's record in one canonical form (see lib/server/services/retention/canonical.ts). */
export interface CanonicalPerson {
  employeeId: string;
  teamId: string;
  level: string;
  roleFamily: string | null;
  location: string | null;
  sourcing: string | null;
  managerEmployeeId: string | null;
  employments: { hireDate: string; exitDate: string | null; exitType: string | null; regretted: boolean; exitReason: string | null }[];
  promotions: { date: string; fromLevel: string; toLevel: string }[];
  teamMoves: { date: string; fromTeamId: string; toTeamId: string }[];
}

export interface PersonSummary {
  employeeId: string;
  teamId: string | null;
  teamName: string | null;
  level: string | null;
  roleFamily: string | null;
  location: string | null;
  sourcing: string | null;
  managerEmployeeId: string | null;
  status: "active" | "exited";
  hireDate: string | null;
  exitDate: string | null;
  exitType: string | null;
  regretted: boolean;
  exitReason: string | null;
  rehired: boolean;
}

/** A field of the roster CSV (the file's column names for it are in roster-columns.ts). */
export type RosterField =
  | "employee_id"
  | "team"
  | "level"
  | "role_family"
  | "location"
  | "sourcing"
  | "manager_id"
  | "hire_date"
  | "exit_date"
  | "exit_type"
  | "regretted"
  | "exit_reason"
  | "previous_team"
  | "team_since"
  | "previous_level"
  | "level_since";

export interface ImportProblem {
  /** 1-based line in the file (0 when the problem is about the file as a whole). */
  line: number;
  /** The file's column name, when the problem is in one cell. */
  column: string | null;
  message: string;
}

export interface RosterImportResult {
  dryRun: boolean;
  applied: boolean;
  rows: number;
  people: number;
  /** Field → the file's column it was read from. */
  columns: { field: RosterField; column: string }[];
  /** Columns the import ignores. */
  ignored: string[];
  errors: ImportProblem[];
  created: number;
  updated: number;
  unchanged: number;
}
