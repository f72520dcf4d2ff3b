import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { EntryGrid } from "@/components/entry/entry-grid";
import { entryContext } from "@/lib/server/data/metric-values";
import { requirePageUser } from "@/lib/server/page-auth";
import { writableTeamIds } from "@/lib/server/permissions";
import { roleManagesTeams } from "@/lib/validation/admin";

export const metadata: Metadata = { title: "My teams" };

export default async function MyTeamsPage({ searchParams }: { searchParams: Promise<{ team?: string }> }) {
  await connection();
  const { team: teamParam } = await searchParams;
  const user = await requirePageUser("read", "/my-teams");
  const writable = writableTeamIds(user);
  if (writable !== null && writable.length === 0) {
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold text-slate-900">My teams</h1>
        <p className="text-slate-700">
          {roleManagesTeams(user.role) ? "You do not manage any team yet. An admin can assign you to your teams." : "Only managers and admins enter team data."}
        </p>
      </div>
    );
  }
  const ctx = await entryContext(writable, teamParam);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">My teams</h1>
      <nav aria-label="Teams" className="flex flex-wrap gap-2">
        {ctx.teams.map((t) => (
          <Link
            key={t.id}
            href={`/my-teams?team=${t.id}`}
            aria-current={t.id === ctx.team?.id ? "page" : undefined}
            className={`rounded-full border px-3 py-1 text-sm ${t.id === ctx.team?.id ? "border-blue-700 bg-blue-700 text-white" : "border-slate-300 text-slate-800 hover:bg-slate-100"}`}
          >
            {t.name}
          </Link>
        ))}
      </nav>
      {ctx.team ? (
        <EntryGrid
          key={ctx.team.id}
          team={ctx.team}
          metrics={ctx.metrics}
          weeks={ctx.weeks}
          months={ctx.months}
          currentWeek={ctx.currentWeek}
          loadFrom={ctx.loadFrom}
          orgNoteChangePct={ctx.orgNoteChangePct}
        />
      ) : (
        <p className="text-slate-700">There are no teams yet.</p>
      )}
    </div>
  );
}
