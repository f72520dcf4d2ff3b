"use client";

import { useRouter } from "next/navigation";
import { useActionMutations } from "@/lib/client/use-packs";
import type { PackAction } from "@/lib/review/pack-types";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/validation/leadership";

const STATUS_LABELS: Record<ActionStatus, string> = { open: "Open", "in-progress": "In progress", done: "Done", dropped: "Dropped" };

/** Action items with owners; leaders change the status in place (audited on the server). */
export function ActionList({ packId, actions, canEdit, label }: { packId: string; actions: PackAction[]; canEdit: boolean; label: string }) {
  const router = useRouter();
  const { update } = useActionMutations();
  if (actions.length === 0) return <p className="text-sm text-slate-600">No actions.</p>;
  return (
    <>
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{label}</caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">Action</th>
            <th scope="col" className="py-1 pr-3 font-medium">Owner</th>
            <th scope="col" className="py-1 pr-3 font-medium">Due</th>
            <th scope="col" className="py-1 font-medium">Status</th>
          </tr>
        </thead>
        <tbody>
          {actions.map((a) => (
            <tr key={a.id} className="border-t border-slate-100">
              <td className="py-1.5 pr-3 text-slate-900">{a.title}</td>
              <td className="py-1.5 pr-3 text-slate-700">{a.owner}</td>
              <td className="py-1.5 pr-3 tabular-nums text-slate-700">{a.dueDate ?? "—"}</td>
              <td className="py-1.5">
                {canEdit ? (
                  <select
                    aria-label={`Status of "${a.title}"`}
                    defaultValue={a.status}
                    disabled={update.isPending}
                    className="rounded border border-slate-300 bg-white px-2 py-1 text-sm print:border-0"
                    onChange={(e) => update.mutate({ packId, actionId: a.id, input: { status: e.target.value as ActionStatus } }, { onSuccess: () => router.refresh() })}
                  >
                    {ACTION_STATUSES.map((s) => (
                      <option key={s} value={s}>{STATUS_LABELS[s]}</option>
                    ))}
                  </select>
                ) : (
                  STATUS_LABELS[a.status]
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {update.isError && <p role="alert" className="mt-1 text-sm text-red-700">The status was not saved: {update.error.message}</p>}
    </>
  );
}
