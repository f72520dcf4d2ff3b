"use client";

import { useState, type FormEvent } from "react";
import type { AdminServiceRow, AdminTeamRow } from "@/lib/admin/api-types";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON, SelectField, TextField } from "@/components/ui/form";
import { Table } from "@/components/ui/table";

/**
 * Services (deployable units) and their owning team. Ingestion creates a service it has not seen without a
 * team when the event names none; those are listed first so an admin can assign them.
 */
export function ServicesPanel({ services, teams }: { services: AdminServiceRow[]; teams: AdminTeamRow[] }) {
  const create = useAdminMutation([queryKeys.admin.org()]);
  const assign = useAdminMutation([queryKeys.admin.org()]);
  const [filter, setFilter] = useState("");
  const teamOptions = teams.filter((t) => !t.archivedAt).map((t) => ({ value: t.id, label: t.name }));
  const teamName = new Map(teams.map((t) => [t.id, t.name]));
  const unassigned = services.filter((s) => s.teamId === null);
  const assigned = services.filter((s) => s.teamId !== null && s.name.toLowerCase().includes(filter.toLowerCase()));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    create.mutate(
      { method: "POST", url: "/api/v1/admin/services", body: { name: String(form.get("name") ?? ""), teamId: String(form.get("teamId") ?? "") || null } },
      { onSuccess: () => formEl.reset() },
    );
  };

  const setTeam = (service: AdminServiceRow, teamId: string) =>
    assign.mutate({ method: "PATCH", url: `/api/v1/admin/services/${service.id}`, body: { teamId: teamId || null } });

  return (
    <section aria-labelledby="services-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="services-heading" className="text-base font-semibold text-slate-900">
        Services
      </h2>
      {/* Amber only when something waits for a team: an empty list is not a warning. */}
      <div
        aria-labelledby="unassigned-heading"
        className={unassigned.length === 0 ? "rounded-md border border-slate-200 bg-slate-50 p-3" : "rounded-md border border-amber-200 bg-amber-50 p-3"}
      >
        <h3 id="unassigned-heading" className={`text-sm font-semibold ${unassigned.length === 0 ? "text-slate-900" : "text-amber-900"}`}>
          Unassigned services ({unassigned.length})
        </h3>
        {unassigned.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">None. Every service has an owning team.</p>
        ) : (
          <>
            <p className="mt-1 text-sm text-amber-900">Seen by ingestion without a team. Their events count for no team until you assign one.</p>
            <ul className="mt-2 space-y-2">
              {unassigned.map((s) => (
                <li key={s.id} className="flex flex-wrap items-end gap-3">
                  <span className="w-56 font-mono text-sm text-slate-900">{s.name}</span>
                  <SelectField
                    label={`Team for ${s.name}`}
                    defaultValue=""
                    options={[{ value: "", label: "— Choose a team —" }, ...teamOptions]}
                    onChange={(e) => e.target.value && setTeam(s, e.target.value)}
                    className="w-64"
                  />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <RequestError error={assign.error} />
      <TextField label="Filter services" value={filter} onChange={(e) => setFilter(e.target.value)} className="max-w-xs" />
      {assigned.length === 0 ? (
        <p className="text-sm text-slate-600">No services{filter ? " match" : " yet"}.</p>
      ) : (
        <Table
          className="min-w-full divide-y divide-slate-200 text-sm"
          caption="Services and owning teams"
          headClassName="text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
          bodyClassName="divide-y divide-slate-100"
          thClassName="py-2 pr-3"
          tdClassName="py-2 pr-3"
          rows={assigned}
          rowKey={(s) => s.id}
          columns={[
            { key: "service", header: "Service", className: "font-mono", cell: (s) => s.name },
            {
              key: "team",
              header: "Owning team",
              cell: (s) => (
                <>
                  <label className="sr-only" htmlFor={`svc-${s.id}`}>
                    Owning team of {s.name}
                  </label>
                  <select
                    id={`svc-${s.id}`}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm"
                    value={s.teamId ?? ""}
                    onChange={(e) => setTeam(s, e.target.value)}
                  >
                    {!teamOptions.some((o) => o.value === s.teamId) && <option value={s.teamId ?? ""}>{teamName.get(s.teamId ?? "") ?? "—"}</option>}
                    {teamOptions.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </>
              ),
            },
          ]}
        />
      )}
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="New service">
        <TextField label="New service name" name="name" required className="w-56" hint="As ingestion names it (e.g. the repository)." />
        <SelectField label="Owning team" name="teamId" options={[{ value: "", label: "— None yet —" }, ...teamOptions]} className="w-56" />
        <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
          Add service
        </button>
      </form>
      <RequestError error={create.error} />
    </section>
  );
}
