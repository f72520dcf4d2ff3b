"use client";

import { scopeOptions } from "@/components/dashboard/scope-options";
import { useScopes } from "@/lib/client/use-scopes";
import { ErrorAlert } from "@/components/ui/error-alert";

export const SELECT_CLASS =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 shadow-sm hover:border-slate-400";

/** The organisation, its groups as a tree, then its teams — as on the overview. */
export function ScopeSelect({ id, value, onChange }: { id: string; value: string; onChange: (scope: string) => void }) {
  const scopes = useScopes();
  const options = scopeOptions(scopes.data);
  return (
    <>
      <select id={id} className={SELECT_CLASS} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value={options.org.value}>{options.org.label}</option>
        {options.groups.length > 0 && (
          <optgroup label="Groups">
            {options.groups.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </optgroup>
        )}
        {options.teams.length > 0 && (
          <optgroup label="Teams">
            {options.teams.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </optgroup>
        )}
      </select>
      {scopes.isError && <ErrorAlert className="mt-1 text-xs text-red-700">Groups and teams could not be loaded.</ErrorAlert>}
    </>
  );
}
