"use client";

import { useState, type FormEvent } from "react";
import type { ConnectorView } from "@/lib/connectors/api-types";
import { messagesByPath, optionInputName, optionsFromForm, optionText } from "@/lib/connectors/form-values";
import { PROVIDERS, type ConnectorField, type ProviderInfo, type ProviderName } from "@/lib/connectors/providers";
import { ApiError } from "@/lib/client/api";
import { useConnectorMutation } from "@/lib/client/use-connectors";
import { connectorCreateInput, connectorUpdateInput, parseProviderOptions } from "@/lib/validation/connectors";
import { Field } from "@/components/ui/field";
import { INPUT_CLASS, PRIMARY_BUTTON, RequestError, SECONDARY_BUTTON, SelectField, TextField } from "@/components/ui/form";

export interface TeamOption {
  id: string;
  name: string;
}

/** One provider field: a text input, a textarea for a list or mapping, or a checkbox. */
function ProviderField({ field, value, error }: { field: ConnectorField; value: unknown; error?: string }) {
  const name = optionInputName(field);
  const label = field.required ? `${field.label} (required)` : field.label;
  if (field.kind === "boolean") {
    return (
      <div className="sm:col-span-2">
        <label className="flex items-center gap-2 text-sm font-medium text-slate-800">
          <input type="checkbox" name={name} defaultChecked={value === true} aria-describedby={`${name}-hint`} /> {field.label}
        </label>
        <p id={`${name}-hint`} className="mt-1 text-xs text-slate-600">
          {field.help}
        </p>
      </div>
    );
  }
  if (field.kind === "text") {
    return <TextField label={label} name={name} defaultValue={optionText(field, value)} placeholder={field.example} hint={field.help} error={error} />;
  }
  const how = field.kind === "list" ? "One per line, or separated by commas." : "One `from=to` pair per line.";
  return (
    <Field label={label} hint={`${field.help} ${how}`} error={error} labelClassName="block text-sm font-medium text-slate-800">
      {(control) => <textarea {...control} name={name} rows={3} defaultValue={optionText(field, value)} placeholder={field.example} className={INPUT_CLASS} />}
    </Field>
  );
}

/**
 * Adding a connector (provider first, then its own fields) or editing one (its provider fixed; an empty token
 * keeps the stored one). Checked in the browser with the API's own schemas, so the messages beside the fields are
 * the ones the server would give; what only the server knows (a taken name) comes back the same way.
 */
export function ConnectorForm({ providers, teams, connector, onDone }: {
  providers: Record<ProviderName, ProviderInfo>;
  teams: readonly TeamOption[];
  /** The connector being edited; none to add one. */
  connector?: ConnectorView;
  onDone: () => void;
}) {
  const [provider, setProvider] = useState<ProviderName>(connector?.provider ?? "github");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useConnectorMutation<{ id: string }>();
  const info = providers[provider];
  const headingId = connector ? `edit-connector-${connector.id}` : "add-connector-heading";

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const options = optionsFromForm(info.fields, form);
    const common = {
      name: text("name"),
      apiUrl: text("apiUrl") || undefined,
      token: text("token"),
      defaultTeamId: text("defaultTeamId") || null,
      backfillDays: text("backfillDays") || undefined,
      intervalMinutes: text("intervalMinutes") || undefined,
      options,
    };
    const parsed = connector ? connectorUpdateInput.safeParse(common) : connectorCreateInput.safeParse({ provider, ...common });
    const checked = parseProviderOptions(provider, options);
    const issues = [...(parsed.success ? [] : parsed.error.issues), ...(checked.ok ? [] : checked.issues)];
    if (!parsed.success || issues.length > 0) return setErrors(messagesByPath(issues));
    setErrors({});
    save.mutate(
      connector ? { method: "PATCH", url: `/api/v1/admin/connectors/${encodeURIComponent(connector.id)}`, body: parsed.data } : { method: "POST", url: "/api/v1/admin/connectors", body: parsed.data },
      {
        onSuccess: onDone,
        onError: (error) => setErrors(error instanceof ApiError ? messagesByPath(error.issues) : {}),
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby={headingId} className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id={headingId} className="text-base font-semibold text-slate-900">
        {connector ? `Edit connector “${connector.name}”` : "Add connector"}
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        {connector ? (
          <p className="text-sm text-slate-700">
            <span className="block font-medium text-slate-800">Provider</span>
            {info.label}
          </p>
        ) : (
          <SelectField
            label="Provider"
            name="provider"
            value={provider}
            onChange={(e) => {
              setProvider(e.target.value as ProviderName);
              setErrors({});
            }}
            options={PROVIDERS.map((p) => ({ value: p, label: providers[p].label }))}
          />
        )}
        <TextField label="Name" name="name" defaultValue={connector?.name} error={errors.name} hint="How the connector is listed and how the CLI names it, e.g. “Acme GitHub”." />
      </div>
      {/* A new provider's fields start empty: its key resets them. */}
      <fieldset key={provider} className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{info.label} settings</legend>
        {info.fields.map((field) => (
          <ProviderField key={field.key} field={field} value={connector?.options[field.key]} error={errors[optionInputName(field)]} />
        ))}
        <TextField
          label="API URL"
          name="apiUrl"
          type="url"
          defaultValue={connector?.apiUrl}
          placeholder={info.defaultApiUrl}
          hint={connector ? "Leave as it is unless the provider moved." : `Leave empty for ${info.defaultApiUrl}.`}
          error={errors.apiUrl}
        />
        <TextField
          label="Token"
          name="token"
          type="password"
          autoComplete="off"
          hint={connector ? `Leave empty to keep the stored token. ${info.tokenHelp}` : `${info.tokenHelp} Stored encrypted; never shown again.`}
          error={errors.token}
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField
          label="Default team"
          name="defaultTeamId"
          defaultValue={connector?.defaultTeam?.id ?? ""}
          hint="Services first seen through this connector go to this team."
          error={errors.defaultTeamId}
          options={[{ value: "", label: "None (map services under Groups, teams and services)" }, ...teams.map((t) => ({ value: t.id, label: t.name }))]}
        />
        <TextField label="Backfill days" name="backfillDays" type="number" min={1} max={3650} defaultValue={connector?.backfillDays ?? 180} hint="How far back the first sync reads." error={errors.backfillDays} />
        <TextField label="Sync every (minutes)" name="intervalMinutes" type="number" min={5} max={10080} defaultValue={connector?.intervalMinutes ?? 60} hint="Later syncs read only what changed since the last one." error={errors.intervalMinutes} />
      </div>
      <RequestError error={save.error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
          {save.isPending ? "Saving…" : connector ? "Save connector" : "Add connector"}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
