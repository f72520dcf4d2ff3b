"use client";

import { useState } from "react";
import { useFormat } from "@/components/format/format-context";
import type { ConnectorView } from "@/lib/connectors/api-types";
import { optionsSummary } from "@/lib/connectors/form-values";
import { useAdminConnectors, useConnectorMutation } from "@/lib/client/use-connectors";
import { ConfirmDialog, Dialog } from "@/components/ui/dialog";
import { DANGER_BUTTON, LoadState, PRIMARY_BUTTON, RequestError, SECONDARY_BUTTON, TextField } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import { ConnectorForm, type TeamOption } from "./connector-form";
import { ConnectorStatus } from "./connector-status";

const urlOf = (c: ConnectorView, tail = "") => `/api/v1/admin/connectors/${encodeURIComponent(c.id)}${tail}`;

/** "Sync now", optionally re-reading history from a day (otherwise from where the last sync stopped). */
function SyncDialog({ connector, onClose }: { connector: ConnectorView; onClose: () => void }) {
  const sync = useConnectorMutation();
  const [since, setSince] = useState("");
  return (
    <Dialog
      open
      onClose={onClose}
      title={`Sync “${connector.name}” now`}
      actions={
        <>
          <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className={PRIMARY_BUTTON}
            disabled={sync.isPending}
            onClick={() => sync.mutate({ method: "POST", url: urlOf(connector, "/sync"), body: since ? { since } : {} }, { onSuccess: onClose })}
          >
            Start sync
          </button>
        </>
      }
    >
      <p>The sync reads what changed since the last one. To read older history again (after changing the options, say), give a day.</p>
      <TextField label="Read history since (optional)" type="date" value={since} onChange={(e) => setSince(e.target.value)} />
      <RequestError error={sync.error} />
    </Dialog>
  );
}

function Actions({ connector: c, onEdit, onSync, onDelete }: { connector: ConnectorView; onEdit: () => void; onSync: () => void; onDelete: () => void }) {
  const toggle = useConnectorMutation();
  return (
    <div className="flex flex-wrap gap-2">
      <button type="button" className={SECONDARY_BUTTON} onClick={onSync} aria-label={`Sync ${c.name} now`}>
        Sync now
      </button>
      <button
        type="button"
        className={SECONDARY_BUTTON}
        disabled={toggle.isPending}
        aria-label={`${c.enabled ? "Pause" : "Resume"} ${c.name}`}
        onClick={() => toggle.mutate({ method: "PATCH", url: urlOf(c), body: { enabled: !c.enabled } })}
      >
        {c.enabled ? "Pause" : "Resume"}
      </button>
      <button type="button" className={SECONDARY_BUTTON} onClick={onEdit} aria-label={`Edit ${c.name}`}>
        Edit
      </button>
      <button type="button" className={DANGER_BUTTON} onClick={onDelete} aria-label={`Delete ${c.name}`}>
        Delete
      </button>
      <RequestError error={toggle.error} />
    </div>
  );
}

/** Admin → Connectors: the pull connectors with their sync state, and adding, editing, syncing, pausing and deleting them. */
export function ConnectorsAdmin({ teams }: { teams: readonly TeamOption[] }) {
  const f = useFormat();
  const list = useAdminConnectors();
  const remove = useConnectorMutation();
  const [form, setForm] = useState<{ editing: ConnectorView | null } | null>(null);
  const [syncing, setSyncing] = useState<ConnectorView | null>(null);
  const [deleting, setDeleting] = useState<ConnectorView | null>(null);
  const providers = list.data?.providers;
  const connectors = list.data?.connectors ?? [];

  return (
    <div className="space-y-6">
      {providers && !form && (
        <button type="button" className={PRIMARY_BUTTON} onClick={() => setForm({ editing: null })}>
          Add connector
        </button>
      )}
      {providers && form && (
        <ConnectorForm key={form.editing?.id ?? "new"} providers={providers} teams={teams} connector={form.editing ?? undefined} onDone={() => setForm(null)} />
      )}
      <LoadState isLoading={list.isLoading} error={list.error} what="connectors" />
      <RequestError error={remove.error} />
      {list.data && connectors.length === 0 && <p className="text-sm text-slate-600">No connectors yet. Add one to read events from GitHub, GitLab, Jira or PagerDuty on a schedule.</p>}
      {connectors.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full divide-y divide-slate-200 text-sm"
            caption="Connectors"
            headClassName="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            bodyClassName="divide-y divide-slate-100"
            thClassName="px-3 py-2"
            tdClassName="px-3 py-2 align-top"
            rows={connectors}
            rowKey={(c) => c.id}
            columns={[
              {
                key: "name",
                header: "Connector",
                cell: (c) => (
                  <>
                    <span className="block font-medium text-slate-900">{c.name}</span>
                    <span className="block text-xs text-slate-600">{c.providerLabel}</span>
                    <span className="block break-all font-mono text-xs text-slate-600">{c.apiUrl}</span>
                  </>
                ),
              },
              {
                key: "reads",
                header: "Reads",
                cell: (c) => (
                  <>
                    <span className="block">{providers ? optionsSummary(providers[c.provider], c.options) : ""}</span>
                    <span className="block text-xs text-slate-600">New services go to {c.defaultTeam ? c.defaultTeam.name : "no team"}.</span>
                  </>
                ),
              },
              {
                key: "schedule",
                header: "Schedule",
                className: "whitespace-nowrap",
                cell: (c) => (
                  <>
                    <span className="block">Every {c.intervalMinutes} min</span>
                    <span className="block text-xs text-slate-600">{c.enabled ? `Next ${f.dateTime(c.nextSyncAt)}` : "Paused"}</span>
                    <span className="block text-xs text-slate-600">First sync: last {c.backfillDays} days</span>
                  </>
                ),
              },
              { key: "status", header: "Last sync", cell: (c) => <ConnectorStatus connector={c} /> },
              {
                key: "actions",
                header: <span className="sr-only">Actions</span>,
                cell: (c) => <Actions connector={c} onEdit={() => setForm({ editing: c })} onSync={() => setSyncing(c)} onDelete={() => setDeleting(c)} />,
              },
            ]}
          />
        </div>
      )}
      {syncing && <SyncDialog connector={syncing} onClose={() => setSyncing(null)} />}
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete connector “${deleting?.name ?? ""}”?`}
        confirmLabel="Delete connector"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate({ method: "DELETE", url: urlOf(deleting) });
          setDeleting(null);
        }}
      >
        <p>Its schedule and stored token go. The events it already brought in stay, as if sent through the API.</p>
      </ConfirmDialog>
    </div>
  );
}
