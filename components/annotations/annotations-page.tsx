"use client";

import { useId, useState } from "react";
import { ScopeSelect } from "@/components/review/scope-select";
import { AnnotationForm } from "./annotation-form";
import { AnnotationList } from "./annotation-list";

export function AnnotationsPage({ canAnnotate, today }: { canAnnotate: boolean; today: string }) {
  const id = useId();
  const [scope, setScope] = useState("org");
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Annotations</h1>
        <p className="text-sm text-slate-600">
          Dated notes drawn as markers on charts: an organisation note on every chart, a group note on its own, its teams&apos; and
          its parent groups&apos; charts, a team note on the team&apos;s and its groups&apos; charts. Metric-definition changes are added automatically.
        </p>
      </div>
      {canAnnotate && <AnnotationForm today={today} />}
      <div className="max-w-xs">
        <label htmlFor={`${id}-scope`} className="mb-1 block text-xs font-medium text-slate-700">Show notes on the charts of</label>
        <ScopeSelect id={`${id}-scope`} value={scope} onChange={setScope} />
      </div>
      <AnnotationList scope={scope} />
    </div>
  );
}
