"use client";

import { useFormat, type Formatters } from "@/components/format/format-context";
import { formatDifference, valueStyle } from "@/lib/format";
import { LoadState } from "@/components/ui/form";
import { useExperimentReadout } from "@/lib/client/use-skills";
import { SKILLS_EXPLANATIONS } from "@/lib/skills/explanations";

type Metric = { metricKey: string; unit: string };
const show = (f: Formatters, v: number | null, m: Metric) => (v === null ? "—" : f.metric({ key: m.metricKey, unit: m.unit }, v));
const signed = (f: Formatters, v: number | null, m: Metric) => (v === null ? "—" : formatDifference(v, valueStyle({ key: m.metricKey, unit: m.unit }), f));

/** Before vs during/after for the experiment's teams and for every other team, per expected metric, with the caveat. */
export function ReadoutPanel({ experimentId }: { experimentId: string }) {
  const readout = useExperimentReadout(experimentId);
  const f = useFormat();
  const data = readout.data;
  return (
    <section aria-labelledby="readout-heading" data-testid="experiment-readout" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="readout-heading" className="text-lg font-semibold text-slate-900">Before and during/after</h2>
      <LoadState isLoading={readout.isPending} error={readout.error} what="the comparison" />
      {data && !data.before && <p className="text-sm text-slate-600">The experiment has not started yet: nothing to compare.</p>}
      {data?.before && data.after && (
        <>
          <p className="text-sm text-slate-600">
            Before: weeks of {f.dateRange(data.before.start, data.before.end)}. During/after: weeks of {f.dateRange(data.after.start, data.after.end)}.
          </p>
          <div className="overflow-x-auto">
            <table className="min-w-full text-sm">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th scope="col" className="py-1 pr-4">Metric (expected)</th>
                  <th scope="col" className="py-1 pr-4">Group</th>
                  <th scope="col" className="py-1 pr-4">Before</th>
                  <th scope="col" className="py-1 pr-4">During/after</th>
                  <th scope="col" className="py-1 pr-4">Change</th>
                  <th scope="col" className="py-1">Net vs other teams</th>
                </tr>
              </thead>
              {data.metrics.map((m) => (
                <tbody key={m.metricKey} className="border-t border-slate-200">
                  {(["experiment", "control"] as const).map((group, i) => {
                    const g = m.comparison[group];
                    return (
                      <tr key={group}>
                        {i === 0 && (
                          <th scope="rowgroup" rowSpan={2} className="py-1 pr-4 text-left align-top font-medium text-slate-900">
                            {m.name} <span className="text-slate-500">({m.expected === "up" ? "↑ up" : "↓ down"})</span>
                          </th>
                        )}
                        <td className="py-1 pr-4">{group === "experiment" ? `Experiment teams (${g.teams})` : `Other teams (${g.teams})`}</td>
                        <td className="py-1 pr-4 tabular-nums">{show(f, g.before, m)}</td>
                        <td className="py-1 pr-4 tabular-nums">{show(f, g.after, m)}</td>
                        <td className="py-1 pr-4 tabular-nums">{signed(f, g.change, m)}</td>
                        {i === 0 && (
                          <td rowSpan={2} className="py-1 align-top tabular-nums">
                            {signed(f, m.comparison.net, m)}
                            {m.asExpected !== null && (
                              <span className={`ml-2 text-xs ${m.asExpected ? "text-green-700" : "text-amber-700"}`}>
                                {m.asExpected ? "moved as expected" : "moved against the expectation"}
                              </span>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                  })}
                </tbody>
              ))}
            </table>
          </div>
          <p role="note" className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">{data.caveat}</p>
        </>
      )}
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer text-xs font-medium text-blue-700">How is this computed?</summary>
        <p className="mt-2">{SKILLS_EXPLANATIONS.experiment_comparison}</p>
      </details>
    </section>
  );
}
