"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, sendJson } from "@/lib/client/api";
import type { TargetView } from "@/lib/metrics/api-types";
import { targetBandsProblem } from "@/lib/validation/targets";

type Direction = "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL";

/** One target in the history table: shown, corrected in place, or deleted after a confirmation. */
export function TargetRow({ target, direction }: { target: TargetView; direction: Direction | undefined }) {
  const router = useRouter();
  const [mode, setMode] = useState<"show" | "edit" | "confirm-delete">("show");
  const [error, setError] = useState<string | null>(null);
  const scope = target.scopeType === "ORG" ? "Organisation" : `${target.scopeType === "GROUP" ? "Group" : "Team"}: ${target.scopeName}`;
  const label = `${scope} from ${target.effectiveFrom}`;
  const errorId = `target-${target.id}-error`;

  const save = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const green = Number(f.get("green"));
    const amber = Number(f.get("amber"));
    const problem = direction ? targetBandsProblem(direction, green, amber) : null;
    if (problem) return setError(problem);
    try {
      await sendJson(`/api/v1/targets/${target.id}`, "PATCH", { green, amber, effectiveFrom: String(f.get("effectiveFrom")) });
    } catch (failure) {
      return setError(failure instanceof ApiError ? failure.message : "The target was not saved.");
    }
    setError(null);
    setMode("show");
    router.refresh();
  };

  const remove = async () => {
    try {
      await sendJson(`/api/v1/targets/${target.id}`, "DELETE");
    } catch (failure) {
      return setError(failure instanceof ApiError ? failure.message : "The target was not deleted.");
    }
    setError(null);
    router.refresh();
  };

  const input = "block w-24 rounded border border-slate-300 px-2 py-1 text-sm";
  const button = "rounded border border-slate-300 px-2 py-1 text-xs font-medium text-slate-800 hover:bg-slate-100";
  if (mode === "edit") {
    const formId = `target-${target.id}-form`;
    return (
      <tr className="border-b border-slate-200 bg-slate-50">
        <td className="p-2">{scope}</td>
        <td className="p-2">
          <input form={formId} name="green" type="number" step="any" required defaultValue={target.green} aria-label={`Green for ${label}`} aria-describedby={error ? errorId : undefined} className={input} />
        </td>
        <td className="p-2">
          <input form={formId} name="amber" type="number" step="any" required defaultValue={target.amber} aria-label={`Amber for ${label}`} aria-describedby={error ? errorId : undefined} className={input} />
        </td>
        <td className="p-2">
          <input form={formId} name="effectiveFrom" type="date" required defaultValue={target.effectiveFrom} aria-label={`Effective from for ${label}`} className="block rounded border border-slate-300 px-2 py-1 text-sm" />
        </td>
        <td className="p-2">{target.createdAt.slice(0, 10)}</td>
        <td className="p-2">
          <form id={formId} onSubmit={(e) => void save(e)} aria-label={`Correct the target for ${label}`} className="flex gap-2">
            <button type="submit" className={button}>Save</button>
            <button type="button" className={button} onClick={() => { setMode("show"); setError(null); }}>Cancel</button>
          </form>
          {error && <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
        </td>
      </tr>
    );
  }
  return (
    <tr className="border-b border-slate-200">
      <td className="p-2">{scope}</td>
      <td className="p-2 tabular-nums">{target.green}</td>
      <td className="p-2 tabular-nums">{target.amber}</td>
      <td className="p-2">{target.effectiveFrom}</td>
      <td className="p-2">{target.createdAt.slice(0, 10)}</td>
      <td className="p-2">
        {mode === "confirm-delete" ? (
          <div role="group" aria-label={`Delete the target for ${label}?`} className="flex flex-wrap items-center gap-2">
            <span className="text-xs text-slate-700">Delete this target? Periods it covered use the one before it.</span>
            <button type="button" className={`${button} border-red-300 text-red-800`} onClick={() => void remove()}>Delete</button>
            <button type="button" className={button} onClick={() => setMode("show")}>Keep</button>
          </div>
        ) : (
          <div className="flex gap-2">
            <button type="button" className={button} aria-label={`Edit the target for ${label}`} onClick={() => setMode("edit")}>Edit</button>
            <button type="button" className={button} aria-label={`Delete the target for ${label}`} onClick={() => setMode("confirm-delete")}>Delete</button>
          </div>
        )}
        {error && <p id={errorId} role="alert" className="mt-1 text-xs text-red-700">{error}</p>}
      </td>
    </tr>
  );
}
