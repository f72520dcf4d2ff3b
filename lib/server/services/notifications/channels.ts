import "server-only";
import { IncomingWebhook } from "@slack/webhook";
import { openMailer, smtpSettings } from "@/lib/server/mail";
import { secretBox } from "@/lib/server/secrets";
import { toEmailText, toSlackMessage, type Rendered } from "@/lib/notifications/render";

/**
 * Sending a digest or an alert to one person: by email (SMTP_URL, SMTP_FROM) and/or their Slack incoming
 * webhook, whose URL is stored encrypted. A channel that fails is reported by name; the URL never is (it is
 * the webhook's credential).
 */
export const slackWebhookBox = secretBox({ salt: "pillars-slack-webhook", info: "user notification webhook" });

const SLACK_TIMEOUT_MS = 10_000;

export interface Destination {
  email: string | null;
  slackWebhookEncrypted: string | null;
}

export interface SendOutcome {
  sent: ("email" | "slack")[];
  failed: string[];
}

export async function sendTo(destination: Destination, message: Rendered): Promise<SendOutcome> {
  const outcome: SendOutcome = { sent: [], failed: [] };
  if (destination.email) {
    const settings = smtpSettings();
    if (!settings) outcome.failed.push("email: SMTP_URL and SMTP_FROM are not set");
    else {
      const mailer = await openMailer(settings, 1).catch((error: Error) => error);
      if (mailer instanceof Error) outcome.failed.push(`email: ${mailer.message}`);
      else {
        const refused = await mailer.send({ to: destination.email, subject: message.subject, text: toEmailText(message) });
        mailer.close();
        if (refused) outcome.failed.push(`email: ${refused}`);
        else outcome.sent.push("email");
      }
    }
  }
  if (destination.slackWebhookEncrypted) {
    const url = slackWebhookBox.decrypt(destination.slackWebhookEncrypted);
    if (!url) outcome.failed.push("slack: the stored webhook can no longer be decrypted; enter it again on the Account page");
    else {
      try {
        await new IncomingWebhook(url, { timeout: SLACK_TIMEOUT_MS }).send(toSlackMessage(message));
        outcome.sent.push("slack");
      } catch (error) {
        const status = (error as { original?: { code?: number }; code?: string }).code ?? "request failed";
        outcome.failed.push(`slack: the webhook did not accept the message (${status})`);
      }
    }
  }
  return outcome;
}
