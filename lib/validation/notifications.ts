import { z } from "zod";

/**
 * The Account page's notification choices. A Slack webhook must be one of Slack's own incoming-webhook
 * addresses: the server POSTs to it, so any other address would let a user aim the server at other hosts.
 */
export const SLACK_WEBHOOK_PREFIX = "https://hooks.slack.com/";

export const notificationInput = z
  .object({
    digestEmail: z.boolean(),
    digestSlack: z.boolean(),
    alerts: z.boolean(),
    /** Blank keeps the stored webhook. */
    slackWebhookUrl: z
      .string()
      .trim()
      .max(500, "At most 500 characters.")
      .refine((v) => v === "" || (v.startsWith(SLACK_WEBHOOK_PREFIX) && URL.canParse(v)), `Use the incoming-webhook URL Slack gives you (it starts with ${SLACK_WEBHOOK_PREFIX}).`),
    removeSlackWebhook: z.boolean(),
  });
export type NotificationInput = z.infer<typeof notificationInput>;
