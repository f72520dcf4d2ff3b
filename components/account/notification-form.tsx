"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { saveNotificationsAction, type NotificationState } from "@/app/(app)/account/actions";
import { PRIMARY_BUTTON, TextField } from "@/components/ui/form";
import { SLACK_WEBHOOK_PREFIX } from "@/lib/validation/notifications";

interface Choices {
  digestEmail: boolean;
  digestSlack: boolean;
  alerts: boolean;
  hasSlackWebhook: boolean;
  mayOptInToAlerts: boolean;
}

function Check({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input type="checkbox" name={name} defaultChecked={defaultChecked} className="mt-1" />
      <span>
        <span className="font-medium">{label}</span>
        <span className="block text-xs text-slate-600">{hint}</span>
      </span>
    </label>
  );
}

/** The weekly digest by email and/or Slack, alerts (leaders and admins), and the Slack webhook they go to. */
export function NotificationForm({ choices, schedule }: { choices: Choices; schedule: string }) {
  const [state, action, pending] = useActionState<NotificationState, FormData>(saveNotificationsAction, { error: null, saved: false });
  // Submitted by hand rather than through the form's `action`: React resets a form after its action, which would
  // clear what the person chose when the answer is an error to correct.
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => action(data));
  };
  return (
    <form onSubmit={submit} aria-label="Weekly digest and alerts" className="max-w-lg space-y-4">
      {state.error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {state.error}
        </p>
      )}
      <Check name="digestEmail" label="Email me the weekly digest" hint={`${schedule}: status changes, red and amber targets, early warnings and missing data, as your dashboards show them.`} defaultChecked={choices.digestEmail} />
      <Check name="digestSlack" label="Send the weekly digest to my Slack webhook" hint="The same digest, as a Slack message." defaultChecked={choices.digestSlack} />
      {choices.mayOptInToAlerts && (
        <Check name="alerts" label="Send me alerts" hint="When a team's metric turns red against its target or an early warning fires: by email, and to your Slack webhook if set. Managers receive their own teams' alerts." defaultChecked={choices.alerts} />
      )}
      <TextField
        label="Slack incoming webhook URL"
        name="slackWebhookUrl"
        type="url"
        autoComplete="off"
        placeholder={choices.hasSlackWebhook ? "A webhook is set — leave blank to keep it" : `${SLACK_WEBHOOK_PREFIX}services/…`}
        hint="In Slack: create an app, turn on Incoming Webhooks, add one for your channel and paste its URL. It is stored encrypted."
      />
      {choices.hasSlackWebhook && <Check name="removeSlackWebhook" label="Remove my Slack webhook" hint="Nothing more is sent to Slack." defaultChecked={false} />}
      <div className="flex items-center gap-3">
        <button type="submit" className={PRIMARY_BUTTON} disabled={pending}>
          {pending ? "Saving…" : "Save notifications"}
        </button>
        <span role="status" className="text-sm text-green-800">{state.saved ? "Notifications saved." : ""}</span>
      </div>
    </form>
  );
}
