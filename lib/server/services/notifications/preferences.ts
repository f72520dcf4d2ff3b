import "server-only";
import { notificationSettingsOf, saveNotificationSettings } from "@/lib/server/data/notifications";
import { inTransaction } from "@/lib/server/data/runner";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { badRequest } from "@/lib/server/errors";
import { can } from "@/lib/server/permissions";
import type { NotificationInput } from "@/lib/validation/notifications";
import { slackWebhookBox } from "./channels";

/** A person's own notification choices (Account page). The Slack webhook is never shown back, only whether one is set. */
export interface NotificationChoices {
  digestEmail: boolean;
  digestSlack: boolean;
  alerts: boolean;
  hasSlackWebhook: boolean;
  /** Leaders and admins may ask for every team's alerts; managers receive their own teams' anyway. */
  mayOptInToAlerts: boolean;
}

export async function getNotificationChoices(user: SessionUser): Promise<NotificationChoices> {
  const row = await notificationSettingsOf(user.id);
  return {
    digestEmail: row?.digestEmail ?? false,
    digestSlack: row?.digestSlack ?? false,
    alerts: row?.alerts ?? false,
    hasSlackWebhook: Boolean(row?.slackWebhookEncrypted),
    mayOptInToAlerts: can(user, "optInToAlerts"),
  };
}

export async function updateNotificationChoices(user: SessionUser, input: NotificationInput, now: Date): Promise<NotificationChoices> {
  await inTransaction(async (tx) => {
    const before = await notificationSettingsOf(user.id, tx);
    const webhook = input.removeSlackWebhook ? null : input.slackWebhookUrl ? slackWebhookBox.encrypt(input.slackWebhookUrl) : (before?.slackWebhookEncrypted ?? null);
    if (input.digestSlack && !webhook) throw badRequest("Add a Slack webhook URL to receive the digest in Slack.");
    const wantsDigest = input.digestEmail || input.digestSlack;
    const wanted = Boolean(before && (before.digestEmail || before.digestSlack));
    await saveNotificationSettings(user.id, {
      digestEmail: input.digestEmail,
      digestSlack: input.digestSlack,
      alerts: input.alerts && can(user, "optInToAlerts"),
      slackWebhookEncrypted: webhook,
      // Turning the digest on starts from now: the occurrence already past this week is not sent.
      digestSince: wantsDigest ? (wanted ? (before?.digestSince ?? now) : now) : null,
    }, tx);
  });
  return getNotificationChoices(user);
}
