"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { LoadState, PRIMARY_BUTTON } from "@/components/ui/form";
import { useExperiments } from "@/lib/client/use-skills";
import { SKILLS_EXPLANATIONS } from "@/lib/skills/explanations";
import { ExperimentForm, type Option } from "./experiment-form";
import { formatDate } from "@/lib/format";

interface Props {
  canLog: boolean;
  /** Teams the user may log experiments for. */
  teams: Option[];
  metrics: Option[];
}

const STATUS_CLASS = { planned: "bg-slate-100 text-slate-700", running: "bg-blue-100 text-blue-800", concluded: "bg-green-100 text-green-800" };

/** The experiment log: every experiment and intervention, newest first, and a form to log one. */
export function ExperimentsPage({ canLog, teams, metrics }: Props) {
  const router = useRouter();
  const experiments = useExperiments();
  const [adding, setAdding] = useState(false);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Experiments</h1>
          <p className="text-sm text-slate-600">Interventions the teams are trying, the metrics they expect to move, and what happened.</p>
        </div>
        {canLog && !adding && (
          <button type="button" className={PRIMARY_BUTTON} onClick={() => setAdding(true)}>
            Log an experiment
          </button>
        )}
      </div>
      {adding && (
        <ExperimentForm teams={teams} metrics={metrics} onCancel={() => setAdding(false)} onDone={(saved) => router.push(`/experiments/${saved.id}`)} />
      )}
      <LoadState isLoading={experiments.isPending} error={experiments.error} what="experiments" />
      {experiments.data?.length === 0 && (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white p-4 text-sm text-slate-600">No experiments logged yet.</p>
      )}
      {experiments.data && experiments.data.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
          {experiments.data.map((e) => (
            <li key={e.id} className="flex flex-wrap items-start justify-between gap-2 p-4">
              <div className="min-w-0">
                <Link href={`/experiments/${e.id}`} className="font-medium text-blue-700 hover:underline">{e.title}</Link>
                <p className="text-sm text-slate-600">{e.hypothesis}</p>
                <p className="mt-1 text-xs text-slate-500">
                  {e.teams.map((t) => t.name).join(", ")} · {formatDate(e.startDate)} – {e.endDate ? formatDate(e.endDate) : "ongoing"} · owner {e.owner}
                </p>
              </div>
              <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[e.status]}`}>{e.status}</span>
            </li>
          ))}
        </ul>
      )}
      <p className="text-xs text-slate-600">{SKILLS_EXPLANATIONS.experiments_active}</p>
    </div>
  );
}
