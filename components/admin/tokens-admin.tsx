"use client";

import { useFormat } from "@/components/format/format-context";
import { orEmpty } from "@/lib/format";

import { useState, type FormEvent } from "react";
import type { ApiTokenRow } from "@/lib/admin/api-types";
import { TOKEN_SCOPE_VALUES, tokenCreateInput } from "@/lib/validation/admin";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation, useAdminTokens } from "@/lib/client/use-admin";
import { RequestError, LoadState, PRIMARY_BUTTON, SecretOnce, TextField } from "@/components/ui/form";
import { Table } from "@/components/ui/table";

const SCOPE_HELP: Record<(typeof TOKEN_SCOPE_VALUES)[number], string> = {
  ingest: "ingest — send deployments, pull requests, incidents and work items",
  read: "read — read metrics and dashboards through the API",
};

/** API tokens: create (secret shown once), list, revoke. */
export function TokensAdmin() {
  const f = useFormat();
  const tokens = useAdminTokens();
  const [secret, setSecret] = useState<{ name: string; token: string } | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const create = useAdminMutation<{ token: string; row: ApiTokenRow }>([queryKeys.admin.tokens()]);
  const revoke = useAdminMutation([queryKeys.admin.tokens()]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const parsed = tokenCreateInput.safeParse({
      name: form.get("name"),
      scopes: form.getAll("scopes"),
      expiresOn: String(form.get("expiresOn") ?? "") || null,
    });
    if (!parsed.success) {
      const next: Record<string, string> = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      return setErrors(next);
    }
    setErrors({});
    create.mutate(
      { method: "POST", url: "/api/v1/admin/tokens", body: parsed.data },
      {
        onSuccess: (result) => {
          setSecret({ name: result.row.name, token: result.token });
          formEl.reset();
        },
      },
    );
  };

  return (
    <div className="space-y-6">
      {secret && <SecretOnce label={`Token "${secret.name}"`} secret={secret.token} onDone={() => setSecret(null)} />}
      <form onSubmit={submit} noValidate aria-labelledby="new-token-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="new-token-heading" className="text-base font-semibold text-slate-900">
          New API token
        </h2>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Token name" name="name" error={errors.name} hint="Where it is used, e.g. “GitHub Actions — checkout”." />
          <TextField label="Expires on (optional)" name="expiresOn" type="date" error={errors.expiresOn} hint="Valid through the end of that day (UTC). Leave empty for no expiry." />
        </div>
        <fieldset>
          <legend className="text-sm font-medium text-slate-800">Scopes</legend>
          {TOKEN_SCOPE_VALUES.map((scope) => (
            <label key={scope} className="mt-1 flex items-center gap-2 text-sm text-slate-700">
              <input type="checkbox" name="scopes" value={scope} defaultChecked={scope === "ingest"} /> {SCOPE_HELP[scope]}
            </label>
          ))}
          {errors.scopes && (
            <p role="alert" className="mt-1 text-xs font-medium text-red-700">
              {errors.scopes}
            </p>
          )}
        </fieldset>
        <RequestError error={create.error} />
        <button type="submit" className={PRIMARY_BUTTON} disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create token"}
        </button>
        <p className="text-xs text-slate-600">
          Send it as <code className="rounded bg-slate-100 px-1">Authorization: Bearer &lt;token&gt;</code>. Only a hash is stored; a lost token cannot be
          recovered, only revoked and replaced.
        </p>
      </form>
      <LoadState isLoading={tokens.isLoading} error={tokens.error} what="tokens" />
      <RequestError error={revoke.error} />
      {tokens.data && tokens.data.length === 0 && <p className="text-sm text-slate-600">No API tokens yet.</p>}
      {tokens.data && tokens.data.length > 0 && (
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <Table
            className="min-w-full divide-y divide-slate-200 text-sm"
            caption="API tokens"
            headClassName="bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600"
            bodyClassName="divide-y divide-slate-100"
            thClassName="px-3 py-2"
            tdClassName="px-3 py-2"
            rowClassName={(t) => (t.revokedAt ? "text-slate-500" : "")}
            rows={tokens.data}
            rowKey={(t) => t.id}
            columns={[
              { key: "name", header: "Name", className: "font-medium", cell: (t) => t.name },
              { key: "prefix", header: "Prefix", className: "font-mono", cell: (t) => `${t.prefix}…` },
              { key: "scopes", header: "Scopes", cell: (t) => t.scopes.join(", ") },
              {
                key: "created",
                header: "Created",
                className: "whitespace-nowrap",
                cell: (t) => (
                  <>
                    {orEmpty(t.createdAt, f.date)}
                    {t.createdBy && <span className="block text-xs text-slate-500">{t.createdBy}</span>}
                  </>
                ),
              },
              { key: "expires", header: "Expires", className: "whitespace-nowrap", cell: (t) => (t.expiresAt ? f.date(t.expiresAt) : "Never") },
              { key: "used", header: "Last used", className: "whitespace-nowrap", cell: (t) => (t.lastUsedAt ? f.dateTime(t.lastUsedAt) : "Never") },
              {
                key: "status",
                header: "Status",
                className: "whitespace-nowrap",
                cell: (t) =>
                  t.revokedAt ? (
                    `Revoked ${orEmpty(t.revokedAt, f.date)}`
                  ) : (
                    <button
                      type="button"
                      className="font-medium text-red-700 hover:underline"
                      disabled={revoke.isPending}
                      aria-label={`Revoke token ${t.name}`}
                      onClick={() => {
                        if (window.confirm(`Revoke "${t.name}"? Requests using it will be refused at once.`)) {
                          revoke.mutate({ method: "DELETE", url: `/api/v1/admin/tokens/${t.id}` });
                        }
                      }}
                    >
                      Revoke
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
