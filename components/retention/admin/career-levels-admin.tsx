"use client";

import { useState, type FormEvent } from "react";
import { useAddCareerLevel, useCareerLevels, useDeleteCareerLevel, useSaveCareerLevel } from "@/lib/client/use-retention";
import type { CareerLevelRow } from "@/lib/retention/api-types";
import { RequestError, INLINE_INPUT_CLASS, LabelledControl, PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/ui/form";

function LevelRow({ level }: { level: CareerLevelRow }) {
  const [draft, setDraft] = useState({ name: level.name, order: String(level.order), track: level.track });
  const save = useSaveCareerLevel(level.id);
  const remove = useDeleteCareerLevel(level.id);
  const id = `level-${level.key}`;
  return (
    <tr className="border-t border-slate-100 align-top">
      <th scope="row" className="px-3 py-2 text-left font-medium">{level.key}</th>
      <td className="px-3 py-2">
        <label className="sr-only" htmlFor={`${id}-name`}>Name of {level.key}</label>
        <input id={`${id}-name`} className={INLINE_INPUT_CLASS} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </td>
      <td className="px-3 py-2">
        <label className="sr-only" htmlFor={`${id}-track`}>Track of {level.key}</label>
        <select id={`${id}-track`} className={INLINE_INPUT_CLASS} value={draft.track} onChange={(e) => setDraft({ ...draft, track: e.target.value })}>
          <option value="IC">IC</option>
          <option value="M">M</option>
        </select>
      </td>
      <td className="px-3 py-2">
        <label className="sr-only" htmlFor={`${id}-order`}>Order of {level.key}</label>
        <input id={`${id}-order`} type="number" min={0} max={100} className={`${INLINE_INPUT_CLASS} w-20`} value={draft.order} onChange={(e) => setDraft({ ...draft, order: e.target.value })} />
      </td>
      <td className="px-3 py-2 tabular-nums">{level.people}</td>
      <td className="space-x-2 px-3 py-2">
        <button type="button" className={SECONDARY_BUTTON} disabled={save.isPending} onClick={() => save.mutate({ name: draft.name, order: Number(draft.order), track: draft.track })}>Save</button>
        <button type="button" className={SECONDARY_BUTTON} disabled={remove.isPending} onClick={() => remove.mutate()} aria-label={`Delete ${level.key}`}>Delete</button>
        <RequestError error={save.error ?? remove.error} />
      </td>
    </tr>
  );
}

/** /admin/career: the levels promotions move along, per track, in order. */
export function CareerLevelsAdmin() {
  const levels = useCareerLevels();
  const [form, setForm] = useState({ key: "", name: "", track: "IC", order: "" });
  const create = useAddCareerLevel();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ ...form, order: Number(form.order) }, { onSuccess: () => setForm({ key: "", name: "", track: "IC", order: "" }) });
  };
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Career framework</h1>
        <p className="text-sm text-slate-600">Promotions must move up a track (a higher order), or across tracks to at least the same order. A level in use cannot be deleted.</p>
      </div>
      {levels.isError ? <RequestError error={levels.error} /> : !levels.data ? <p role="status" className="text-sm text-slate-600">Loading…</p> : (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="min-w-full text-sm" data-testid="career-levels">
            <caption className="sr-only">Career levels</caption>
            <thead className="bg-slate-50 text-left text-xs text-slate-600">
              <tr>{["Key", "Name", "Track", "Order", "People", ""].map((h, i) => <th key={i} scope="col" className="px-3 py-2 font-medium">{h}</th>)}</tr>
            </thead>
            <tbody>{levels.data.levels.map((l) => <LevelRow key={`${l.id}-${l.name}-${l.order}-${l.track}`} level={l} />)}</tbody>
          </table>
        </div>
      )}
      <form onSubmit={submit} aria-labelledby="new-level" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-level" className="text-lg font-semibold text-slate-900">Add a level</h2>
        <div className="flex flex-wrap items-end gap-3">
          <LabelledControl label="Key" htmlFor="level-key"><input id="level-key" required className={INLINE_INPUT_CLASS} value={form.key} onChange={(e) => setForm({ ...form, key: e.target.value })} placeholder="IC7" /></LabelledControl>
          <LabelledControl label="Name" htmlFor="level-name"><input id="level-name" required className={INLINE_INPUT_CLASS} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></LabelledControl>
          <LabelledControl label="Track" htmlFor="level-track">
            <select id="level-track" className={INLINE_INPUT_CLASS} value={form.track} onChange={(e) => setForm({ ...form, track: e.target.value })}>
              <option value="IC">IC</option>
              <option value="M">M</option>
            </select>
          </LabelledControl>
          <LabelledControl label="Order" htmlFor="level-order"><input id="level-order" type="number" required min={0} max={100} className={INLINE_INPUT_CLASS} value={form.order} onChange={(e) => setForm({ ...form, order: e.target.value })} /></LabelledControl>
          <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>Add level</button>
        </div>
        <RequestError error={create.error} />
      </form>
    </div>
  );
}
