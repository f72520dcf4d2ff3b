"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/server/auth/current-user";
import { actorOf } from "@/lib/server/http/actor";
import { can } from "@/lib/server/permissions";
import { createWebhookSource, deleteWebhookSource, setIncidentLabel } from "@/lib/server/services/delivery/webhook-sources";
import { incidentLabelInput, webhookSourceInput } from "@/lib/validation/webhooks";

export interface WebhookFormState {
  errors?: Record<string, string>;
  message?: string;
  secret?: { name: string; value: string };
}

async function admin() {
  const user = await getCurrentUser();
  if (!user || !can(user, "admin")) return null;
  return user;
}

const PATH = "/admin/webhooks";

export async function createSourceAction(_prev: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  const user = await admin();
  if (!user) return { message: "Only admins can manage webhook sources." };
  const parsed = webhookSourceInput.safeParse({ provider: form.get("provider"), name: form.get("name"), defaultTeamId: form.get("defaultTeamId") ?? "" });
  if (!parsed.success) return { errors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  const { secret } = await createWebhookSource(actorOf(user, null), parsed.data);
  revalidatePath(PATH);
  return { secret: { name: parsed.data.name, value: secret } };
}

export async function deleteSourceAction(form: FormData): Promise<void> {
  const user = await admin();
  if (!user) return;
  await deleteWebhookSource(actorOf(user, null), String(form.get("id") ?? ""));
  revalidatePath(PATH);
}

export async function incidentLabelAction(_prev: WebhookFormState, form: FormData): Promise<WebhookFormState> {
  const user = await admin();
  if (!user) return { message: "Only admins can change the incident label." };
  const parsed = incidentLabelInput.safeParse({ incidentLabel: form.get("incidentLabel") });
  if (!parsed.success) return { errors: { incidentLabel: parsed.error.issues[0]?.message ?? "Invalid label" } };
  await setIncidentLabel(actorOf(user, null), parsed.data);
  revalidatePath(PATH);
  return { message: `Issues labelled “${parsed.data.incidentLabel}” now count as incidents.` };
}
