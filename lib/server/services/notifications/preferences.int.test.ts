import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { db } from "@/lib/server/db";
import { HttpError } from "@/lib/server/errors";
import { notificationInput } from "@/lib/validation/notifications";
import { slackWebhookBox } from "./channels";
import { getNotificationChoices, updateNotificationChoices } from "./preferences";

/** The Account page's choices: the webhook stored encrypted and never shown back, alerts only for those who may ask. */
const HOOK = "https://hooks.slack.com/services/T000/B000/secretpart";
const users: Record<string, SessionUser> = {};
const input = (over: Partial<Record<string, unknown>> = {}) =>
  notificationInput.parse({ digestEmail: false, digestSlack: false, alerts: false, slackWebhookUrl: "", removeSlackWebhook: false, ...over });

beforeAll(async () => {
  for (const role of ["LEADER", "VIEWER"] as const) {
    const row = await db.user.create({ data: { email: `${role.toLowerCase()}@pillars.test`, name: role, role } });
    users[role] = { id: row.id, email: row.email, name: role, role, managedTeamIds: [] };
  }
});

describe("notification choices", () => {
  it("refuses a webhook that is not Slack's, so the server cannot be aimed at another host", () => {
    expect(notificationInput.safeParse({ digestEmail: true, digestSlack: true, alerts: false, slackWebhookUrl: "http://169.254.169.254/latest", removeSlackWebhook: false }).success).toBe(false);
    expect(input({ slackWebhookUrl: HOOK }).slackWebhookUrl).toBe(HOOK);
  });

  it("stores the webhook encrypted, keeps it when left blank, and removes it when asked", async () => {
    const leader = users.LEADER!;
    const choices = await updateNotificationChoices(leader, input({ digestEmail: true, digestSlack: true, alerts: true, slackWebhookUrl: HOOK }), new Date("2026-03-18T10:00:00Z"));
    expect(choices).toEqual({ digestEmail: true, digestSlack: true, alerts: true, hasSlackWebhook: true, mayOptInToAlerts: true });
    const row = await db.notificationSettings.findUniqueOrThrow({ where: { userId: leader.id } });
    expect(row.slackWebhookEncrypted).not.toContain("secretpart");
    expect(slackWebhookBox.decrypt(row.slackWebhookEncrypted!)).toBe(HOOK);
    expect(row.digestSince).toEqual(new Date("2026-03-18T10:00:00Z"));

    // Saved again later with the field blank: the webhook and the digest's start stay.
    await updateNotificationChoices(leader, input({ digestEmail: true, digestSlack: true, alerts: true }), new Date("2026-03-25T10:00:00Z"));
    const again = await db.notificationSettings.findUniqueOrThrow({ where: { userId: leader.id } });
    expect(again.slackWebhookEncrypted).toBe(row.slackWebhookEncrypted);
    expect(again.digestSince).toEqual(new Date("2026-03-18T10:00:00Z"));

    await expect(updateNotificationChoices(leader, input({ digestSlack: true, removeSlackWebhook: true }), new Date())).rejects.toBeInstanceOf(HttpError);
    const removed = await updateNotificationChoices(leader, input({ digestEmail: true, removeSlackWebhook: true }), new Date());
    expect(removed.hasSlackWebhook).toBe(false);
  });

  it("lets leaders and admins opt in to every team's alerts, not viewers", async () => {
    const viewer = users.VIEWER!;
    const choices = await updateNotificationChoices(viewer, input({ digestEmail: true, alerts: true }), new Date());
    expect(choices).toMatchObject({ digestEmail: true, alerts: false, mayOptInToAlerts: false });
    expect(await getNotificationChoices(viewer)).toEqual(choices);
  });
});
