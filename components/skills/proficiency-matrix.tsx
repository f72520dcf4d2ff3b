"use client";

import { useState } from "react";
import { RequestError, LoadState, PRIMARY_BUTTON } from "@/components/ui/form";
import { queryKeys } from "@/lib/client/query-keys";
import { useJsonMutation, useTeamPeople } from "@/lib/client/use-skills";
import type { ProficiencyInput } from "@/lib/validation/skills";
import { Table, type Column } from "@/components/ui/table";

const LEVELS = [0, 1, 2, 3, 4];

/**
 * Each member's proficiency (0–4). Only rendered for the team's managers and admins; the API
 * refuses everyone else, so hiding it here is a courtesy, not the protection.
 */
export function ProficiencyMatrix({ teamId, canEdit }: { teamId: string; canEdit: boolean }) {
  const people = useTeamPeople(teamId, true);
  const save = useJsonMutation<ProficiencyInput[]>("PUT", [queryKeys.skills.all()]);
  const d = people.data;
  return (
    <section aria-labelledby="matrix-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="matrix-heading" className="text-lg font-semibold text-slate-900">Individual proficiency</h2>
      <p className="text-sm text-slate-600">Visible to this team&apos;s managers and admins only. 0 = none, 3 = proficient, 4 = expert.</p>
      <LoadState isLoading={people.isPending} error={people.error} what="proficiency" />
      <RequestError error={save.error} />
      {d && d.people.length === 0 && <p className="text-sm text-slate-600">Nobody on the roster is in this team.</p>}
      {d && d.people.length > 0 && d.skills.length > 0 && (
        <div className="overflow-x-auto">
          <Table
            className="min-w-full text-sm"
            aria-label="Proficiency by person and skill"
            headRowClassName="text-left text-xs text-slate-500"
            thClassName="py-1 pr-3"
            tdClassName="py-1 pr-3"
            rowClassName="border-t border-slate-100"
            rows={d.people}
            rowKey={(p) => p.employeeId}
            columns={[
              { key: "employee", header: "Employee", rowHeader: true, className: "text-left font-medium", cell: (p) => p.employeeId },
              ...d.skills.map(
                (s): Column<(typeof d.people)[number]> => ({
                  key: s.id,
                  header: `${s.name}${s.needed ? "" : " (not needed)"}`,
                  cell: (p) => {
                    const level = p.levels[s.id] ?? 0;
                    return canEdit ? (
                      <select
                        aria-label={`${p.employeeId} ${s.name}`}
                        value={level}
                        className="rounded border border-slate-300 px-1 py-0.5"
                        onChange={(e) => save.mutate({ url: "/api/v1/skills/proficiency", body: [{ employeeId: p.employeeId, skillId: s.id, level: Number(e.target.value) }] })}
                      >
                        {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
                      </select>
                    ) : (
                      <span className="tabular-nums">{level}</span>
                    );
                  },
                }),
              ),
            ]}
          />
        </div>
      )}
      {canEdit && <CsvImport />}
    </section>
  );
}

function CsvImport() {
  const [csv, setCsv] = useState("");
  const upload = useJsonMutation<{ csv: string }, { saved: number }>("POST", [queryKeys.skills.all()]);
  return (
    <form
      aria-label="Import proficiency CSV"
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        upload.mutate({ url: "/api/v1/skills/proficiency/import", body: { csv } });
      }}
    >
      <label htmlFor="proficiency-csv" className="block text-sm font-medium text-slate-800">Import CSV (employeeId,skill,level)</label>
      <input
        id="proficiency-csv"
        type="file"
        accept=".csv,text/csv"
        className="block text-sm"
        onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? "")}
      />
      <RequestError error={upload.error} />
      {upload.data && <p role="status" className="text-sm text-green-700">{upload.data.saved} levels saved.</p>}
      <button type="submit" className={PRIMARY_BUTTON} disabled={!csv || upload.isPending}>Import</button>
    </form>
  );
}
