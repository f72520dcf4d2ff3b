"use client";

import { useState, type FormEvent } from "react";
import { RequestError, INLINE_INPUT_CLASS, LabelledControl, PRIMARY_BUTTON } from "@/components/ui/form";
import { useAddPerson } from "@/lib/client/use-retention";
import type { TeamOption } from "./people-list";

/** Adds one person (a first hire); history is then recorded as events. */
export function NewPersonForm({ teams, levels }: { teams: TeamOption[]; levels: string[] }) {
  const [form, setForm] = useState({ employeeId: "", team: "", level: "", hireDate: "", location: "", roleFamily: "", sourcing: "", managerEmployeeId: "" });
  const create = useAddPerson();
  const set = (key: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({
      employeeId: form.employeeId,
      team: form.team,
      level: form.level,
      location: form.location || null,
      roleFamily: form.roleFamily || null,
      sourcing: form.sourcing || null,
      managerEmployeeId: form.managerEmployeeId || null,
      employments: [{ hireDate: form.hireDate }],
    });
  };
  return (
    <form onSubmit={submit} aria-labelledby="new-person" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="new-person" className="text-lg font-semibold text-slate-900">Add a person</h2>
      <div className="flex flex-wrap items-end gap-3">
        <LabelledControl label="Employee id" htmlFor="new-employee-id"><input id="new-employee-id" required className={INLINE_INPUT_CLASS} value={form.employeeId} onChange={set("employeeId")} /></LabelledControl>
        <LabelledControl label="Team" htmlFor="new-team">
          <select id="new-team" required className={INLINE_INPUT_CLASS} value={form.team} onChange={set("team")}>
            <option value="">—</option>
            {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
          </select>
        </LabelledControl>
        <LabelledControl label="Level" htmlFor="new-level">
          <select id="new-level" required className={INLINE_INPUT_CLASS} value={form.level} onChange={set("level")}>
            <option value="">—</option>
            {levels.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </LabelledControl>
        <LabelledControl label="Hire date" htmlFor="new-hire-date"><input id="new-hire-date" type="date" required className={INLINE_INPUT_CLASS} value={form.hireDate} onChange={set("hireDate")} /></LabelledControl>
        <LabelledControl label="Location" htmlFor="new-location"><input id="new-location" className={INLINE_INPUT_CLASS} value={form.location} onChange={set("location")} placeholder="team's if empty" /></LabelledControl>
        <LabelledControl label="Role family" htmlFor="new-role-family"><input id="new-role-family" className={INLINE_INPUT_CLASS} value={form.roleFamily} onChange={set("roleFamily")} /></LabelledControl>
        <LabelledControl label="Sourcing" htmlFor="new-sourcing">
          <select id="new-sourcing" className={INLINE_INPUT_CLASS} value={form.sourcing} onChange={set("sourcing")}>
            <option value="">team&apos;s</option>
            {["ONSHORE", "NEARSHORE", "OFFSHORE", "VENDOR"].map((s) => <option key={s} value={s}>{s.toLowerCase()}</option>)}
          </select>
        </LabelledControl>
        <LabelledControl label="Manager employee id" htmlFor="new-manager"><input id="new-manager" className={INLINE_INPUT_CLASS} value={form.managerEmployeeId} onChange={set("managerEmployeeId")} /></LabelledControl>
        <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>Add</button>
      </div>
      {create.isSuccess && <p role="status" className="text-sm text-green-800">Added {form.employeeId}.</p>}
      <RequestError error={create.error} />
    </form>
  );
}
