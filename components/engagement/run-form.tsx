"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { defaultClosesOn, REPEATS, type Repeat } from "@/lib/validation/surveys";
import { useOpenRun } from "@/lib/client/use-surveys";
import { ErrorAlert } from "@/components/ui/error-alert";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";

interface RunFormProps {
  surveyId: string;
  teams: { id: string; name: string }[];
  groups: { id: string; name: string }[];
  today: string;
}

/** Opening a run of a survey for teams and groups, with its dates and repeat. */
export function RunForm({ surveyId, teams, groups, today }: RunFormProps) {
  const router = useRouter();
  const [opensOn, setOpensOn] = useState(today);
  const [closesOn, setClosesOn] = useState(() => defaultClosesOn(today));
  // The closing day follows the opening day until the author picks one.
  const [closesChosen, setClosesChosen] = useState(false);
  const [repeat, setRepeat] = useState<Repeat>("none");
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [groupIds, setGroupIds] = useState<string[]>([]);
  const open = useOpenRun(surveyId, { onSuccess: ({ id }) => router.push(`/surveys/runs/${id}`) });
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        open.mutate({ opensOn, closesOn, repeat, teamIds, groupIds });
      }}
      aria-labelledby="run-form-heading"
      className="space-y-4 rounded-lg border border-slate-200 bg-white p-4"
    >
      <h2 id="run-form-heading" className="text-lg font-semibold text-slate-900">Open a run</h2>
      <div className="grid gap-3 sm:grid-cols-3">
        <label className="text-sm font-medium">Opens on<input type="date" required value={opensOn} onChange={(e) => {
              setOpensOn(e.target.value);
              if (!closesChosen) setClosesOn(defaultClosesOn(e.target.value));
            }} className={INPUT} /></label>
        <label className="text-sm font-medium">Closes on<input type="date" required value={closesOn} onChange={(e) => {
              setClosesOn(e.target.value);
              setClosesChosen(true);
            }} className={INPUT} /></label>
        <label className="text-sm font-medium">
          Repeat
          <select value={repeat} onChange={(e) => setRepeat(e.target.value as Repeat)} className={INPUT}>
            {REPEATS.map((r) => <option key={r} value={r}>{r}</option>)}
          </select>
        </label>
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <fieldset>
          <legend className="text-sm font-semibold">Groups (all their teams)</legend>
          <div className="mt-1 max-h-48 space-y-1 overflow-y-auto">
            {groups.map((g) => (
              <label key={g.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={groupIds.includes(g.id)} onChange={(e) => setGroupIds((l) => toggle(l, g.id, e.target.checked))} />
                {g.name}
              </label>
            ))}
          </div>
        </fieldset>
        <fieldset>
          <legend className="text-sm font-semibold">Teams</legend>
          <div className="mt-1 max-h-48 space-y-1 overflow-y-auto">
            {teams.map((t) => (
              <label key={t.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={teamIds.includes(t.id)} onChange={(e) => setTeamIds((l) => toggle(l, t.id, e.target.checked))} />
                {t.name}
              </label>
            ))}
          </div>
        </fieldset>
      </div>
      {open.isError && <ErrorAlert>{open.error.message}</ErrorAlert>}
      <button type="submit" disabled={open.isPending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {open.isPending ? "Opening…" : "Open run"}
      </button>
    </form>
  );
}
