"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DANGER_BUTTON, RequestError, LoadState, SECONDARY_BUTTON } from "@/components/ui/form";
import { queryKeys } from "@/lib/client/query-keys";
import { useExperiment, useJsonMutation } from "@/lib/client/use-skills";
import { ConfirmDialog } from "@/components/ui/dialog";
import { ExperimentForm, type Option } from "./experiment-form";
import { ReadoutPanel } from "./readout-panel";
import { TeamMetricChart } from "./team-metric-chart";
import { formatDate } from "@/lib/format";

interface Props {
  id: string;
  teams: Option[];
  metrics: Option[];
}

/** One experiment: what it set out to do, its read-out against the other teams, and its teams' charts with markers. */
export function ExperimentDetail({ id, teams, metrics }: Props) {
  const router = useRouter();
  const experiment = useExperiment(id);
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const remove = useJsonMutation("DELETE", [queryKeys.experiments.all()]);
  const e = experiment.data;
  if (!e) return <LoadState isLoading={experiment.isPending} error={experiment.error} what="the experiment" />;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/experiments" className="text-sm text-blue-700 hover:underline">← All experiments</Link>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{e.title}</h1>
        <p className="text-sm text-slate-600">
          {e.teams.map((t) => t.name).join(", ")} · {formatDate(e.startDate)} – {e.endDate ? formatDate(e.endDate) : "ongoing"} · owner {e.owner} · {e.status}
        </p>
      </div>
      {editing ? (
        <ExperimentForm teams={teams} metrics={metrics} experiment={e} onCancel={() => setEditing(false)} onDone={() => setEditing(false)} />
      ) : (
        <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm shadow-sm">
          {/* A <dl> may hold only term/description groups: the buttons stay outside it. */}
          <dl className="grid gap-3 sm:grid-cols-2">
            <div><dt className="font-medium text-slate-700">Hypothesis</dt><dd>{e.hypothesis}</dd></div>
            <div>
              <dt className="font-medium text-slate-700">Expected to move</dt>
              <dd>{e.expectations.map((x) => `${metrics.find((m) => m.value === x.metricKey)?.label ?? x.metricKey} ${x.direction === "up" ? "↑" : "↓"}`).join(", ")}</dd>
            </div>
            <div><dt className="font-medium text-slate-700">Outcome</dt><dd>{e.outcome ?? "Not yet recorded"}</dd></div>
            <div><dt className="font-medium text-slate-700">Notes</dt><dd>{e.notes ?? "—"}</dd></div>
          </dl>
          {e.canEdit && (
            <div className="flex gap-2">
              <button type="button" className={SECONDARY_BUTTON} onClick={() => setEditing(true)}>Edit</button>
              <button
                type="button"
                className={DANGER_BUTTON}
                disabled={remove.isPending}
                onClick={() => setConfirming(true)}
              >
                Delete
              </button>
              <ConfirmDialog
                open={confirming}
                title={`Delete "${e.title}"?`}
                confirmLabel="Delete"
                onCancel={() => setConfirming(false)}
                onConfirm={() => {
                  setConfirming(false);
                  remove.mutate({ url: `/api/v1/experiments/${e.id}` }, { onSuccess: () => router.push("/experiments") });
                }}
              />
              <RequestError error={remove.error} />
            </div>
          )}
        </div>
      )}
      <ReadoutPanel experimentId={e.id} />
      <section aria-labelledby="team-charts-heading" className="space-y-3">
        <h2 id="team-charts-heading" className="text-lg font-semibold text-slate-900">The teams&apos; trends</h2>
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          {e.teams.flatMap((t) =>
            e.expectations.map((x) => <TeamMetricChart key={`${t.id}-${x.metricKey}`} teamId={t.id} teamName={t.name} metricKey={x.metricKey} />),
          )}
        </div>
      </section>
    </div>
  );
}
