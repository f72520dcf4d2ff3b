"use client";

import { useState, type FormEvent } from "react";
import { RequestError, PRIMARY_BUTTON, SECONDARY_BUTTON, SelectField, TextField } from "@/components/ui/form";
import { ApiError } from "@/lib/client/api";
import { queryKeys } from "@/lib/client/query-keys";
import { useJsonMutation, type ExperimentView } from "@/lib/client/use-skills";
import type { ExperimentInput } from "@/lib/validation/skills";

export interface Option {
  value: string;
  label: string;
}

interface Props {
  teams: Option[];
  metrics: Option[];
  /** Editing an existing experiment; a new one otherwise. */
  experiment?: ExperimentView;
  onDone: (saved: ExperimentView) => void;
  onCancel: () => void;
}

const AREA = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-1.5 text-sm shadow-sm focus:border-blue-600 focus:outline-none focus:ring-2 focus:ring-blue-600/30";

/** Log or edit an experiment: what, why, who, which teams, when, and which metrics should move which way. */
export function ExperimentForm({ teams, metrics, experiment, onDone, onCancel }: Props) {
  const [title, setTitle] = useState(experiment?.title ?? "");
  const [hypothesis, setHypothesis] = useState(experiment?.hypothesis ?? "");
  const [owner, setOwner] = useState(experiment?.owner ?? "");
  const [teamIds, setTeamIds] = useState<string[]>(experiment?.teams.map((t) => t.id) ?? []);
  const [startDate, setStartDate] = useState(experiment?.startDate ?? "");
  const [endDate, setEndDate] = useState(experiment?.endDate ?? "");
  const [metricKey, setMetricKey] = useState(experiment?.expectations[0]?.metricKey ?? metrics[0]?.value ?? "");
  const [direction, setDirection] = useState<"up" | "down">(experiment?.expectations[0]?.direction ?? "up");
  const [outcome, setOutcome] = useState(experiment?.outcome ?? "");
  const [notes, setNotes] = useState(experiment?.notes ?? "");
  const save = useJsonMutation<ExperimentInput, ExperimentView>(experiment ? "PUT" : "POST", [queryKeys.experiments.all()]);
  const fieldError = (field: string) =>
    save.error instanceof ApiError && save.error.message.startsWith(`${field}:`) ? save.error.message.slice(field.length + 1).trim() : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const extra = (experiment?.expectations ?? []).slice(1);
    save.mutate(
      {
        url: experiment ? `/api/v1/experiments/${experiment.id}` : "/api/v1/experiments",
        body: {
          title, hypothesis, owner, teamIds, startDate, endDate: endDate || null,
          expectations: [{ metricKey, direction }, ...extra], outcome: outcome || null, notes: notes || null,
        },
      },
      { onSuccess: onDone },
    );
  };

  return (
    <form onSubmit={submit} aria-label={experiment ? "Edit experiment" : "Log an experiment"} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Title" value={title} onChange={(e) => setTitle(e.target.value)} required error={fieldError("title")} />
        <TextField label="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} required error={fieldError("owner")} />
      </div>
      <div>
        <label htmlFor="experiment-hypothesis" className="block text-sm font-medium text-slate-800">Hypothesis</label>
        <textarea id="experiment-hypothesis" className={AREA} rows={2} value={hypothesis} onChange={(e) => setHypothesis(e.target.value)} required />
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Teams taking part</legend>
        <div className="mt-1 grid max-h-40 grid-cols-2 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-3">
          {teams.map((t) => (
            <label key={t.value} className="flex items-center gap-2 text-sm text-slate-800">
              <input
                type="checkbox"
                checked={teamIds.includes(t.value)}
                onChange={(e) => setTeamIds(e.target.checked ? [...teamIds, t.value] : teamIds.filter((id) => id !== t.value))}
              />
              {t.label}
            </label>
          ))}
        </div>
        {fieldError("teamIds") && <p role="alert" className="mt-1 text-xs font-medium text-red-700">{fieldError("teamIds")}</p>}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-4">
        <TextField label="Start" type="date" value={startDate} onChange={(e) => setStartDate(e.target.value)} required error={fieldError("startDate")} />
        <TextField label="End (empty while running)" type="date" value={endDate} onChange={(e) => setEndDate(e.target.value)} error={fieldError("endDate")} />
        <SelectField label="Metric expected to move" options={metrics} value={metricKey} onChange={(e) => setMetricKey(e.target.value)} />
        <SelectField
          label="Direction"
          options={[{ value: "up", label: "Up" }, { value: "down", label: "Down" }]}
          value={direction}
          onChange={(e) => setDirection(e.target.value as "up" | "down")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="experiment-outcome" className="block text-sm font-medium text-slate-800">Outcome</label>
          <textarea id="experiment-outcome" className={AREA} rows={2} value={outcome} onChange={(e) => setOutcome(e.target.value)} />
        </div>
        <div>
          <label htmlFor="experiment-notes" className="block text-sm font-medium text-slate-800">Notes</label>
          <textarea id="experiment-notes" className={AREA} rows={2} value={notes} onChange={(e) => setNotes(e.target.value)} />
        </div>
      </div>
      <RequestError error={save.error} />
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
          {save.isPending ? "Saving…" : experiment ? "Save changes" : "Log experiment"}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
