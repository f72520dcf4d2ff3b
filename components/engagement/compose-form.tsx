"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { TemplateSummary } from "@/lib/engagement/api-types";
import type { CustomItemInput } from "@/lib/validation/surveys";
import { useCreateSurvey } from "@/lib/client/use-surveys";
import { ErrorAlert } from "@/components/ui/error-alert";

const INPUT = "mt-1 block w-full rounded-md border border-slate-300 px-2 py-1.5 text-sm";
const KIND_LABEL: Record<CustomItemInput["kind"], string> = {
  likert5: "Agreement, 5 points",
  likert7: "Agreement, 7 points",
  scale0to10: "0–10 scale",
  singleChoice: "Single choice",
  text: "Free text",
};

interface Draft {
  kind: CustomItemInput["kind"];
  text: string;
  options: string;
}

function toInput(d: Draft): CustomItemInput {
  if (d.kind === "singleChoice") return { kind: "singleChoice", text: d.text, options: d.options.split("\n").map((o) => o.trim()).filter(Boolean) };
  if (d.kind === "text") return { kind: "text", text: d.text };
  return { kind: d.kind, text: d.text };
}

/** Composing a survey from the shipped templates and the author's own questions. */
export function ComposeForm({ templates }: { templates: TemplateSummary[] }) {
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [chosen, setChosen] = useState<string[]>([]);
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const create = useCreateSurvey({ onSuccess: ({ id }) => router.push(`/surveys/${id}`) });
  const update = (i: number, patch: Partial<Draft>) => setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ title, templates: chosen, items: drafts.map(toInput) });
      }}
      className="max-w-3xl space-y-6"
    >
      <h1 className="text-2xl font-semibold text-slate-900">New survey</h1>
      <label className="block text-sm font-medium text-slate-800">
        Title
        <input required minLength={3} maxLength={120} value={title} onChange={(e) => setTitle(e.target.value)} className={INPUT} />
      </label>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Templates</legend>
        {templates.map((t) => (
          <label key={t.key} className="flex gap-3 rounded-md border border-slate-200 bg-white p-3 text-sm">
            <input
              type="checkbox"
              checked={chosen.includes(t.key)}
              onChange={(e) => setChosen((c) => (e.target.checked ? [...c, t.key] : c.filter((k) => k !== t.key)))}
              className="mt-1"
            />
            <span>
              <span className="font-medium text-slate-900">{t.name}</span> <span className="text-slate-600">({t.items.length} questions)</span>
              <span className="block text-xs text-slate-600">{t.source}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold text-slate-900">Your own questions</legend>
        {drafts.map((d, i) => (
          <div key={i} className="grid gap-2 rounded-md border border-slate-200 bg-white p-3 sm:grid-cols-[12rem_1fr_auto]">
            <label className="text-sm font-medium">
              Kind
              <select value={d.kind} onChange={(e) => update(i, { kind: e.target.value as Draft["kind"] })} className={INPUT}>
                {Object.entries(KIND_LABEL).map(([k, label]) => (
                  <option key={k} value={k}>{label}</option>
                ))}
              </select>
            </label>
            <label className="text-sm font-medium">
              Question
              <input value={d.text} onChange={(e) => update(i, { text: e.target.value })} className={INPUT} />
            </label>
            <button type="button" onClick={() => setDrafts((ds) => ds.filter((_, j) => j !== i))} className="self-end text-sm text-red-700 underline">
              Remove
            </button>
            {d.kind === "singleChoice" && (
              <label className="text-sm font-medium sm:col-span-3">
                Options (one per line)
                <textarea rows={3} value={d.options} onChange={(e) => update(i, { options: e.target.value })} className={INPUT} />
              </label>
            )}
          </div>
        ))}
        <button type="button" onClick={() => setDrafts((ds) => [...ds, { kind: "likert5", text: "", options: "" }])} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
          Add a question
        </button>
      </fieldset>
      {create.isError && <ErrorAlert className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{create.error.message}</ErrorAlert>}
      <button type="submit" disabled={create.isPending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white disabled:opacity-60">
        {create.isPending ? "Creating…" : "Create survey"}
      </button>
    </form>
  );
}
