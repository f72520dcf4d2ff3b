"use client";

import { useId } from "react";

/** One select per column of the file: which field it fills, or "ignore". */
export function MappingEditor({
  header,
  mapping,
  fields,
  onChange,
}: {
  header: string[];
  mapping: Record<string, number>;
  fields: { key: string; label: string }[];
  onChange: (mapping: Record<string, number>) => void;
}) {
  const baseId = useId();
  const fieldOf = (index: number) => Object.entries(mapping).find(([, i]) => i === index)?.[0] ?? "";
  const assign = (index: number, field: string) => {
    const next: Record<string, number> = {};
    for (const [key, i] of Object.entries(mapping)) if (i !== index && key !== field) next[key] = i;
    if (field) next[field] = index;
    onChange(next);
  };
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-slate-700">Columns</legend>
      <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
        {header.map((name, index) => (
          <div key={`${name}-${index}`} className="flex items-center gap-2 text-sm">
            <label htmlFor={`${baseId}-${index}`} className="w-40 truncate font-mono" title={name}>{name || `(column ${index + 1})`}</label>
            <span aria-hidden="true">→</span>
            <select id={`${baseId}-${index}`} value={fieldOf(index)} onChange={(e) => assign(index, e.target.value)} className="flex-1 rounded-md border border-slate-300 px-2 py-1">
              <option value="">Ignore</option>
              {fields.map((f) => (
                <option key={f.key} value={f.key}>{f.label}</option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
