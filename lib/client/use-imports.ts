"use client";

import { useQuery, useQueryClient, useMutation } from "@tanstack/react-query";
import { fetchJson, sendJson } from "./api";
import { queryKeys } from "./query-keys";
import type { ImportPreview, RowProblem } from "@/lib/imports/api-types";

/** The import page's server data: previews, the polled import state, the imports list. */

export interface ImportState {
  id: string;
  kind: string;
  fileName: string;
  status: "UPLOADED" | "VALIDATING" | "RUNNING" | "COMPLETED" | "FAILED" | "UNDONE";
  totalRows: number;
  processedRows: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  error: string | null;
  actorLabel: string;
  createdAt: string;
  finishedAt: string | null;
  undoableUntil: string | null;
  /** Whether the viewer may undo it: its uploader or an admin. */
  mayUndo: boolean;
  /** Queued while no worker is alive to take it. */
  waitingForWorker?: boolean;
  rejects?: RowProblem[];
  rejectsListed?: number;
}

export interface PreviewOptions {
  mapping?: Record<string, number> | null;
  createUnknown: boolean;
  dayOrder?: "DMY" | "MDY";
}

const POLL_MS = 500;
const RUNNING = new Set(["UPLOADED", "VALIDATING", "RUNNING"]);

export async function uploadFile(kind: string, file: File, createUnknown: boolean): Promise<ImportPreview> {
  const form = new FormData();
  form.append("kind", kind);
  form.append("file", file, file.name);
  const body = await fetchJson<{ preview: ImportPreview }>(`/api/v1/imports?createUnknown=${createUnknown ? 1 : 0}`, { method: "POST", body: form });
  return body.preview;
}

export async function repreview(id: string, options: PreviewOptions): Promise<ImportPreview> {
  const body = await sendJson<{ preview: ImportPreview }>(`/api/v1/imports/${id}/preview`, "POST", options);
  return body.preview;
}

export function useStartImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string } & PreviewOptions & { skipInvalid: boolean }) => {
      const { id, ...options } = input;
      return sendJson<{ import: ImportState }>(`/api/v1/imports/${id}/run`, "POST", options);
    },
    onSuccess: (data) => client.setQueryData(queryKeys.imports.one(data.import.id), data),
  });
}

/** The import's state, polled every 500 ms while it runs (progress is stored in the database). */
export function useImportState(id: string | null) {
  return useQuery({
    queryKey: queryKeys.imports.one(id ?? "none"),
    enabled: id !== null,
    queryFn: ({ signal }) => fetchJson<{ import: ImportState }>(`/api/v1/imports/${id}`, { signal }),
    refetchInterval: (query) => (query.state.data && !RUNNING.has(query.state.data.import.status) ? false : POLL_MS),
  });
}

export function useImportsList() {
  return useQuery({ queryKey: queryKeys.imports.all(), queryFn: ({ signal }) => fetchJson<{ imports: ImportState[] }>("/api/v1/imports", { signal }) });
}

/** Undoing rewrites data others may rely on: the page asks before it sends the request. */
export function confirmUndo(fileName: string): boolean {
  return window.confirm(`Undo the import of ${fileName}? Every row it created is deleted and every row it changed gets its earlier value back.`);
}

export function useUndoImport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => sendJson<{ undone: { restored: number; deleted: number } }>(`/api/v1/imports/${id}/undo`, "POST"),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.imports.all() }),
  });
}
