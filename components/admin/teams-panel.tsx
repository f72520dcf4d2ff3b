"use client";

import { useState } from "react";
import type { AdminGroupRow, AdminTeamRow } from "@/lib/admin/api-types";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON } from "@/components/ui/form";
import { TeamForm } from "./team-form";
import { Table } from "@/components/ui/table";

const lower = (s: string) => s.toLowerCase();

/** Teams with their group, location, sourcing and origin; archive a team with data, delete one without. */
export function TeamsPanel({ teams, groups }: { teams: AdminTeamRow[]; groups: AdminGroupRow[] }) {
  const [editing, setEditing] = useState<string | "new" | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const action = useAdminMutation([queryKeys.admin.org()]);
  const groupName = new Map(groups.map((g) => [g.id, g.name]));
  const visible = teams.filter((t) => showArchived || !t.archivedAt);
  const editingTeam = teams.find((t) => t.id === editing) ?? null;

  return (
    <section aria-labelledby="teams-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="teams-heading" className="text-base font-semibold text-slate-900">
          Teams
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
        </label>
        {editing === null && (
          <button type="button" className={`${PRIMARY_BUTTON} ml-auto`} disabled={groups.length === 0} onClick={() => setEditing("new")}>
            New team
          </button>
        )}
      </div>
      {groups.length === 0 && <p className="text-sm text-slate-600">Create a group first; every team belongs to one.</p>}
      {editing !== null && <TeamForm key={editing} team={editingTeam} groups={groups} onClose={() => setEditing(null)} />}
      <RequestError error={action.error} />
      {visible.length === 0 ? (
        <p className="text-sm text-slate-600">No teams yet.</p>
      ) : (
        <div className="overflow-x-auto">
          <Table
            className="min-w-full divide-y divide-slate-200 text-sm"
            caption="Teams"
            headClassName="text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            bodyClassName="divide-y divide-slate-100"
            rowClassName={(t) => (t.archivedAt ? "text-slate-500" : "")}
            rows={visible}
            rowKey={(t) => t.id}
            columns={[
              {
                key: "team",
                header: "Team",
                headerClassName: "py-2 pr-3",
                className: "py-2 pr-3",
                cell: (t) => (
                  <>
                    <span className="font-medium text-slate-900">{t.name}</span> <span className="text-xs text-slate-500">{t.slug}</span>
                    {t.archivedAt && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs">archived</span>}
                  </>
                ),
              },
              { key: "group", header: "Group", headerClassName: "py-2 pr-3", className: "py-2 pr-3", cell: (t) => groupName.get(t.groupId) ?? "—" },
              { key: "location", header: "Location", headerClassName: "py-2 pr-3", className: "py-2 pr-3", cell: (t) => t.location },
              { key: "sourcing", header: "Sourcing", headerClassName: "py-2 pr-3", className: "py-2 pr-3", cell: (t) => lower(t.sourcing) },
              {
                key: "origin",
                header: "Origin",
                headerClassName: "py-2 pr-3",
                className: "py-2 pr-3",
                cell: (t) => (t.origin === "ACQUIRED" ? `acquired (${t.acquisitionName}, ${t.acquisitionDate})` : "organic"),
              },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                headerClassName: "py-2",
                className: "space-x-3 whitespace-nowrap py-2 text-right",
                cell: (t) => (
                  <>
                    <button type="button" className="font-medium text-blue-700 hover:underline" onClick={() => setEditing(t.id)} aria-label={`Edit team ${t.name}`}>
                      Edit
                    </button>
                    <button
                      type="button"
                      className="font-medium text-slate-700 hover:underline"
                      disabled={action.isPending}
                      onClick={() => action.mutate({ method: "PATCH", url: `/api/v1/admin/teams/${t.id}`, body: { archived: !t.archivedAt } })}
                      aria-label={`${t.archivedAt ? "Restore" : "Archive"} team ${t.name}`}
                    >
                      {t.archivedAt ? "Restore" : "Archive"}
                    </button>
                    {!t.hasData && (
                      <button
                        type="button"
                        className="font-medium text-red-700 hover:underline"
                        disabled={action.isPending}
                        onClick={() => action.mutate({ method: "DELETE", url: `/api/v1/admin/teams/${t.id}` })}
                        aria-label={`Delete team ${t.name}`}
                      >
                        Delete
                      </button>
                    )}
                  </>
                ),
              },
            ]}
          />
        </div>
      )}
      <p className="text-xs text-slate-600">Teams with data (values, services, people, events) can only be archived, so their history stays in every trend.</p>
    </section>
  );
}
