"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { ScopeSelect, SELECT_CLASS } from "@/components/review/scope-select";
import { useCreatePack, useSegmentOptions } from "@/lib/client/use-packs";
import { RANGE_KEYS, RANGE_LABELS } from "@/lib/metrics/series-types";
import type { ActionInput, PackSlideInput } from "@/lib/validation/leadership";
import { ErrorAlert } from "@/components/ui/error-alert";

const INPUT = "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm";
const LABEL = "mb-1 block text-xs font-medium text-slate-700";
const emptySlide = (): PackSlideInput => ({ metricKey: "", scope: "org", range: "6m", granularity: "week", narrative: "", speakerNotes: "" });
const emptyAction = (): ActionInput => ({ title: "", owner: "", status: "open", dueDate: null });

function SlideFields({ slide, index, onChange, onRemove }: { slide: PackSlideInput; index: number; onChange: (s: PackSlideInput) => void; onRemove?: () => void }) {
  const id = useId();
  const options = useSegmentOptions();
  return (
    <fieldset className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <legend className="px-1 text-sm font-semibold text-slate-900">Chart {index + 1}</legend>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-4">
        <div>
          <label htmlFor={`${id}-metric`} className={LABEL}>Metric</label>
          <select id={`${id}-metric`} required className={SELECT_CLASS} value={slide.metricKey} onChange={(e) => onChange({ ...slide, metricKey: e.target.value })}>
            <option value="">Choose a metric…</option>
            {options.data?.metrics.map((m) => (
              <option key={m.key} value={m.key}>{m.name}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-scope`} className={LABEL}>Scope</label>
          <ScopeSelect id={`${id}-scope`} value={slide.scope} onChange={(scope) => onChange({ ...slide, scope })} />
        </div>
        <div>
          <label htmlFor={`${id}-range`} className={LABEL}>Range</label>
          <select id={`${id}-range`} className={SELECT_CLASS} value={slide.range} onChange={(e) => onChange({ ...slide, range: e.target.value as PackSlideInput["range"] })}>
            {RANGE_KEYS.map((r) => (
              <option key={r} value={r}>{RANGE_LABELS[r]}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-granularity`} className={LABEL}>Group by</label>
          <select id={`${id}-granularity`} className={SELECT_CLASS} value={slide.granularity} onChange={(e) => onChange({ ...slide, granularity: e.target.value as PackSlideInput["granularity"] })}>
            <option value="week">Week</option>
            <option value="month">Month</option>
            <option value="quarter">Quarter</option>
          </select>
        </div>
      </div>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-2">
        <div>
          <label htmlFor={`${id}-narrative`} className={LABEL}>Narrative (shown on the slide)</label>
          <textarea id={`${id}-narrative`} rows={3} className={INPUT} value={slide.narrative} onChange={(e) => onChange({ ...slide, narrative: e.target.value })} />
        </div>
        <div>
          <label htmlFor={`${id}-notes`} className={LABEL}>Speaker notes (presenter only)</label>
          <textarea id={`${id}-notes`} rows={3} className={INPUT} value={slide.speakerNotes} onChange={(e) => onChange({ ...slide, speakerNotes: e.target.value })} />
        </div>
      </div>
      {onRemove && (
        <button type="button" onClick={onRemove} className="text-sm font-medium text-red-700 hover:text-red-900">Remove chart {index + 1}</button>
      )}
    </fieldset>
  );
}

/** A new meeting pack: charts with narratives, and the actions agreed. Saving freezes the numbers. */
export function PackEditor({ today }: { today: string }) {
  const id = useId();
  const router = useRouter();
  const create = useCreatePack();
  const [title, setTitle] = useState("");
  const [date, setDate] = useState(today);
  const [slides, setSlides] = useState<PackSlideInput[]>([emptySlide()]);
  const [actions, setActions] = useState<ActionInput[]>([]);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate(
      { title, date, slides, actions: actions.filter((a) => a.title.trim() || a.owner.trim()) },
      { onSuccess: ({ pack }) => router.push(`/packs/${pack.id}`) },
    );
  };
  const issues = create.error?.message;

  return (
    <form onSubmit={submit} className="space-y-6" noValidate>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <div className="md:col-span-2">
          <label htmlFor={`${id}-title`} className={LABEL}>Title</label>
          <input id={`${id}-title`} required className={INPUT} value={title} onChange={(e) => setTitle(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-date`} className={LABEL}>Meeting date (numbers are frozen as of this date)</label>
          <input id={`${id}-date`} type="date" required className={INPUT} value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      {slides.map((s, i) => (
        <SlideFields
          key={i}
          slide={s}
          index={i}
          onChange={(next) => setSlides(slides.map((x, j) => (j === i ? next : x)))}
          onRemove={slides.length > 1 ? () => setSlides(slides.filter((_, j) => j !== i)) : undefined}
        />
      ))}
      <button type="button" onClick={() => setSlides([...slides, emptySlide()])} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50">
        Add a chart
      </button>
      <fieldset className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">Actions</legend>
        {actions.map((a, i) => (
          <div key={i} className="grid grid-cols-1 gap-2 md:grid-cols-[2fr_1fr_1fr_auto]">
            <div>
              <label htmlFor={`${id}-action-${i}`} className={LABEL}>Action {i + 1}</label>
              <input id={`${id}-action-${i}`} className={INPUT} value={a.title} onChange={(e) => setActions(actions.map((x, j) => (j === i ? { ...x, title: e.target.value } : x)))} />
            </div>
            <div>
              <label htmlFor={`${id}-owner-${i}`} className={LABEL}>Owner</label>
              <input id={`${id}-owner-${i}`} className={INPUT} value={a.owner} onChange={(e) => setActions(actions.map((x, j) => (j === i ? { ...x, owner: e.target.value } : x)))} />
            </div>
            <div>
              <label htmlFor={`${id}-due-${i}`} className={LABEL}>Due</label>
              <input id={`${id}-due-${i}`} type="date" className={INPUT} value={a.dueDate ?? ""} onChange={(e) => setActions(actions.map((x, j) => (j === i ? { ...x, dueDate: e.target.value || null } : x)))} />
            </div>
            <button type="button" className="self-end pb-1.5 text-sm font-medium text-red-700" onClick={() => setActions(actions.filter((_, j) => j !== i))}>Remove</button>
          </div>
        ))}
        <button type="button" onClick={() => setActions([...actions, emptyAction()])} className="text-sm font-medium text-blue-700 hover:text-blue-900">Add an action</button>
      </fieldset>
      {issues && <ErrorAlert>The pack was not saved: {issues}</ErrorAlert>}
      <button type="submit" disabled={create.isPending} className="rounded-md bg-blue-700 px-4 py-2 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {create.isPending ? "Saving and freezing numbers…" : "Save pack"}
      </button>
    </form>
  );
}
