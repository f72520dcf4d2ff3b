"use client";

import { useState, type FormEvent } from "react";
import { formatQuantity } from "@/lib/format";
import type { AdminGroupRow } from "@/lib/admin/api-types";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON, SECONDARY_BUTTON, SelectField, TextField } from "@/components/ui/form";

interface TreeRow {
  group: AdminGroupRow;
  depth: number;
}

/** Depth-first order of the group tree, for an indented list. */
function flatten(groups: AdminGroupRow[]): TreeRow[] {
  const byParent = new Map<string | null, AdminGroupRow[]>();
  for (const g of groups) byParent.set(g.parentId, [...(byParent.get(g.parentId) ?? []), g]);
  const rows: TreeRow[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const g of byParent.get(parentId) ?? []) {
      rows.push({ group: g, depth });
      visit(g.id, depth + 1);
    }
  };
  visit(null, 0);
  return rows;
}

/** The group (department) tree: create, rename, move under another group, delete when empty. */
export function GroupsPanel({ groups }: { groups: AdminGroupRow[] }) {
  const rows = flatten(groups);
  const [editing, setEditing] = useState<string | null>(null);
  const create = useAdminMutation([queryKeys.admin.org()]);
  const parentOptions = [{ value: "", label: "— Top level —" }, ...rows.map((r) => ({ value: r.group.id, label: `${"  ".repeat(r.depth)}${r.group.name}` }))];

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    create.mutate(
      { method: "POST", url: "/api/v1/admin/groups", body: { name: String(form.get("name") ?? ""), parentId: String(form.get("parentId") ?? "") || null } },
      { onSuccess: () => formEl.reset() },
    );
  };

  return (
    <section aria-labelledby="groups-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="groups-heading" className="text-base font-semibold text-slate-900">
        Groups
      </h2>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-600">No groups yet. Every team belongs to a group; create one first.</p>
      ) : (
        <ul className="divide-y divide-slate-100 text-sm">
          {rows.map(({ group, depth }) => (
            <li key={group.id} className="py-2" style={{ paddingLeft: `${depth * 1.25}rem` }}>
              {editing === group.id ? (
                <GroupEditor group={group} parentOptions={parentOptions.filter((o) => o.value !== group.id)} onClose={() => setEditing(null)} />
              ) : (
                <div className="flex flex-wrap items-center gap-3">
                  <span className="font-medium text-slate-900">{group.name}</span>
                  <span className="text-xs text-slate-600">
                    {formatQuantity(group.teamCount, "team")}, {formatQuantity(group.childCount, "sub-group")}
                  </span>
                  <button type="button" className="text-sm font-medium text-blue-700 hover:underline" onClick={() => setEditing(group.id)} aria-label={`Edit group ${group.name}`}>
                    Edit
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3" aria-label="New group">
        <TextField label="New group name" name="name" required className="w-56" />
        <SelectField label="Parent" name="parentId" options={parentOptions} className="w-56" />
        <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
          Add group
        </button>
      </form>
      <RequestError error={create.error} />
    </section>
  );
}

function GroupEditor({ group, parentOptions, onClose }: { group: AdminGroupRow; parentOptions: { value: string; label: string }[]; onClose: () => void }) {
  const [name, setName] = useState(group.name);
  const [parentId, setParentId] = useState(group.parentId ?? "");
  const save = useAdminMutation([queryKeys.admin.org()]);
  const remove = useAdminMutation([queryKeys.admin.org()]);
  const empty = group.teamCount === 0 && group.childCount === 0;
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      aria-label={`Edit group ${group.name}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ method: "PATCH", url: `/api/v1/admin/groups/${group.id}`, body: { name, parentId: parentId || null } }, { onSuccess: onClose });
      }}
    >
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} className="w-56" />
      <SelectField label="Parent" value={parentId} onChange={(e) => setParentId(e.target.value)} options={parentOptions} className="w-56" hint="Moving a group recomputes every group dashboard." />
      <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
        Save
      </button>
      <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
        Cancel
      </button>
      <button
        type="button"
        className="rounded-md px-2 py-1.5 text-sm font-medium text-red-700 hover:underline disabled:text-slate-400 disabled:no-underline"
        disabled={!empty || remove.isPending}
        title={empty ? undefined : "Only an empty group (no teams, no sub-groups) can be deleted."}
        onClick={() => remove.mutate({ method: "DELETE", url: `/api/v1/admin/groups/${group.id}` })}
      >
        Delete
      </button>
      <div className="basis-full space-y-2">
        <RequestError error={save.error} />
        <RequestError error={remove.error} />
      </div>
    </form>
  );
}
