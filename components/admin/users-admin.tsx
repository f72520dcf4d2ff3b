"use client";

import { useFormat } from "@/components/format/format-context";

import { useState } from "react";
import { useAdminOrg, useAdminUsers } from "@/lib/client/use-admin";
import { LoadState, PRIMARY_BUTTON } from "@/components/ui/form";
import { roleManagesTeams } from "@/lib/validation/admin";
import { UserCreateForm } from "./user-create-form";
import { UserEditPanel } from "./user-edit-panel";
import { Table } from "@/components/ui/table";

const ROLE_NAMES = { ADMIN: "Admin", LEADER: "Leader", MANAGER: "Manager", VIEWER: "Viewer" } as const;

/** The user list with create and edit. */
export function UsersAdmin({ currentUserId }: { currentUserId: string }) {
  const f = useFormat();
  const users = useAdminUsers();
  const org = useAdminOrg();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const teams = (org.data?.teams ?? []).filter((t) => !t.archivedAt).map((t) => ({ id: t.id, name: t.name }));
  const editingUser = users.data?.find((u) => u.id === editing);

  return (
    <div className="space-y-4">
      {!creating && (
        <button type="button" className={PRIMARY_BUTTON} onClick={() => setCreating(true)}>
          New user
        </button>
      )}
      {creating && <UserCreateForm teams={teams} onClose={() => setCreating(false)} />}
      {editingUser && <UserEditPanel key={editingUser.id} user={editingUser} teams={teams} isSelf={editingUser.id === currentUserId} onClose={() => setEditing(null)} />}
      <LoadState isLoading={users.isLoading} error={users.error} what="users" />
      {users.data && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full divide-y divide-slate-200 text-sm"
            caption="Users"
            headClassName="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            bodyClassName="divide-y divide-slate-100"
            thClassName="px-3 py-2"
            tdClassName="px-3 py-2"
            rowClassName={(u) => (u.active ? "" : "text-slate-500")}
            rows={users.data}
            rowKey={(u) => u.id}
            columns={[
              {
                key: "name",
                header: "Name",
                className: "font-medium text-slate-900",
                cell: (u) => (
                  <>
                    {u.name}
                    {u.id === currentUserId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
                  </>
                ),
              },
              { key: "email", header: "Email", cell: (u) => u.email },
              { key: "role", header: "Role", cell: (u) => ROLE_NAMES[u.role] },
              { key: "status", header: "Status", cell: (u) => (u.active ? "Active" : "Deactivated") },
              { key: "manages", header: "Manages", cell: (u) => (roleManagesTeams(u.role) ? u.managedTeams.map((t) => t.name).join(", ") || "No teams" : "—") },
              { key: "signin", header: "Last sign-in", className: "whitespace-nowrap", cell: (u) => (u.lastSignInAt ? f.dateTime(u.lastSignInAt) : "Never") },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                className: "text-right",
                cell: (u) => (
                  <button type="button" className="font-medium text-blue-700 hover:underline" onClick={() => setEditing(u.id)} aria-label={`Edit ${u.email}`}>
                    Edit
                  </button>
                ),
              },
            ]}
          />
        </div>
      )}
    </div>
  );
}
