import "server-only";
import nodemailer from "nodemailer";
import { env } from "./env";
import { HttpError } from "./errors";

/**
 * Outgoing email over SMTP (nodemailer), configured by SMTP_URL and SMTP_FROM. `smtp://` upgrades to TLS
 * with STARTTLS when the server offers it, `smtps://` speaks TLS from the first byte. Connecting, the
 * greeting and every command have time limits, so an unreachable server is an error message, never a
 * hung request. Error messages name the server's host and port, never its credentials or a recipient.
 */
export interface SmtpSettings {
  url: string;
  from: string;
}

/** The configured server, or null when email is not set up (links are then exported instead). */
export function smtpSettings(): SmtpSettings | null {
  return env.SMTP_URL && env.SMTP_FROM ? { url: env.SMTP_URL, from: env.SMTP_FROM } : null;
}

const CONNECT_TIMEOUT_MS = 10_000;
const COMMAND_TIMEOUT_MS = 30_000;

export interface Mailer {
  /** Sends one plain-text message; resolves with null, or with why it was not accepted. */
  send(message: { to: string; subject: string; text: string }): Promise<string | null>;
  close(): void;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
}

/** Why a send failed, in words for the person sending — from the error's codes only, never its text. */
function failureReason(error: unknown): string {
  const { code, responseCode } = (error ?? {}) as SmtpError;
  if (code === "ETIMEDOUT") return "the mail server did not answer in time";
  if (code === "EAUTH") return "the mail server refused the sign-in (check the user and password in SMTP_URL)";
  if (code === "ECONNECTION" || code === "ESOCKET" || code === "EDNS") return "the connection to the mail server failed";
  if (code === "ETLS") return "the TLS handshake with the mail server failed";
  if (responseCode) return `the mail server refused it (${responseCode})`;
  return "the mail server did not accept it";
}

function connectionOptions(settings: SmtpSettings, concurrency: number) {
  const url = new URL(settings.url);
  const secure = url.protocol === "smtps:";
  return {
    label: `${url.hostname}:${url.port || (secure ? 465 : 587)}`,
    options: {
      host: url.hostname,
      port: Number(url.port) || (secure ? 465 : 587),
      secure,
      auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
      pool: true as const,
      maxConnections: concurrency,
      maxMessages: 100,
      connectionTimeout: CONNECT_TIMEOUT_MS,
      greetingTimeout: CONNECT_TIMEOUT_MS,
      socketTimeout: COMMAND_TIMEOUT_MS,
      logger: false,
      debug: false,
      disableFileAccess: true,
      disableUrlAccess: true,
    },
  };
}

/**
 * Connects (and signs in) once to prove the server works before anything is written, then returns a pooled
 * mailer holding up to `concurrency` connections. A server that cannot be reached is a 502 naming it and what
 * that means for the caller (`consequence`).
 */
export async function openMailer(settings: SmtpSettings, concurrency: number, consequence = "Nothing was sent."): Promise<Mailer> {
  const { label, options } = connectionOptions(settings, concurrency);
  const transport = nodemailer.createTransport(options);
  try {
    await transport.verify();
  } catch (error) {
    transport.close();
    throw new HttpError(502, "mail_unavailable", `The mail server ${label} could not be used: ${failureReason(error)}. ${consequence}`);
  }
  return {
    async send({ to, subject, text }) {
      try {
        await transport.sendMail({ from: settings.from, to, subject, text });
        return null;
      } catch (error) {
        return failureReason(error);
      }
    },
    close: () => transport.close(),
  };
}
