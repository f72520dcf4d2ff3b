"use client";

import { useState, type FormEvent } from "react";
import type { CatalogMetric } from "@/lib/metrics/api-types";
import { AGGREGATION_KEYS, CADENCE_KEYS, DIRECTION_KEYS, PILLAR_KEYS, UNIT_KEYS } from "@/lib/validation/metrics";
import { ApiError, sendJson } from "@/lib/client/api";
import { ErrorAlert } from "@/components/ui/error-alert";

interface Props {
  metric: CatalogMetric | null;
  teams: { id: string; name: string }[];
  onDone: (message: string) => void;
  onCancel: () => void;
}

const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase().replace(/_/g, " ");
const num = (v: FormDataEntryValue | null) => (v === null || String(v).trim() === "" ? null : Number(v));

/** Create or edit a metric definition; the key is fixed once created. */
export function MetricForm({ metric, teams, onDone, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [appliesToAll, setAppliesToAll] = useState(metric?.appliesToAll ?? true);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const body = {
      name: String(f.get("name") ?? ""),
      ...(metric ? {} : { key: String(f.get("key") ?? "") }),
      pillar: f.get("pillar"), unit: f.get("unit"), direction: f.get("direction"), aggregation: f.get("aggregation"), cadence: f.get("cadence"),
      minValue: num(f.get("minValue")), maxValue: num(f.get("maxValue")), integer: f.get("integer") === "on",
      noteChangePct: num(f.get("noteChangePct")), description: String(f.get("description") ?? ""), howComputed: String(f.get("howComputed") ?? ""),
      headline: f.get("headline") === "on", appliesToAll, teamIds: appliesToAll ? [] : f.getAll("teamIds").map(String),
    };
    setBusy(true);
    try {
      await (metric ? sendJson(`/api/v1/metrics/${metric.id}`, "PATCH", body) : sendJson("/api/v1/metrics", "POST", body));
    } catch (error) {
      setErrors(error instanceof ApiError ? error.fieldErrors : {});
      return setMessage(error instanceof ApiError ? error.message : "Could not save.");
    } finally {
      setBusy(false);
    }
    setErrors({});
    onDone(metric ? `Saved ${body.name}.` : `Created ${body.name}.`);
  };

  const input = "mt-1 block w-full rounded border border-slate-300 px-2 py-1 text-sm";
  const err = (name: string) =>
    errors[name] ? (
      <span id={`mf-${name}-error`} role="alert" className="block text-xs text-red-700">
        {errors[name]}
      </span>
    ) : null;
  const described = (name: string) => (errors[name] ? { "aria-describedby": `mf-${name}-error`, "aria-invalid": true } : {});
  const select = (name: string, options: readonly string[], value: string) => (
    <label className="text-sm text-slate-700">
      {label(name)}
      <select name={name} defaultValue={value} className={input} {...described(name)}>
        {options.map((o) => (
          <option key={o} value={o}>{label(o)}</option>
        ))}
      </select>
      {err(name)}
    </label>
  );

  return (
    <form onSubmit={(e) => void submit(e)} aria-label={metric ? `Edit ${metric.name}` : "New metric"} className="space-y-3 rounded-md border border-slate-300 bg-white p-4">
      <h2 className="text-lg font-semibold text-slate-900">{metric ? `Edit ${metric.name}` : "New metric"}</h2>
      {message && <ErrorAlert>{message}</ErrorAlert>}
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="text-sm text-slate-700">
          Name
          <input name="name" required defaultValue={metric?.name ?? ""} className={input} {...described("name")} />
          {err("name")}
        </label>
        <label className="text-sm text-slate-700">
          Key
          <input name="key" required={!metric} disabled={!!metric} defaultValue={metric?.key ?? ""} placeholder="e.g. release_defects" className={input} {...described("key")} />
          <span className="block text-xs text-slate-500">Used by imports and the API; cannot change later.</span>
          {err("key")}
        </label>
        {select("pillar", PILLAR_KEYS, metric?.pillar ?? "QUALITY")}
        {select("unit", UNIT_KEYS, metric?.unit ?? "count")}
        {select("direction", DIRECTION_KEYS, metric?.direction ?? "HIGHER_IS_BETTER")}
        {select("aggregation", AGGREGATION_KEYS, metric?.aggregation ?? "MEAN")}
        {select("cadence", CADENCE_KEYS, metric?.cadence ?? "WEEKLY")}
        <label className="text-sm text-slate-700">
          Minimum
          <input name="minValue" type="number" step="any" defaultValue={metric?.minValue ?? ""} className={input} {...described("minValue")} />
          {err("minValue")}
        </label>
        <label className="text-sm text-slate-700">
          Maximum
          <input name="maxValue" type="number" step="any" defaultValue={metric?.maxValue ?? ""} className={input} {...described("maxValue")} />
          {err("maxValue")}
        </label>
        <label className="text-sm text-slate-700">
          Note threshold (% move)
          <input name="noteChangePct" type="number" step="any" min="0" defaultValue={metric?.noteChangePct ?? ""} placeholder="organisation default" className={input} {...described("noteChangePct")} />
          {err("noteChangePct")}
        </label>
      </div>
      <div className="flex flex-wrap gap-4 text-sm text-slate-700">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="integer" defaultChecked={metric?.integer ?? false} /> Whole numbers only
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="headline" defaultChecked={metric?.headline ?? false} /> Show on the overview
        </label>
      </div>
      <label className="block text-sm text-slate-700">
        Description
        <textarea name="description" rows={2} defaultValue={metric?.description ?? ""} className={input} />
      </label>
      <label className="block text-sm text-slate-700">
        How is this computed (shown beside the number)
        <textarea name="howComputed" rows={2} defaultValue={metric?.howComputed ?? ""} className={input} />
      </label>
      <fieldset className="text-sm text-slate-700">
        <legend className="font-medium">Teams it applies to</legend>
        <label className="mr-4 inline-flex items-center gap-2">
          <input type="radio" name="scope" checked={appliesToAll} onChange={() => setAppliesToAll(true)} /> All teams
        </label>
        <label className="inline-flex items-center gap-2">
          <input type="radio" name="scope" checked={!appliesToAll} onChange={() => setAppliesToAll(false)} /> Chosen teams
        </label>
        {!appliesToAll && (
          <div className="mt-2 grid gap-1 sm:grid-cols-3">
            {teams.map((t) => (
              <label key={t.id} className="inline-flex items-center gap-2">
                <input type="checkbox" name="teamIds" value={t.id} defaultChecked={metric?.teamIds.includes(t.id) ?? false} /> {t.name}
              </label>
            ))}
          </div>
        )}
        {err("teamIds")}
      </fieldset>
      <div className="flex gap-3">
        <button type="submit" disabled={busy} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
          {busy ? "Saving…" : metric ? "Save changes" : "Create metric"}
        </button>
        <button type="button" onClick={onCancel} className="rounded-md border border-slate-300 px-4 py-2 text-sm">
          Cancel
        </button>
      </div>
    </form>
  );
}
