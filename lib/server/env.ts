import "server-only";
import path from "node:path";
import { z } from "zod";
import { parseTrustedProxies } from "./auth/client-address";

/**
 * All configuration, read once from the environment and validated. Nothing else reads process.env.
 * Documented in README.md ("Configuration").
 */
const optional = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL connection string. When absent, the embedded database (PGlite) is used. */
  DATABASE_URL: optional,
  /** PGlite data folder; `memory://` keeps it in memory (tests). */
  PILLARS_DATA_DIR: z.string().default(".data/pillars"),
  AUTH_SECRET: optional,
  /** Encrypts stored secrets (connector tokens, webhook secrets); AUTH_SECRET's when unset (lib/server/secrets.ts). */
  PILLARS_ENCRYPTION_KEY: optional.refine((v) => v === undefined || v.length >= 32, "must be at least 32 characters"),
  AUTH_URL: optional,
  AUTH_OIDC_ISSUER: optional,
  AUTH_OIDC_ID: optional,
  AUTH_OIDC_SECRET: optional,
  AUTH_OIDC_NAME: z.string().default("Single sign-on"),
  AUTH_GITHUB_ID: optional,
  AUTH_GITHUB_SECRET: optional,
  AUTH_GOOGLE_ID: optional,
  AUTH_GOOGLE_SECRET: optional,
  /** Session lifetime in hours. */
  PILLARS_SESSION_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Public base URL used in survey links and emails. */
  PILLARS_PUBLIC_URL: optional,
  /** Outgoing mail for survey invitations: smtp://user:pass@host:587 (STARTTLS) or smtps://…:465. */
  SMTP_URL: optional.refine((v) => v === undefined || /^smtps?:\/\/[^/\s]+/.test(v), "must look like smtp://user:pass@host:587 or smtps://user:pass@host:465"),
  /** Sender of those emails, e.g. `Pillars <surveys@example.com>`. */
  SMTP_FROM: optional,
  /** The port this instance serves on (set by scripts/serve.mjs from -p). */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** How this instance reaches itself to print pages as PDF; default http://127.0.0.1:PORT. */
  PILLARS_INTERNAL_URL: optional.refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), "must look like http://127.0.0.1:3000"),
  /** Chromium that prints meeting packs as PDF. */
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  PILLARS_LOG_QUERIES: z.enum(["0", "1"]).default("0"),
  /**
   * Whether the app server runs background jobs itself (`in-process`, the default) or leaves them to
   * separate `npm run worker` processes (`off`; PostgreSQL only — the embedded database always runs them in-process).
   */
  PILLARS_WORKER: z.enum(["in-process", "off"], "must be `in-process` or `off`").default("in-process"),
  /** Jobs a worker process runs at once (`npm run worker`, and the in-process worker on PostgreSQL). */
  PILLARS_WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(2),
  /** The address `npm start` listens on (scripts/start.mjs; default loopback). Read here by the demo seed's check. */
  HOST: optional,
  /** `allow`: the demo seed may create its published passwords on a server others can reach (lib/server/demo-passwords.ts). */
  PILLARS_DEMO_PASSWORDS: optional.pipe(z.enum(["allow"], "must be `allow` or unset").optional()),
  /** Proxies whose X-Forwarded-For entries are believed: addresses and CIDR ranges, `none`; unset = loopback. */
  PILLARS_TRUSTED_PROXIES: optional.superRefine((v, ctx) => {
    try {
      parseTrustedProxies(v);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: (error as Error).message });
    }
  }),
});

export type Env = z.infer<typeof schema>;

function load(): Env {
  const parsed = schema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return parsed.data;
}

export const env: Env = load();

export const isEmbedded = !env.DATABASE_URL;

/** The base URL this instance is reached at from itself (never the request's Host header, which a client sets). */
export function internalBaseUrl(): string {
  return (env.PILLARS_INTERNAL_URL ?? `http://127.0.0.1:${env.PORT}`).replace(/\/+$/, "");
}

/** Absolute path of the PGlite data folder, or `memory://`. */
export function dataDir(): string {
  return env.PILLARS_DATA_DIR.startsWith("memory://") ? env.PILLARS_DATA_DIR : path.resolve(env.PILLARS_DATA_DIR);
}
