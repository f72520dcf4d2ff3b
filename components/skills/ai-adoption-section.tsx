"use client";

import { useState } from "react";
import { LoadState, SelectField } from "@/components/ui/form";
import { useFormat } from "@/components/format/format-context";
import { useAlignedSeries } from "@/lib/client/use-skills";
import { SKILLS_EXPLANATIONS } from "@/lib/skills/explanations";
import { AdoptionOverlayChart } from "./adoption-overlay-chart";
import { CopilotUpload } from "./copilot-upload";

const COMPARE = [
  { value: "lead_time", label: "Change lead time (delivery)" },
  { value: "flow_velocity", label: "Flow velocity (delivery)" },
  { value: "change_failure_rate", label: "Change failure rate (delivery)" },
  { value: "enps", label: "eNPS (engagement)" },
  { value: "psych_safety", label: "Psychological safety (engagement)" },
];
const HEADLINES = ["ai_adoption", "ai_reach", "ai_pr_share"] as const;

/** AI-tool adoption for a scope, beside a delivery or engagement trend of the same teams, and the Copilot import. */
export function AiAdoptionSection({ scope, scopeName, canImport }: { scope: string; scopeName: string; canImport: boolean }) {
  const [compare, setCompare] = useState("lead_time");
  const series = useAlignedSeries(scope, [...HEADLINES, compare], "1y");
  const f = useFormat();
  const byKey = new Map(series.data?.map((s) => [s.metric.key, s]));
  const adoption = byKey.get("ai_adoption");
  const other = byKey.get(compare);
  return (
    <section aria-labelledby="ai-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="ai-heading" className="text-lg font-semibold text-slate-900">AI adoption · {scopeName}</h2>
      <LoadState isLoading={series.isPending} error={series.error} what="AI adoption" />
      <dl className="grid gap-3 sm:grid-cols-3">
        {HEADLINES.map((key) => {
          const s = byKey.get(key);
          return (
            <div key={key} className="rounded-md border border-slate-200 p-3">
              <dt className="text-sm text-slate-700">{s?.metric.name ?? key}</dt>
              <dd className="text-2xl font-semibold tabular-nums text-slate-900">{s?.latest ? f.metric(s.metric, s.latest.value) : "No data"}</dd>
              <dd className="text-xs text-slate-600">{SKILLS_EXPLANATIONS[key]}</dd>
            </div>
          );
        })}
      </dl>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <h3 className="text-base font-medium text-slate-900">Adoption beside {COMPARE.find((c) => c.value === compare)?.label}: correlation, not cause</h3>
        <SelectField label="Compare with" options={COMPARE} value={compare} onChange={(e) => setCompare(e.target.value)} className="w-64" />
      </div>
      {adoption && other ? (
        <AdoptionOverlayChart adoption={adoption} other={other} />
      ) : (
        !series.isPending && <p className="text-sm text-slate-600">No data to compare yet.</p>
      )}
      <p className="text-xs text-slate-600">
        Both lines cover the same weeks for the same teams. Moving together does not mean one caused the other: other changes in the same weeks can move both.
      </p>
      {canImport && <CopilotUpload />}
    </section>
  );
}
