"use client";

import { useId, useState } from "react";
import { SELECT_CLASS } from "@/components/review/scope-select";
import { scopeOptions } from "@/components/dashboard/scope-options";
import { useAnnotationMutations } from "@/lib/client/use-annotations";
import { useScopes } from "@/lib/client/use-scopes";
import type { AnnotationInput } from "@/lib/validation/leadership";
import { ErrorAlert } from "@/components/ui/error-alert";

const LABEL = "mb-1 block text-xs font-medium text-slate-700";

function toInput(scope: string, date: string, title: string, body: string): AnnotationInput {
  const [kind, id] = scope.split(":", 2);
  const scopeType = kind === "group" ? "GROUP" : kind === "team" ? "TEAM" : "ORG";
  return { scopeType, scopeId: scopeType === "ORG" ? null : id, date, title, body: body || undefined };
}

/** Leaders and admins add a dated note; it appears on every chart of that scope and the scopes around it. */
export function AnnotationForm({ today }: { today: string }) {
  const id = useId();
  const scopes = useScopes();
  const options = scopeOptions(scopes.data);
  const { create } = useAnnotationMutations();
  const [scope, setScope] = useState("org");
  const [date, setDate] = useState(today);
  const [title, setTitle] = useState("");
  const [body, setBody] = useState("");
  const [titleError, setTitleError] = useState<string | null>(null);

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!title.trim()) {
      setTitleError("Enter a title.");
      return;
    }
    setTitleError(null);
    create.mutate(toInput(scope, date, title.trim(), body.trim()), {
      onSuccess: () => {
        setTitle("");
        setBody("");
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate className="space-y-3 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">Add an annotation</h2>
      <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
        <div>
          <label htmlFor={`${id}-scope`} className={LABEL}>Applies to</label>
          <select id={`${id}-scope`} className={SELECT_CLASS} value={scope} onChange={(e) => setScope(e.target.value)}>
            <option value="org">Whole organisation</option>
            <optgroup label="Groups">
              {options.groups.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </optgroup>
            <optgroup label="Teams">
              {options.teams.map((o) => (
                <option key={o.value} value={o.value}>{o.label}</option>
              ))}
            </optgroup>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-date`} className={LABEL}>Date</label>
          <input id={`${id}-date`} type="date" required className={SELECT_CLASS} value={date} onChange={(e) => setDate(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${id}-title`} className={LABEL}>Title</label>
          <input
            id={`${id}-title`}
            className={SELECT_CLASS}
            value={title}
            maxLength={120}
            aria-invalid={titleError ? true : undefined}
            aria-describedby={titleError ? `${id}-title-error` : undefined}
            onChange={(e) => setTitle(e.target.value)}
          />
          {titleError && <p id={`${id}-title-error`} role="alert" className="mt-1 text-xs text-red-700">{titleError}</p>}
        </div>
      </div>
      <div>
        <label htmlFor={`${id}-body`} className={LABEL}>Note (optional)</label>
        <textarea id={`${id}-body`} rows={2} maxLength={2000} className={SELECT_CLASS} value={body} onChange={(e) => setBody(e.target.value)} />
      </div>
      {create.isError && <ErrorAlert>The annotation was not saved: {create.error.message}</ErrorAlert>}
      {create.isSuccess && <p role="status" className="text-sm text-green-800">Annotation added.</p>}
      <button type="submit" disabled={create.isPending} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white hover:bg-blue-800 disabled:opacity-60">
        {create.isPending ? "Adding…" : "Add annotation"}
      </button>
    </form>
  );
}
