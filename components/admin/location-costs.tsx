"use client";

import { formatMoney } from "@/lib/format";

import { useState, type FormEvent } from "react";
import type { AdminSettings } from "@/lib/admin/api-types";
import { locationCostInput, SOURCINGS } from "@/lib/validation/admin";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON, SelectField, TextField } from "@/components/ui/form";
import { Table } from "@/components/ui/table";

const SOURCING_OPTIONS = SOURCINGS.map((s) => ({ value: s, label: s.charAt(0) + s.slice(1).toLowerCase() }));

/**
 * Loaded annual cost per person for each location + sourcing pair. The alignment pillar multiplies a team's
 * headcount by its pair's cost (÷ 52 per week) to show where engineering money goes.
 */
export function LocationCosts({ data, currency }: { data: AdminSettings; currency: string }) {
  const [error, setError] = useState<string | null>(null);
  const [location, setLocation] = useState("");
  const [sourcing, setSourcing] = useState<string>("ONSHORE");
  const upsert = useAdminMutation([queryKeys.admin.settings()]);
  const remove = useAdminMutation([queryKeys.admin.settings()]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = locationCostInput.safeParse({ location, sourcing, annualCost: Number(form.get("annualCost")) });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? "Invalid cost.");
    setError(null);
    upsert.mutate({ method: "PUT", url: "/api/v1/admin/settings/location-costs", body: parsed.data }, { onSuccess: () => setLocation("") });
  };

  return (
    <section aria-labelledby="costs-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div>
        <h2 id="costs-heading" className="text-base font-semibold text-slate-900">
          Loaded cost per person
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Annual fully loaded cost (salary, benefits, overhead, or vendor rate) of one engineer for each location and sourcing model. The alignment pillar
          computes a team&apos;s weekly cost as headcount × this cost ÷ 52.
        </p>
      </div>
      {data.missingCosts.length > 0 && (
        <div className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900">
          <p className="font-medium">Teams use these pairs without a cost, so their cost shows as missing:</p>
          <ul className="mt-1 flex flex-wrap gap-2">
            {data.missingCosts.map((m) => (
              <li key={`${m.location}-${m.sourcing}`}>
                <button
                  type="button"
                  className="rounded border border-amber-300 bg-white px-2 py-0.5 text-xs hover:bg-amber-100"
                  onClick={() => {
                    setLocation(m.location);
                    setSourcing(m.sourcing);
                  }}
                >
                  {m.location} · {m.sourcing.toLowerCase()}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {data.locationCosts.length === 0 ? (
        <p className="text-sm text-slate-600">No costs yet. Add one below.</p>
      ) : (
        <Table
          className="min-w-full divide-y divide-slate-200 text-sm"
          caption="Loaded cost per location and sourcing"
          headClassName="text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
          bodyClassName="divide-y divide-slate-100"
          rows={data.locationCosts}
          rowKey={(c) => c.id}
          columns={[
            { key: "location", header: "Location", headerClassName: "py-2 pr-3", className: "py-2 pr-3", cell: (c) => c.location },
            { key: "sourcing", header: "Sourcing", headerClassName: "py-2 pr-3", className: "py-2 pr-3", cell: (c) => c.sourcing.toLowerCase() },
            { key: "cost", header: "Annual cost", numeric: true, headerClassName: "py-2 pr-3", className: "py-2 pr-3", cell: (c) => formatMoney(c.annualCost, currency) },
            {
              key: "actions",
              header: <span className="sr-only">Actions</span>,
              headerClassName: "py-2",
              className: "py-2 text-right",
              cell: (c) => (
                <button
                  type="button"
                  className="text-sm font-medium text-red-700 hover:underline"
                  disabled={remove.isPending}
                  aria-label={`Remove the cost for ${c.location} ${c.sourcing.toLowerCase()}`}
                  onClick={() => remove.mutate({ method: "DELETE", url: `/api/v1/admin/settings/location-costs/${c.id}` })}
                >
                  Remove
                </button>
              ),
            },
          ]}
        />
      )}
      <RequestError error={remove.error} />
      <form onSubmit={submit} noValidate className="flex flex-wrap items-end gap-3" aria-label="Set a loaded cost">
        <TextField label="Location" value={location} onChange={(e) => setLocation(e.target.value)} className="w-48" />
        <SelectField label="Sourcing" value={sourcing} onChange={(e) => setSourcing(e.target.value)} options={SOURCING_OPTIONS} className="w-40" />
        <TextField label={`Annual cost (${currency})`} name="annualCost" type="number" min={1} step="any" className="w-44" />
        <button type="submit" className={PRIMARY_BUTTON} disabled={upsert.isPending}>
          Set cost
        </button>
      </form>
      {error && (
        <p role="alert" className="text-sm text-red-700">
          {error}
        </p>
      )}
      <RequestError error={upsert.error} />
    </section>
  );
}
