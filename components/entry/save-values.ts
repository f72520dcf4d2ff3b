/**
 * Saving the grid: PUT /api/v1/metric-values, keeping the server's per-row errors and conflict cells
 * (fetchJson keeps only the message, and the grid needs the details to mark cells).
 */
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
  let response: Response;
  try {
    response = await fetch("/api/v1/metric-values", {
      method: "PUT",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify({
        values: changes.map((c) => ({ metricId: c.metricId, teamId, weekStart: c.weekStart, value: c.value, note: c.note, expectedVersion: c.expectedVersion })),
      }),
    });
  } catch {
    return { kind: "failed", message: "The server could not be reached. Your input is kept; try again." };
  }
  const body = (await response.json().catch(() => ({}))) as {
    message?: string;
    details?: { errors?: ServerRowError[]; conflicts?: ServerConflict[] };
    created?: number;
    updated?: number;
    unchanged?: number;
  };
  if (response.ok) return { kind: "saved", created: body.created ?? 0, updated: body.updated ?? 0, unchanged: body.unchanged ?? 0 };
  if (response.status === 400 && body.details?.errors) return { kind: "invalid", errors: body.details.errors };
  if (response.status === 409 && body.details?.conflicts) return { kind: "conflict", conflicts: body.details.conflicts };
  return { kind: "failed", message: body.message ?? `Saving failed (HTTP ${response.status}). Your input is kept.` };
}
