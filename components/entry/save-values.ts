/** Saving the grid: PUT /api/v1/metric-values, keeping the server's per-row errors and conflict cells to mark them. */
import { ApiError, sendJson } from "@/lib/client/api";
import type { ChangedCell } from "@/lib/entry/changes";

export interface ServerRowError {
  row: number;
  field: string;
  message: string;
}

export interface ServerConflict {
  row: number;
  metricId: string;
  weekStart: string;
  current: { value: number; note: string | null; version: number; changedBy: string | null; changedAt: string } | null;
}

export type SaveOutcome =
  | { kind: "saved"; created: number; updated: number; unchanged: number }
  | { kind: "invalid"; errors: ServerRowError[] }
  | { kind: "conflict"; conflicts: ServerConflict[] }
  | { kind: "failed"; message: string };

export async function saveValues(teamId: string, changes: ChangedCell[]): Promise<SaveOutcome> {
  const values = changes.map((c) => ({ metricId: c.metricId, teamId, weekStart: c.weekStart, value: c.value, note: c.note, expectedVersion: c.expectedVersion }));
  try {
    const body = await sendJson<{ created?: number; updated?: number; unchanged?: number }>("/api/v1/metric-values", "PUT", { values });
    return { kind: "saved", created: body.created ?? 0, updated: body.updated ?? 0, unchanged: body.unchanged ?? 0 };
  } catch (error) {
    if (!(error instanceof ApiError)) return { kind: "failed", message: "Saving failed. Your input is kept." };
    if (error.code === "network") return { kind: "failed", message: "The server could not be reached. Your input is kept; try again." };
    const details = error.details as { errors?: ServerRowError[]; conflicts?: ServerConflict[] } | undefined;
    if (error.status === 400 && details?.errors) return { kind: "invalid", errors: details.errors };
    if (error.status === 409 && details?.conflicts) return { kind: "conflict", conflicts: details.conflicts };
    return { kind: "failed", message: error.message };
  }
}
