"use client";

import type { ReactNode } from "react";
import { ApiError } from "@/lib/client/api";

/** Labelled input used by the roster and career admin forms. */
export function Field({ label, htmlFor, children }: { label: string; htmlFor: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={htmlFor} className="text-xs font-medium text-slate-700">
        {label}
      </label>
      {children}
    </div>
  );
}

export const inputClass = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm";
export const buttonClass = "rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-50";
export const secondaryButtonClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:opacity-50";

export function ErrorText({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="text-sm text-red-800">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

/** JSON request to our API; throws ApiError with the server's message (and the first field issue). */
export async function sendJson<T>(url: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(url, { method, headers: { "Content-Type": "application/json", Accept: "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const payload: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const p = payload as { error?: string; message?: string };
    throw new ApiError(response.status, p.error ?? "http_error", p.message ?? `The request failed (HTTP ${response.status}).`);
  }
  return payload as T;
}
