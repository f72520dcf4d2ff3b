"use client";

import { useFormat } from "@/components/format/format-context";

import { useActionState, useState } from "react";
import { createSourceAction, deleteSourceAction, incidentLabelAction, type WebhookFormState } from "@/app/(app)/admin/webhooks/actions";
import { DANGER_BUTTON, PRIMARY_BUTTON, SecretOnce, SelectField, TextField } from "@/components/ui/form";
import { Table } from "@/components/ui/table";
import { ErrorAlert } from "@/components/ui/error-alert";

interface SourceRow {
  id: string;
  provider: string;
  name: string;
  defaultTeam: { id: string; name: string } | null;
  createdAt: string;
  lastDeliveryAt: string | null;
}

interface Props {
  sources: SourceRow[];
  teams: { id: string; name: string }[];
  incidentLabel: string;
}

const PROVIDER_HELP: Record<string, string> = {
  github: "Payload URL …/api/webhooks/github, content type application/json, this secret; events: Deployment statuses, Pull requests, Pull request reviews, Issues.",
  gitlab: "URL …/api/webhooks/gitlab, secret token = this secret; triggers: Deployment events, Merge request events, Issues events.",
};

/** Webhook sources (create with a secret shown once, delete) and the label that makes an issue an incident. */
export function WebhookAdmin({ sources, teams, incidentLabel }: Props) {
  const f = useFormat();
  const [created, create, creating] = useActionState<WebhookFormState, FormData>(createSourceAction, {});
  const [labelState, saveLabel, savingLabel] = useActionState<WebhookFormState, FormData>(incidentLabelAction, {});
  const [dismissed, setDismissed] = useState<string | null>(null);
  const secret = created.secret && created.secret.value !== dismissed ? created.secret : null;

  return (
    <div className="space-y-6">
      {secret && <SecretOnce label={`Secret of “${secret.name}”`} secret={secret.value} onDone={() => setDismissed(secret.value)} />}
      <form action={create} noValidate aria-labelledby="new-source" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-source" className="text-base font-semibold text-slate-900">
          New webhook source
        </h2>
        {created.message && <ErrorAlert>{created.message}</ErrorAlert>}
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Provider" name="provider" options={[{ value: "github", label: "GitHub" }, { value: "gitlab", label: "GitLab" }]} error={created.errors?.provider} />
          <TextField label="Name" name="name" error={created.errors?.name} hint="e.g. “GitHub — northwind org”." />
          <SelectField
            label="Default team for new services"
            name="defaultTeamId"
            options={[{ value: "", label: "None (leave unassigned)" }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
            error={created.errors?.defaultTeamId}
          />
        </div>
        <button type="submit" className={PRIMARY_BUTTON} disabled={creating}>
          {creating ? "Creating…" : "Create source"}
        </button>
      </form>

      <section aria-labelledby="sources-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sources-heading" className="text-base font-semibold text-slate-900">
          Sources
        </h2>
        <Table
          aria-label="Webhook sources"
          className="mt-3 w-full text-left text-sm"
          empty="No webhook sources yet."
          emptyClassName="mt-2 text-sm text-slate-600"
          headClassName="text-xs uppercase text-slate-600"
          thClassName="py-1 pr-3"
          rowClassName="border-t border-slate-100 align-top"
          rows={sources}
          rowKey={(s) => s.id}
          columns={[
            { key: "name", header: "Name", className: "py-2 pr-3 font-medium text-slate-900", cell: (s) => s.name },
            {
              key: "provider",
              header: "Provider",
              className: "py-2 pr-3",
              cell: (s) => (
                <>
                  {s.provider === "github" ? "GitHub" : "GitLab"}
                  <p className="text-xs text-slate-600">{PROVIDER_HELP[s.provider]}</p>
                </>
              ),
            },
            { key: "team", header: "Default team", className: "py-2 pr-3", cell: (s) => s.defaultTeam?.name ?? "—" },
            { key: "last", header: "Last delivery", className: "py-2 pr-3", cell: (s) => (s.lastDeliveryAt ? f.dateTime(s.lastDeliveryAt) : "Never") },
            {
              key: "actions",
              header: <span className="sr-only">Actions</span>,
              headerClassName: "py-1",
              className: "py-2",
              cell: (s) => (
                <form action={deleteSourceAction}>
                  <input type="hidden" name="id" value={s.id} />
                  <button type="submit" className={DANGER_BUTTON} aria-label={`Delete source ${s.name}`}>
                    Delete
                  </button>
                </form>
              ),
            },
          ]}
        />
      </section>

      <form action={saveLabel} noValidate aria-labelledby="label-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="label-heading" className="text-base font-semibold text-slate-900">
          Incident label
        </h2>
        <TextField
          label="Issues with this label are incidents"
          name="incidentLabel"
          defaultValue={incidentLabel}
          error={labelState.errors?.incidentLabel}
          hint="Compared case-insensitively. A severity label such as sev1 or P2 on the same issue is kept as its severity."
        />
        {labelState.message && <p role="status" className="text-sm text-slate-700">{labelState.message}</p>}
        <button type="submit" className={PRIMARY_BUTTON} disabled={savingLabel}>
          {savingLabel ? "Saving…" : "Save label"}
        </button>
      </form>
    </div>
  );
}
