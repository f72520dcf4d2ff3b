"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { ApiError, sendJson } from "@/lib/client/api";
import type { TargetView } from "@/lib/metrics/api-types";
import { targetBandsProblem } from "@/lib/validation/targets";
import { TargetRow } from "./target-row";

interface MetricOption {
  id: string;
  name: string;
  unit: string;
  direction: "HIGHER_IS_BETTER" | "LOWER_IS_BETTER" | "NEUTRAL";
}

interface Props {
  metrics: MetricOption[];
  groups: { id: string; name: string }[];
  teams: { id: string; name: string }[];
  targets: TargetView[];
  /** Default effective date: the current week's Monday. */
  today: string;
}

/** Set a metric's green/amber bands for the org, a group or a team from a date on; earlier targets stay as history and can be corrected or deleted. */
export function TargetsManager({ metrics, groups, teams, targets, today }: Props) {
  const router = useRouter();
  const [metricId, setMetricId] = useState(metrics[0]?.id ?? "");
  const [scopeType, setScopeType] = useState<"ORG" | "GROUP" | "TEAM">("ORG");
  const [error, setError] = useState<{ field?: string; text: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const metric = metrics.find((m) => m.id === metricId);
  const better = metric?.direction === "LOWER_IS_BETTER" ? "at or below" : "at or above";

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const green = Number(f.get("green"));
    const amber = Number(f.get("amber"));
    const problem = metric ? targetBandsProblem(metric.direction, green, amber) : "Choose a metric.";
    if (problem) return setError({ field: "amber", text: problem });
    try {
      await sendJson("/api/v1/targets", "POST", {
        metricId, scopeType, scopeId: scopeType === "ORG" ? null : String(f.get("scopeId") ?? ""), green, amber, effectiveFrom: String(f.get("effectiveFrom")),
      });
    } catch (failure) {
      if (!(failure instanceof ApiError)) return setError({ text: "Could not save the target." });
      return setError({ field: Object.keys(failure.fieldErrors)[0], text: failure.message });
    }
    setError(null);
    setSaved(`Target saved for ${metric?.name}.`);
    router.refresh();
  };

  const input = "mt-1 block rounded border border-slate-300 px-2 py-1 text-sm";
  const invalid = (field: string) => (error?.field === field ? { "aria-invalid": true, "aria-describedby": "target-error" } : {});
  const shown = targets.filter((t) => t.metricId === metricId);
  return (
    <div className="space-y-6">
      <form onSubmit={(e) => void submit(e)} aria-label="Set a target" className="flex flex-wrap items-end gap-3 rounded-md border border-slate-300 bg-white p-4">
        <label className="text-sm text-slate-700">
          Metric
          <select value={metricId} onChange={(e) => setMetricId(e.target.value)} className={input}>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        </label>
        <label className="text-sm text-slate-700">
          For
          <select value={scopeType} onChange={(e) => setScopeType(e.target.value as "ORG" | "GROUP" | "TEAM")} className={input}>
            <option value="ORG">The organisation</option>
            <option value="GROUP">A group</option>
            <option value="TEAM">A team</option>
          </select>
        </label>
        {scopeType !== "ORG" && (
          <label className="text-sm text-slate-700">
            {scopeType === "GROUP" ? "Group" : "Team"}
            <select name="scopeId" aria-label={scopeType === "GROUP" ? "Group" : "Team"} className={input} {...invalid("scopeId")}>
              {(scopeType === "GROUP" ? groups : teams).map((x) => (
                <option key={x.id} value={x.id}>{x.name}</option>
              ))}
            </select>
          </label>
        )}
        <label className="text-sm text-slate-700">
          Green {better}
          <input name="green" type="number" step="any" required className={`${input} w-28`} {...invalid("green")} />
        </label>
        <label className="text-sm text-slate-700">
          Amber {better}
          <input name="amber" type="number" step="any" required className={`${input} w-28`} {...invalid("amber")} />
        </label>
        <label className="text-sm text-slate-700">
          Effective from (applies to periods starting on or after it)
          <input name="effectiveFrom" type="date" required defaultValue={today} className={input} />
        </label>
        <button type="submit" className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800">
          Save target
        </button>
        {metric && <p className="w-full text-xs text-slate-600">Unit: {metric.unit}. Below amber is red.</p>}
        {error && <p id="target-error" role="alert" className="w-full text-sm text-red-700">{error.text}</p>}
        <p role="status" aria-live="polite" className="w-full text-sm text-green-800">{saved}</p>
      </form>
      <section aria-labelledby="target-history">
        <h2 id="target-history" className="text-lg font-semibold text-slate-900">Targets for {metric?.name ?? "this metric"} (newest first)</h2>
        {shown.length === 0 ? (
          <p className="text-sm text-slate-600">No targets yet.</p>
        ) : (
          <table className="mt-2 w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-700">
                <th scope="col" className="p-2">For</th>
                <th scope="col" className="p-2">Green</th>
                <th scope="col" className="p-2">Amber</th>
                <th scope="col" className="p-2">Effective from</th>
                <th scope="col" className="p-2">Set on</th>
                <th scope="col" className="p-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <TargetRow key={t.id} target={t} direction={metric?.direction} />
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
