"use client";

import { useState, type FormEvent } from "react";
import type { AdminGroupRow, AdminTeamRow } from "@/lib/admin/api-types";
import { ORIGINS, slugify, SOURCINGS, teamCreateInput } from "@/lib/validation/admin";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON, SECONDARY_BUTTON, SelectField, TextField } from "@/components/ui/form";

type Errors = Partial<Record<string, string>>;
const label = (s: string) => s.charAt(0) + s.slice(1).toLowerCase();

/** Create or edit a team. Acquired teams need the acquisition's name and date. */
export function TeamForm({ team, groups, onClose }: { team: AdminTeamRow | null; groups: AdminGroupRow[]; onClose: () => void }) {
  const [name, setName] = useState(team?.name ?? "");
  const [slug, setSlug] = useState(team?.slug ?? "");
  const [slugTouched, setSlugTouched] = useState(!!team);
  const [origin, setOrigin] = useState<string>(team?.origin ?? "ORGANIC");
  const [errors, setErrors] = useState<Errors>({});
  const save = useAdminMutation([queryKeys.admin.org(), queryKeys.admin.settings()]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (key: string) => String(form.get(key) ?? "").trim();
    const parsed = teamCreateInput.safeParse({
      name,
      slug,
      groupId: text("groupId"),
      location: text("location"),
      sourcing: text("sourcing"),
      origin,
      acquisitionName: origin === "ACQUIRED" ? text("acquisitionName") || null : null,
      acquisitionDate: origin === "ACQUIRED" ? text("acquisitionDate") || null : null,
      timeZone: text("timeZone") || null,
    });
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[String(issue.path[0])] ??= issue.message;
      return setErrors(next);
    }
    setErrors({});
    save.mutate(team ? { method: "PATCH", url: `/api/v1/admin/teams/${team.id}`, body: parsed.data } : { method: "POST", url: "/api/v1/admin/teams", body: parsed.data }, {
      onSuccess: onClose,
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-label={team ? `Edit team ${team.name}` : "New team"} className="space-y-4 rounded-lg border border-blue-200 bg-white p-4">
      <h3 className="text-sm font-semibold text-slate-900">{team ? `Edit ${team.name}` : "New team"}</h3>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          label="Name"
          value={name}
          error={errors.name}
          onChange={(e) => {
            setName(e.target.value);
            if (!slugTouched) setSlug(slugify(e.target.value));
          }}
        />
        <TextField
          label="Slug"
          value={slug}
          error={errors.slug}
          hint="Used in URLs, imports and the API (team=…)."
          onChange={(e) => {
            setSlugTouched(true);
            setSlug(e.target.value);
          }}
        />
        <SelectField
          label="Group"
          name="groupId"
          defaultValue={team?.groupId ?? groups[0]?.id}
          options={groups.map((g) => ({ value: g.id, label: g.name }))}
          error={errors.groupId}
          hint={team ? "Moving a team recomputes the group dashboards." : undefined}
        />
        <TextField label="Location" name="location" defaultValue={team?.location ?? ""} error={errors.location} hint="City or country, e.g. Berlin." />
        <SelectField label="Sourcing" name="sourcing" defaultValue={team?.sourcing ?? "ONSHORE"} options={SOURCINGS.map((s) => ({ value: s, label: label(s) }))} />
        <TextField label="Time zone (optional)" name="timeZone" defaultValue={team?.timeZone ?? ""} list="admin-team-time-zones" error={errors.timeZone} />
        <datalist id="admin-team-time-zones">
          {["UTC", ...Intl.supportedValuesOf("timeZone")].map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <SelectField label="Origin" value={origin} onChange={(e) => setOrigin(e.target.value)} options={ORIGINS.map((o) => ({ value: o, label: label(o) }))} />
        {origin === "ACQUIRED" && (
          <>
            <TextField label="Acquisition name" name="acquisitionName" defaultValue={team?.acquisitionName ?? ""} error={errors.acquisitionName} />
            <TextField label="Acquisition date" name="acquisitionDate" type="date" defaultValue={team?.acquisitionDate ?? ""} error={errors.acquisitionDate} />
          </>
        )}
      </div>
      <RequestError error={save.error} />
      <div className="flex gap-2">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
          {team ? "Save team" : "Create team"}
        </button>
        <button type="button" className={SECONDARY_BUTTON} onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
