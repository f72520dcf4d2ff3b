"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { SettingsInput } from "@/lib/validation/admin";
import { ANONYMITY_MAX, ANONYMITY_MIN, settingsInput } from "@/lib/validation/admin";
import { queryKeys } from "@/lib/client/query-keys";
import { useAdminMutation } from "@/lib/client/use-admin";
import { RequestError, PRIMARY_BUTTON, SelectField, TextField } from "@/components/ui/form";

type Errors = Partial<Record<keyof SettingsInput, string>>;

const TIME_ZONES = ["UTC", ...Intl.supportedValuesOf("timeZone")];
const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"].map((label, i) => ({ value: String(i + 1), label }));
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), label: `${String(h).padStart(2, "0")}:00` }));

/** Organisation name, time zone, anonymity threshold, note-change threshold, currency, incident label. */
export function SettingsForm({ settings }: { settings: SettingsInput }) {
  const [errors, setErrors] = useState<Errors>({});
  const [saved, setSaved] = useState(false);
  const save = useAdminMutation([queryKeys.admin.settings()]);
  const router = useRouter();

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = settingsInput.safeParse({
      name: form.get("name"),
      timeZone: form.get("timeZone"),
      anonymityThreshold: Number(form.get("anonymityThreshold")),
      noteChangePct: Number(form.get("noteChangePct")),
      currency: form.get("currency"),
      incidentLabel: form.get("incidentLabel"),
      digestWeekday: Number(form.get("digestWeekday")),
      digestHour: Number(form.get("digestHour")),
    });
    setSaved(false);
    if (!parsed.success) {
      const next: Errors = {};
      for (const issue of parsed.error.issues) next[issue.path[0] as keyof Errors] ??= issue.message;
      return setErrors(next);
    }
    setErrors({});
    save.mutate({ method: "PUT", url: "/api/v1/admin/settings", body: parsed.data }, {
      onSuccess: () => {
        setSaved(true);
        // The shell holds the currency and time zone every page formats with: render it again.
        router.refresh();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate aria-labelledby="settings-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="settings-heading" className="text-base font-semibold text-slate-900">
        Organisation
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Organisation name" name="name" defaultValue={settings.name} error={errors.name} />
        <TextField
          label="Time zone"
          name="timeZone"
          defaultValue={settings.timeZone}
          list="admin-time-zones"
          error={errors.timeZone}
          hint="IANA name. Weeks (Monday to Sunday) are counted in this time zone."
        />
        <datalist id="admin-time-zones">
          {TIME_ZONES.map((tz) => (
            <option key={tz} value={tz} />
          ))}
        </datalist>
        <TextField
          label="Anonymity threshold"
          name="anonymityThreshold"
          type="number"
          min={ANONYMITY_MIN}
          max={ANONYMITY_MAX}
          step={1}
          defaultValue={settings.anonymityThreshold}
          error={errors.anonymityThreshold}
          hint={`A whole number from ${ANONYMITY_MIN} to ${ANONYMITY_MAX} (default 5). Survey results are hidden for any group with fewer respondents than this; people metrics (turnover, tenure…) need at least 5 people whatever this is. Groups that would let someone subtract a smaller group out are withheld too, the same way on every page, export and over time, so no individual's answer or departure can be singled out.`}
        />
        <TextField
          label="Note required above change of (%)"
          name="noteChangePct"
          type="number"
          min={1}
          step="any"
          defaultValue={settings.noteChangePct}
          error={errors.noteChangePct}
          hint="A manual value that moves more than this percentage from the previous week must carry a note explaining why."
        />
        <TextField label="Currency" name="currency" defaultValue={settings.currency} maxLength={3} error={errors.currency} hint="ISO 4217 code used for costs, e.g. USD, EUR, GBP." />
        <TextField
          label="Incident label"
          name="incidentLabel"
          defaultValue={settings.incidentLabel}
          error={errors.incidentLabel}
          hint="GitHub and GitLab issues with this label are counted as incidents."
        />
        <SelectField label="Weekly digest day" name="digestWeekday" options={WEEKDAYS} defaultValue={String(settings.digestWeekday ?? 1)} error={errors.digestWeekday} hint="People who turn the digest on (Account page) receive it on this day." />
        <SelectField label="Weekly digest hour" name="digestHour" options={HOURS} defaultValue={String(settings.digestHour ?? 8)} error={errors.digestHour} hint="In the organisation's time zone." />
      </div>
      <RequestError error={save.error} />
      <div className="flex items-center gap-3">
        <button type="submit" className={PRIMARY_BUTTON} disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save settings"}
        </button>
        <span role="status" className="text-sm text-green-800">
          {saved ? "Settings saved." : ""}
        </span>
      </div>
    </form>
  );
}
