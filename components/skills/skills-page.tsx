"use client";

import { useState } from "react";
import { LoadState, SelectField } from "@/components/ui/form";
import { useTeamSkills } from "@/lib/client/use-skills";
import { useScopes } from "@/lib/client/use-scopes";
import { AiAdoptionSection } from "./ai-adoption-section";
import { LearningRecords } from "./learning-records";
import { LearningReportPanel } from "./learning-report";
import { OrgGaps } from "./org-gaps";
import { ProficiencyMatrix } from "./proficiency-matrix";
import { TeamCoverage } from "./team-coverage";

interface Props {
  isAdmin: boolean;
  /** Teams whose data the user may write (null = every team). */
  writableTeamIds: string[] | null;
  currency: string;
  /** The organisation's date today (YYYY-MM-DD): the learning report's default year and budget pace. */
  today: string;
  /** Team preselected from the URL (?team=<id>). */
  initialTeamId: string | null;
}

/** The Skills & capabilities pillar: skills coverage, learning investment and AI adoption, for one team at a time. */
export function SkillsPage({ isAdmin, writableTeamIds, currency, today, initialTeamId }: Props) {
  const scopes = useScopes();
  const teams = scopes.data?.teams ?? [];
  const [picked, setPicked] = useState<string | null>(initialTeamId);
  const team = teams.find((t) => t.id === picked) ?? teams.find((t) => writableTeamIds?.includes(t.id)) ?? teams[0] ?? null;
  const teamView = useTeamSkills(team?.id ?? null);
  const canWrite = team !== null && (writableTeamIds === null || writableTeamIds.includes(team.id));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Skills &amp; capabilities</h1>
          <p className="text-sm text-slate-600">Skills coverage, learning investment and AI adoption — and whether they moved anything.</p>
        </div>
        {teams.length > 0 && (
          <SelectField label="Team" className="w-64" value={team?.id ?? ""} onChange={(e) => setPicked(e.target.value)} options={teams.map((t) => ({ value: t.id, label: t.name }))} />
        )}
      </div>
      <nav aria-label="Sections" className="flex gap-4 text-sm">
        <a href="#coverage-heading" className="text-blue-700 hover:underline">Skills</a>
        <a href="#learning-heading" className="text-blue-700 hover:underline">Learning</a>
        <a href="#ai-heading" className="text-blue-700 hover:underline">AI adoption</a>
      </nav>
      <LoadState isLoading={scopes.isPending} error={scopes.error} what="teams" />
      {scopes.data && teams.length === 0 && <p className="text-sm text-slate-600">No teams yet: an admin creates them first.</p>}
      {team && (
        <>
          <TeamCoverage teamId={team.id} />
          {teamView.data?.canViewIndividuals && <ProficiencyMatrix teamId={team.id} canEdit={teamView.data.canEdit} />}
          <OrgGaps isAdmin={isAdmin} />
          <section aria-labelledby="learning-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 id="learning-heading" className="text-lg font-semibold text-slate-900">Learning investment</h2>
            <LearningReportPanel currency={currency} today={today} />
            <h3 className="text-base font-medium text-slate-900">{team.name}: learning records</h3>
            <LearningRecords teamId={team.id} teamSlug={team.slug} canWrite={canWrite} currency={currency} />
          </section>
          <AiAdoptionSection scope={`team:${team.id}`} scopeName={team.name} canImport={writableTeamIds === null || writableTeamIds.length > 0} />
        </>
      )}
    </div>
  );
}
