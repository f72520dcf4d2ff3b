"use client";

import { useState } from "react";
import { usePeople } from "@/lib/client/use-retention";
import { INLINE_INPUT_CLASS, LabelledControl } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

export interface TeamOption {
  id: string;
  name: string;
}

/** The roster, filtered; choosing a person opens their record for editing. */
export function PeopleList({ teams, onSelect, selected }: { teams: TeamOption[]; onSelect: (employeeId: string) => void; selected: string | null }) {
  const [filters, setFilters] = useState({ team: "", status: "active", q: "", level: "" });
  const people = usePeople(filters);
  const set = (key: keyof typeof filters) => (e: { target: { value: string } }) => setFilters({ ...filters, [key]: e.target.value });

  return (
    <section aria-labelledby="people-list" className="space-y-3">
      <h2 id="people-list" className="text-lg font-semibold text-slate-900">People</h2>
      <div className="flex flex-wrap items-end gap-3">
        <LabelledControl label="Team" htmlFor="filter-team">
          <select id="filter-team" className={INLINE_INPUT_CLASS} value={filters.team} onChange={set("team")}>
            <option value="">All teams</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>{t.name}</option>
            ))}
          </select>
        </LabelledControl>
        <LabelledControl label="Status" htmlFor="filter-status">
          <select id="filter-status" className={INLINE_INPUT_CLASS} value={filters.status} onChange={set("status")}>
            <option value="active">Current</option>
            <option value="exited">Left</option>
            <option value="all">All</option>
          </select>
        </LabelledControl>
        <LabelledControl label="Level" htmlFor="filter-level">
          <input id="filter-level" className={INLINE_INPUT_CLASS} value={filters.level} onChange={set("level")} placeholder="e.g. IC3" />
        </LabelledControl>
        <LabelledControl label="Employee id contains" htmlFor="filter-q">
          <input id="filter-q" className={INLINE_INPUT_CLASS} value={filters.q} onChange={set("q")} />
        </LabelledControl>
      </div>
      {people.isError ? (
        <ErrorAlert className="text-sm text-red-800">{people.error.message}</ErrorAlert>
      ) : !people.data ? (
        <p role="status" className="text-sm text-slate-600">Loading…</p>
      ) : people.data.people.length === 0 ? (
        <p className="text-sm text-slate-600">No people match these filters.</p>
      ) : (
        <div className="max-h-[32rem] overflow-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full text-sm"
            data-testid="people-table"
            caption="People on the roster"
            headClassName="sticky top-0 bg-slate-50 text-left text-xs text-slate-600"
            thClassName="px-3 py-2 font-medium"
            tdClassName="px-3 py-1.5"
            rowClassName={(p) => `border-t border-slate-100 ${selected === p.employeeId ? "bg-blue-50" : ""}`}
            rows={people.data.people}
            rowKey={(p) => p.employeeId}
            columns={[
              { key: "employee", header: "Employee", rowHeader: true, className: "text-left font-medium", cell: (p) => `${p.employeeId}${p.rehired ? " (rehired)" : ""}` },
              { key: "team", header: "Team", cell: (p) => p.teamName ?? "—" },
              { key: "level", header: "Level", cell: (p) => p.level ?? "—" },
              { key: "location", header: "Location", cell: (p) => p.location ?? "—" },
              { key: "hired", header: "Hired", className: "tabular-nums", cell: (p) => p.hireDate ?? "—" },
              { key: "left", header: "Left", className: "tabular-nums", cell: (p) => p.exitDate ?? "" },
              { key: "exit", header: "Exit type", cell: (p) => (p.exitType ? `${p.exitType}${p.regretted ? ", regretted" : ""}` : "") },
              {
                key: "actions",
                header: "",
                cell: (p) => (
                  <button type="button" className="text-blue-700 underline" onClick={() => onSelect(p.employeeId)} aria-label={`Edit ${p.employeeId}`}>
                    Edit
                  </button>
                ),
              },
            ]}
          />
        </div>
      )}
    </section>
  );
}
