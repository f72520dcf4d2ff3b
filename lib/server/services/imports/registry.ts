import "server-only";
import { aiUsageKind } from "./kinds/ai-usage";
import { deploymentsKind } from "./kinds/deployments";
import { groupsKind } from "./kinds/groups";
import { incidentsKind } from "./kinds/incidents";
import { learningKind } from "./kinds/learning";
import { metricValuesLong } from "./kinds/metric-values-long";
import { metricValuesWide } from "./kinds/metric-values-wide";
import { peopleKind } from "./kinds/people";
import { pullRequestsKind } from "./kinds/pull-requests";
import { surveyResultsKind } from "./kinds/survey-results";
import { teamsKind } from "./kinds/teams";
import type { ImportKind } from "./kinds/types";
import { workItemsKind } from "./kinds/work-items";
import { badRequest } from "@/lib/server/errors";
import type { ImportAccess } from "@/lib/server/permissions";

/** Every kind of data a CSV can import, in the order the import page lists them. */
export const IMPORT_KINDS: readonly ImportKind<never>[] = [
  metricValuesLong,
  metricValuesWide,
  teamsKind,
  groupsKind,
  peopleKind,
  deploymentsKind,
  pullRequestsKind,
  incidentsKind,
  workItemsKind,
  surveyResultsKind,
  aiUsageKind,
  learningKind,
] as unknown as readonly ImportKind<never>[];

export function importKind(key: string): ImportKind<unknown> {
  const kind = IMPORT_KINDS.find((k) => k.key === key);
  if (!kind) throw badRequest(`Unknown import kind "${key}". Choose one of: ${IMPORT_KINDS.map((k) => k.key).join(", ")}.`);
  return kind as unknown as ImportKind<unknown>;
}

/** The kinds whose rows are people records (admins only, see permissions.readImport). */
export const PEOPLE_IMPORT_KINDS: readonly string[] = IMPORT_KINDS.filter((k) => k.peopleData).map((k) => k.key);

/** What the permission checks need to know about a stored import. */
export function importAccessOf(row: { kind: string; createdById: string | null; createdByTokenId: string | null }): ImportAccess {
  return { createdById: row.createdById, createdByTokenId: row.createdByTokenId, peopleData: PEOPLE_IMPORT_KINDS.includes(row.kind) };
}
