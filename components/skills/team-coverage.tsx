"use client";

import { useState } from "react";
import { RequestError, LoadState, PRIMARY_BUTTON, SECONDARY_BUTTON } from "@/components/ui/form";
import { queryKeys } from "@/lib/client/query-keys";
import { useJsonMutation, useSkillCatalog, useTeamSkills } from "@/lib/client/use-skills";
import { SKILLS_EXPLANATIONS } from "@/lib/skills/explanations";
import { formatPercent, orEmpty } from "@/lib/format";

/** A team's skills coverage and bus-factor list, as counts; its managers and admins can change the needed skills. */
export function TeamCoverage({ teamId }: { teamId: string }) {
  const view = useTeamSkills(teamId);
  const [editing, setEditing] = useState(false);
  const d = view.data;
  return (
    <section aria-labelledby="coverage-heading" data-testid="skills-coverage" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="coverage-heading" className="text-lg font-semibold text-slate-900">Skills coverage{d ? ` · ${d.team.name}` : ""}</h2>
        {d?.canEdit && !editing && (
          <button type="button" className={SECONDARY_BUTTON} onClick={() => setEditing(true)}>Change needed skills</button>
        )}
      </div>
      <LoadState isLoading={view.isPending} error={view.error} what="skills coverage" />
      {d && (
        <>
          <p>
            <span data-testid="coverage-percent" className="text-3xl font-semibold tabular-nums text-slate-900">
              {orEmpty(d.percent, formatPercent)}
            </span>
            <span className="ml-2 text-sm text-slate-600">
              {d.needed === 0 ? "This team has not declared any needed skills." : `${d.covered} of ${d.needed} needed skills covered · ${d.people} people`}
            </span>
          </p>
          {editing && <NeedsEditor teamId={teamId} selected={d.skills.map((s) => s.skillId)} onDone={() => setEditing(false)} />}
          {d.needed > 0 && (
            <div className="grid gap-4 md:grid-cols-2">
              <div>
                <h3 className="text-sm font-medium text-slate-700">Needed skills</h3>
                <ul className="mt-1 divide-y divide-slate-100 text-sm">
                  {d.skills.map((s) => (
                    <li key={s.skillId} className="flex justify-between py-1">
                      <span>{s.name}</span>
                      <span className={s.covered ? "text-green-700" : "text-amber-700"}>
                        {s.proficientPeople} proficient {s.covered ? "· covered" : "· at risk"}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="text-sm font-medium text-slate-700">Bus-factor list</h3>
                {d.busFactor.length === 0 ? (
                  <p className="mt-1 text-sm text-green-700">Every needed skill has at least two proficient people.</p>
                ) : (
                  <ul data-testid="bus-factor-list" className="mt-1 space-y-1 text-sm">
                    {d.busFactor.map((s) => (
                      <li key={s.skillId} className="rounded border border-amber-200 bg-amber-50 px-2 py-1 text-amber-900">
                        {s.name}: {s.proficientPeople === 0 ? "nobody proficient" : "only 1 proficient person"}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          )}
        </>
      )}
      <details className="text-sm text-slate-700">
        <summary className="cursor-pointer text-xs font-medium text-blue-700">How is this computed?</summary>
        <p className="mt-2">{SKILLS_EXPLANATIONS.skills_coverage}</p>
        <p className="mt-1">{SKILLS_EXPLANATIONS.bus_factor}</p>
      </details>
    </section>
  );
}

function NeedsEditor({ teamId, selected, onDone }: { teamId: string; selected: string[]; onDone: () => void }) {
  const catalog = useSkillCatalog();
  const [chosen, setChosen] = useState(selected);
  const save = useJsonMutation<{ skillIds: string[] }>("PUT", [queryKeys.skills.all()]);
  return (
    <form
      aria-label="Needed skills"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ url: `/api/v1/skills/teams/${teamId}/needs`, body: { skillIds: chosen } }, { onSuccess: onDone });
      }}
      className="space-y-2 rounded-md border border-slate-200 p-3"
    >
      <LoadState isLoading={catalog.isPending} error={catalog.error} what="the skills catalog" />
      {catalog.data?.length === 0 && <p className="text-sm text-slate-600">The catalog is empty: an admin adds skills first.</p>}
      <div className="grid grid-cols-2 gap-1 sm:grid-cols-3">
        {catalog.data?.map((s) => (
          <label key={s.id} className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={chosen.includes(s.id)} onChange={(e) => setChosen(e.target.checked ? [...chosen, s.id] : chosen.filter((id) => id !== s.id))} />
            {s.name}
          </label>
        ))}
      </div>
      <RequestError error={save.error} />
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>Save needed skills</button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onDone}>Cancel</button>
      </div>
    </form>
  );
}
