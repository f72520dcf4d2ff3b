"use client";

import { useState } from "react";
import { RequestError, LoadState, PRIMARY_BUTTON, TextField } from "@/components/ui/form";
import { queryKeys } from "@/lib/client/query-keys";
import { useJsonMutation, useSkillCatalog, useSkillGaps } from "@/lib/client/use-skills";
import { Table } from "@/components/ui/table";

/** Needed skills uncovered somewhere in the organisation, most widespread first, and (for admins) the catalog. */
export function OrgGaps({ isAdmin }: { isAdmin: boolean }) {
  const gaps = useSkillGaps();
  return (
    <section aria-labelledby="gaps-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h2 id="gaps-heading" className="text-lg font-semibold text-slate-900">Organisation-wide gaps</h2>
      <LoadState isLoading={gaps.isPending} error={gaps.error} what="skill gaps" />
      {gaps.data?.length === 0 && <p className="text-sm text-slate-600">No gaps: every team covers the skills it needs (or none are declared yet).</p>}
      {gaps.data && gaps.data.length > 0 && (
        <Table
          className="min-w-full text-sm"
          aria-labelledby="gaps-heading"
          headClassName="text-left text-xs text-slate-500"
          thClassName="py-1 pr-3"
          rowClassName="border-t border-slate-100"
          rows={gaps.data}
          rowKey={(g) => g.skillId}
          columns={[
            { key: "skill", header: "Skill", rowHeader: true, className: "py-1 pr-3 text-left font-medium", cell: (g) => g.name },
            { key: "lacking", header: "Teams lacking it", className: "py-1 pr-3", cell: (g) => g.uncoveredTeams.map((t) => t.name).join(", ") },
            { key: "needing", header: "Teams needing it", className: "py-1 pr-3 tabular-nums", cell: (g) => g.teamsNeeding },
            { key: "people", header: "Proficient people in the organisation", className: "py-1 tabular-nums", cell: (g) => g.proficientPeopleInOrg },
          ]}
        />
      )}
      {isAdmin && <Catalog />}
    </section>
  );
}

function Catalog() {
  const catalog = useSkillCatalog();
  const [name, setName] = useState("");
  const [category, setCategory] = useState("");
  const add = useJsonMutation<{ name: string; category: string | null }>("POST", [queryKeys.skills.all()]);
  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      <h3 className="text-sm font-medium text-slate-700">Skills catalog</h3>
      <p className="text-sm text-slate-600">{catalog.data?.map((s) => s.name).join(", ") || "No skills yet."}</p>
      <form
        aria-label="Add a skill"
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate({ url: "/api/v1/skills", body: { name, category: category || null } }, { onSuccess: () => { setName(""); setCategory(""); } });
        }}
      >
        <TextField label="Skill" value={name} onChange={(e) => setName(e.target.value)} required />
        <TextField label="Category" value={category} onChange={(e) => setCategory(e.target.value)} />
        <button type="submit" className={PRIMARY_BUTTON} disabled={add.isPending}>Add skill</button>
      </form>
      <RequestError error={add.error} />
    </div>
  );
}
