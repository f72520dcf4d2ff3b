"use client";

import { useState, type FormEvent } from "react";
import { usePerson, useRecordPersonEvent } from "@/lib/client/use-retention";
import { RequestError, INLINE_INPUT_CLASS, LabelledControl, PRIMARY_BUTTON } from "@/components/ui/form";
import type { TeamOption } from "./people-list";

type EventType = "promotion" | "move" | "exit" | "rehire";

/** One person's record: history, and forms to promote, move, record an exit or a rehire. */
export function PersonEditor({ employeeId, teams, levels }: { employeeId: string; teams: TeamOption[]; levels: string[] }) {
  const person = usePerson(employeeId);
  const [type, setType] = useState<EventType>("promotion");
  const [form, setForm] = useState({ date: "", toLevel: "", toTeam: "", exitType: "voluntary", regretted: false, exitReason: "" });
  const event = useRecordPersonEvent(employeeId);
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    event.mutate(
      type === "promotion" ? { type, date: form.date, toLevel: form.toLevel }
      : type === "move" ? { type, date: form.date, toTeam: form.toTeam }
      : type === "exit" ? { type, date: form.date, exitType: form.exitType, regretted: form.regretted, exitReason: form.exitReason }
      : { type, date: form.date, team: form.toTeam || undefined, level: form.toLevel || undefined },
    );
  };
  const p = person.data?.person;

  return (
    <section aria-labelledby="person-editor" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="person-editor" className="text-lg font-semibold text-slate-900">{employeeId}</h2>
      {person.isError && <RequestError error={person.error} />}
      {p && (
        <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">Team</dt><dd>{teamName(p.teamId)}</dd>
          <dt className="text-slate-600">Level</dt><dd>{p.level}</dd>
          <dt className="text-slate-600">Employments</dt>
          <dd>{p.employments.map((e) => `${e.hireDate} → ${e.exitDate ?? "now"}${e.exitType ? ` (${e.exitType}${e.regretted ? ", regretted" : ""})` : ""}`).join("; ")}</dd>
          <dt className="text-slate-600">Promotions</dt><dd>{p.promotions.map((x) => `${x.date}: ${x.fromLevel} → ${x.toLevel}`).join("; ") || "none"}</dd>
          <dt className="text-slate-600">Team moves</dt><dd>{p.teamMoves.map((m) => `${m.date}: ${teamName(m.fromTeamId)} → ${teamName(m.toTeamId)}`).join("; ") || "none"}</dd>
        </dl>
      )}
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label={`Record an event for ${employeeId}`}>
        <LabelledControl label="Event" htmlFor="event-type">
          <select id="event-type" className={INLINE_INPUT_CLASS} value={type} onChange={(e) => setType(e.target.value as EventType)}>
            <option value="promotion">Promotion</option>
            <option value="move">Team move</option>
            <option value="exit">Exit</option>
            <option value="rehire">Rehire</option>
          </select>
        </LabelledControl>
        <LabelledControl label="Date" htmlFor="event-date">
          <input id="event-date" type="date" required className={INLINE_INPUT_CLASS} value={form.date} onChange={(e) => setForm({ ...form, date: e.target.value })} />
        </LabelledControl>
        {(type === "promotion" || type === "rehire") && (
          <LabelledControl label={type === "promotion" ? "New level" : "Level (optional)"} htmlFor="event-level">
            <select id="event-level" className={INLINE_INPUT_CLASS} required={type === "promotion"} value={form.toLevel} onChange={(e) => setForm({ ...form, toLevel: e.target.value })}>
              <option value="">—</option>
              {levels.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </LabelledControl>
        )}
        {(type === "move" || type === "rehire") && (
          <LabelledControl label={type === "move" ? "To team" : "Team (optional)"} htmlFor="event-team">
            <select id="event-team" className={INLINE_INPUT_CLASS} required={type === "move"} value={form.toTeam} onChange={(e) => setForm({ ...form, toTeam: e.target.value })}>
              <option value="">—</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </LabelledControl>
        )}
        {type === "exit" && (
          <>
            <LabelledControl label="Exit type" htmlFor="event-exit-type">
              <select id="event-exit-type" className={INLINE_INPUT_CLASS} value={form.exitType} onChange={(e) => setForm({ ...form, exitType: e.target.value })}>
                <option value="voluntary">Voluntary</option>
                <option value="involuntary">Involuntary</option>
              </select>
            </LabelledControl>
            <LabelledControl label="Reason category" htmlFor="event-reason">
              <input id="event-reason" className={INLINE_INPUT_CLASS} value={form.exitReason} onChange={(e) => setForm({ ...form, exitReason: e.target.value })} />
            </LabelledControl>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={form.regretted} onChange={(e) => setForm({ ...form, regretted: e.target.checked })} /> Regretted
            </label>
          </>
        )}
        <button type="submit" className={PRIMARY_BUTTON} disabled={event.isPending}>Save</button>
      </form>
      {event.isSuccess && <p role="status" className="text-sm text-green-800">Saved. Retention metrics were recomputed.</p>}
      <RequestError error={event.error} />
    </section>
  );
}
