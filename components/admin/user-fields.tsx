"use client";

import { ROLES } from "@/lib/validation/admin";

const ROLE_LABELS: Record<(typeof ROLES)[number], string> = {
  ADMIN: "Admin — everything, including users and settings",
  LEADER: "Leader — sees everything, annotates, runs surveys and packs",
  MANAGER: "Manager — sees everything, writes data for the teams they manage",
  VIEWER: "Viewer — read-only",
};
export const ROLE_OPTIONS = ROLES.map((value) => ({ value, label: ROLE_LABELS[value] }));

/** Which teams a manager manages (checkbox list; only managers' lists grant write access). */
export function TeamPicker({ teams, selected, onChange }: { teams: { id: string; name: string }[]; selected: string[]; onChange: (ids: string[]) => void }) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((t) => t !== id));
  return (
    <fieldset>
      <legend className="text-sm font-medium text-slate-800">Teams this manager manages</legend>
      {teams.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">No teams yet; create teams under Organisation first.</p>
      ) : (
        <div className="mt-1 grid max-h-48 gap-1 overflow-y-auto rounded-md border border-slate-200 p-2 sm:grid-cols-2 lg:grid-cols-3">
          {teams.map((t) => (
            <label key={t.id} className="flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" checked={selected.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} />
              {t.name}
            </label>
          ))}
        </div>
      )}
    </fieldset>
  );
}
