"use client";

import { useState } from "react";
import { NewPersonForm } from "./new-person-form";
import { PeopleList, type TeamOption } from "./people-list";
import { PersonEditor } from "./person-editor";
import { RosterImport } from "./roster-import";

/** /admin/people: import, list, add and edit people records (admins only; the page checks). */
export function PeopleAdmin({ teams, levels }: { teams: TeamOption[]; levels: string[] }) {
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">People roster</h1>
        <p className="text-sm text-slate-600">Individual records are visible to admins only; everyone else sees aggregates on the Retention page. Levels come from the <a href="/admin/career" className="text-blue-700 underline">career framework</a>.</p>
      </div>
      <RosterImport />
      <NewPersonForm teams={teams} levels={levels} />
      <div className="grid gap-6 xl:grid-cols-[3fr_2fr]">
        <PeopleList teams={teams} onSelect={setSelected} selected={selected} />
        {selected ? <PersonEditor key={selected} employeeId={selected} teams={teams} levels={levels} /> : <p className="text-sm text-slate-600">Choose Edit on a person to record a promotion, team move, exit or rehire.</p>}
      </div>
    </div>
  );
}
