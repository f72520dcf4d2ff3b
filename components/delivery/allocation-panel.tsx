"use client";

import { useState, type FormEvent } from "react";
import { allocationInput } from "@/lib/validation/delivery";
import { useAllocation, useSaveAllocation, type DeliveryView } from "@/lib/client/use-delivery";
import { ErrorAlert } from "@/components/ui/error-alert";

const INPUT = "mt-1 block w-24 rounded-md border border-slate-300 px-2 py-1 text-sm aria-[invalid=true]:border-red-600";
const FIELDS = [
  { name: "newCapability", label: "New capability %" },
  { name: "ktlo", label: "Keep-the-lights-on %" },
  { name: "techDebt", label: "Tech debt %" },
] as const;

/**
 * Investment allocation of one team: from its finished work items, and — for weeks without work-item data —
 * percentages its managers enter (they must sum to 100).
 */
export function AllocationPanel({ team, view, canEdit }: { team: string; view: DeliveryView; canEdit: boolean }) {
  const q = useAllocation(team, view);
  const save = useSaveAllocation();
  const [error, setError] = useState<string | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = allocationInput.safeParse({
      team,
      fromWeek: form.get("fromWeek"),
      toWeek: form.get("toWeek"),
      newCapability: Number(form.get("newCapability")),
      ktlo: Number(form.get("ktlo")),
      techDebt: Number(form.get("techDebt")),
    });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Check the values.");
    const total = parsed.data.newCapability + parsed.data.ktlo + parsed.data.techDebt;
    if (Math.abs(total - 100) > 1e-6) return setError(`The three shares must sum to 100% (they sum to ${total}%).`);
    setError(null);
    save.mutate(parsed.data, { onError: (e) => setError(e instanceof Error ? e.message : "Could not save.") });
  };

  const p = q.data?.fromWorkItems;
  return (
    <section aria-labelledby="allocation-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700">
      <h2 id="allocation-heading" className="text-base font-semibold text-slate-900">Investment allocation</h2>
      {q.isLoading && <p role="status">Loading allocation…</p>}
      {p && (
        <p className="mt-1" data-testid="allocation-from-work-items">
          {p.finished > 0
            ? `From ${p.finished} finished work items: ${p.percentages.newCapability}% new capability, ${p.percentages.ktlo}% keep-the-lights-on, ${p.percentages.techDebt}% tech debt.`
            : "No finished work items in this period."}
        </p>
      )}
      {q.data && q.data.entered.length > 0 && (
        <p className="mt-1">Entered by managers for {q.data.entered.length} week(s), latest {q.data.entered[q.data.entered.length - 1].week}.</p>
      )}
      {canEdit && (
        <form onSubmit={submit} noValidate className="mt-3 flex flex-wrap items-end gap-3" aria-label="Enter allocation for weeks without work-item data">
          <label className="block text-xs font-medium">First week<input name="fromWeek" type="date" required className={INPUT.replace("w-24", "w-40")} /></label>
          <label className="block text-xs font-medium">Last week<input name="toWeek" type="date" required className={INPUT.replace("w-24", "w-40")} /></label>
          {FIELDS.map((f) => (
            <label key={f.name} className="block text-xs font-medium">
              {f.label}
              <input name={f.name} type="number" min={0} max={100} step="any" required className={INPUT} aria-invalid={error ? true : undefined} />
            </label>
          ))}
          <button type="submit" disabled={save.isPending} className="rounded-md bg-blue-700 px-3 py-1.5 text-sm font-medium text-white disabled:opacity-60">
            {save.isPending ? "Saving…" : "Save allocation"}
          </button>
          {error && <ErrorAlert className="w-full text-sm text-red-700">{error}</ErrorAlert>}
          {save.isSuccess && !error && <p role="status" className="w-full text-sm text-slate-700">Saved.</p>}
        </form>
      )}
    </section>
  );
}
