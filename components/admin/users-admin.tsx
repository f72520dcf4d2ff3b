"use client";

import { useFormat } from "@/components/format/format-context";

import { useState } from "react";
import { useAdminOrg, useAdminUsers } from "@/lib/client/use-admin";
import { LoadState, PRIMARY_BUTTON } from "@/components/ui/form";
import { roleManagesTeams } from "@/lib/validation/admin";
import { UserCreateForm } from "./user-create-form";
import { UserEditPanel } from "./user-edit-panel";

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
          <table className="min-w-full divide-y divide-slate-200 text-sm">
            <caption className="sr-only">Users</caption>
            <thead className="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-3 py-2">Name</th>
                <th scope="col" className="px-3 py-2">Email</th>
                <th scope="col" className="px-3 py-2">Role</th>
                <th scope="col" className="px-3 py-2">Status</th>
                <th scope="col" className="px-3 py-2">Manages</th>
                <th scope="col" className="px-3 py-2">Last sign-in</th>
                <th scope="col" className="px-3 py-2"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {users.data.map((u) => (
                <tr key={u.id} className={u.active ? "" : "text-slate-500"}>
                  <td className="px-3 py-2 font-medium text-slate-900">
                    {u.name}
                    {u.id === currentUserId && <span className="ml-1 text-xs text-slate-500">(you)</span>}
                  </td>
                  <td className="px-3 py-2">{u.email}</td>
                  <td className="px-3 py-2">{ROLE_NAMES[u.role]}</td>
                  <td className="px-3 py-2">{u.active ? "Active" : "Deactivated"}</td>
                  <td className="px-3 py-2">{roleManagesTeams(u.role) ? u.managedTeams.map((t) => t.name).join(", ") || "No teams" : "—"}</td>
                  <td className="px-3 py-2 whitespace-nowrap">{(u.lastSignInAt ? f.dateTime(u.lastSignInAt) : "Never")}</td>
                  <td className="px-3 py-2 text-right">
                    <button type="button" className="font-medium text-blue-700 hover:underline" onClick={() => setEditing(u.id)} aria-label={`Edit ${u.email}`}>
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
