"use client";

import { useRouter } from "next/navigation";
import { useActionMutations } from "@/lib/client/use-packs";
import type { PackAction } from "@/lib/review/pack-types";
import { ACTION_STATUSES, type ActionStatus } from "@/lib/validation/leadership";
import { Table } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

const STATUS_LABELS: Record<ActionStatus, string> = { open: "Open", "in-progress": "In progress", done: "Done", dropped: "Dropped" };

/** Action items with owners; leaders change the status in place (audited on the server). */
export function ActionList({ packId, actions, canEdit, label }: { packId: string; actions: PackAction[]; canEdit: boolean; label: string }) {
  const router = useRouter();
  const { update } = useActionMutations();
  if (actions.length === 0) return <p className="text-sm text-slate-600">No actions.</p>;
  return (
    <>
      <Table
        className="w-full text-left text-sm"
        caption={label}
        headClassName="text-xs text-slate-600"
        rowClassName="border-t border-slate-100"
        rows={actions}
        rowKey={(a) => a.id}
        columns={[
          { key: "action", header: "Action", headerClassName: "py-1 pr-3 font-medium", className: "py-1.5 pr-3 text-slate-900", cell: (a) => a.title },
          { key: "owner", header: "Owner", headerClassName: "py-1 pr-3 font-medium", className: "py-1.5 pr-3 text-slate-700", cell: (a) => a.owner },
          { key: "due", header: "Due", headerClassName: "py-1 pr-3 font-medium", className: "py-1.5 pr-3 tabular-nums text-slate-700", cell: (a) => a.dueDate ?? "—" },
          {
            key: "status",
            header: "Status",
            headerClassName: "py-1 font-medium",
            className: "py-1.5",
            cell: (a) =>
              canEdit ? (
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
              ),
          },
        ]}
      />
      {update.isError && <ErrorAlert className="mt-1 text-sm text-red-700">The status was not saved: {update.error.message}</ErrorAlert>}
    </>
  );
}
