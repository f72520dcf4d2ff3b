"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { signIn } from "@/lib/server/auth/config";
import { clientAddress } from "@/lib/server/auth/throttle";
import { HttpError } from "@/lib/server/errors";
import { requirePageUser } from "@/lib/server/page-auth";
import { updateNotificationChoices } from "@/lib/server/services/notifications/preferences";
import { changeOwnPassword } from "@/lib/server/services/users";
import { notificationInput } from "@/lib/validation/notifications";
import { passwordChangeInput } from "@/lib/validation/password";

export interface PasswordChangeState {
  error: string | null;
  field: "currentPassword" | "newPassword" | "confirmPassword" | null;
}

/**
 * Changes the signed-in person's password. Every session of theirs ends with it, so on success they are
 * signed in again with the new password (a new session) and come back to the account page.
 */
export async function changePasswordAction(_previous: PasswordChangeState, form: FormData): Promise<PasswordChangeState> {
  const user = await requirePageUser("read", "/account");
  const parsed = passwordChangeInput.safeParse(Object.fromEntries(["currentPassword", "newPassword", "confirmPassword"].map((k) => [k, String(form.get(k) ?? "")])));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { error: issue?.message ?? "Check the form.", field: (issue?.path[0] as PasswordChangeState["field"]) ?? null };
  }
  try {
    await changeOwnPassword(user.id, parsed.data, clientAddress(await headers()));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    const path = (error.details as { issues?: { path: string }[] } | undefined)?.issues?.[0]?.path;
    return { error: error.message, field: (path as PasswordChangeState["field"]) ?? null };
  }
  // On success this throws Next's redirect, which must reach Next untouched.
  await signIn("credentials", { email: user.email, password: parsed.data.newPassword, redirectTo: "/account?changed=1" });
  return { error: null, field: null };
}

export interface NotificationState {
  error: string | null;
  saved: boolean;
}

/** Saves the signed-in person's digest and alert choices and their Slack webhook. */
export async function saveNotificationsAction(_previous: NotificationState, form: FormData): Promise<NotificationState> {
  const user = await requirePageUser("read", "/account");
  const parsed = notificationInput.safeParse({
    digestEmail: form.get("digestEmail") === "on",
    digestSlack: form.get("digestSlack") === "on",
    alerts: form.get("alerts") === "on",
    slackWebhookUrl: String(form.get("slackWebhookUrl") ?? ""),
    removeSlackWebhook: form.get("removeSlackWebhook") === "on",
  });
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? "Check the form.", saved: false };
  try {
    await updateNotificationChoices(user, parsed.data, new Date());
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return { error: error.message, saved: false };
  }
  revalidatePath("/account");
  return { error: null, saved: true };
}
