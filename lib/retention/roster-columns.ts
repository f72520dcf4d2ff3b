/**
 * The roster CSV's columns, with the names common HR-system exports use for them (Workday,
 * BambooHR, HiBob, Personio and spreadsheet exports differ mostly in wording). One row is one
 * employment span: a rehired person has a row per span, oldest first or in any order.
 * `previous_team` + `team_since` record a team move; `previous_level` + `level_since` a promotion.
 */
import type { ExpectedField } from "@/lib/csv/header";
import type { RosterField } from "@/lib/retention/api-types";

export const ROSTER_COLUMNS: readonly ExpectedField<RosterField>[] = [
  { key: "employee_id", required: true, aliases: ["Employee ID", "Employee Number", "Employee No", "Emp ID", "Worker ID", "Person ID", "Employee Code", "Staff ID"] },
  { key: "team", required: true, aliases: ["Team Name", "Team Slug", "Squad", "Org Unit", "Organisation Unit", "Organization Unit"] },
  { key: "level", required: true, aliases: ["Job Level", "Career Level", "Grade", "Job Grade"] },
  { key: "role_family", aliases: ["Role Family", "Job Family", "Job Function"] },
  { key: "location", aliases: ["Work Location", "Office", "Site", "Office Location"] },
  { key: "sourcing", aliases: ["Sourcing Model", "Employment Model", "Delivery Model"] },
  { key: "manager_id", aliases: ["Manager Employee ID", "Manager ID", "Reports To", "Supervisor ID", "Line Manager ID"] },
  { key: "hire_date", required: true, aliases: ["Hire Date", "Start Date", "Date of Hire", "Original Hire Date", "Join Date", "Employment Start Date"] },
  { key: "exit_date", aliases: ["Termination Date", "End Date", "Leave Date", "Last Day", "Separation Date", "Last Working Day"] },
  { key: "exit_type", aliases: ["Termination Type", "Separation Type", "Leaver Type", "Voluntary or Involuntary"] },
  { key: "regretted", aliases: ["Regretted Attrition", "Regrettable", "Regretted Leaver", "Regrettable Loss"] },
  { key: "exit_reason", aliases: ["Termination Reason", "Reason for Leaving", "Leaving Reason", "Separation Reason", "Exit Reason Category"] },
  { key: "previous_team", aliases: ["From Team", "Prior Team"] },
  { key: "team_since", aliases: ["Team Start Date", "In Team Since", "Team Effective Date", "Transfer Date"] },
  { key: "previous_level", aliases: ["From Level", "Prior Level"] },
  { key: "level_since", aliases: ["Level Start Date", "Promotion Date", "Level Effective Date"] },
];

/** The downloadable template: the header and two example rows (a current employee and a rehire's first span). */
export const ROSTER_TEMPLATE_ROWS: string[][] = [
  ["E1001", "core-infrastructure", "IC3", "software-engineering", "London", "onshore", "E0900", "2022-03-14", "", "", "", "", "developer-experience", "2024-01-08", "IC2", "2024-04-01"],
  ["E1002", "core-infrastructure", "IC2", "software-engineering", "Lisbon", "nearshore", "E0900", "2021-06-01", "2023-02-28", "voluntary", "yes", "Better offer elsewhere", "", "", "", ""],
];

