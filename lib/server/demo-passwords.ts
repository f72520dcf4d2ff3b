import "server-only";
import { isIP } from "node:net";

/**
 * The demo organisation's sign-in passwords are published (README, the start banner, this repository), so
 * they are only created where nobody else can reach them: a server listening on loopback only, not published
 * at a public URL, and not a production PostgreSQL deployment. Anywhere else the demo seed refuses unless the
 * operator asks for them explicitly with PILLARS_DEMO_PASSWORDS=allow.
 */
export interface DemoPasswordContext {
  /** The address `npm start` listens on (HOST); unset means its default, loopback. */
  host: string | undefined;
  nodeEnv: string;
  databaseUrl: string | undefined;
  /** PILLARS_PUBLIC_URL and AUTH_URL: where people reach the server. */
  publicUrls: { name: string; value: string | undefined }[];
  demoPasswords: "allow" | undefined;
}

export function isLoopback(host: string): boolean {
  const bare = host.trim().replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost")) return true;
  if (isIP(bare) === 4) return bare.startsWith("127.");
  return bare === "::1" || /^::ffff:127\./.test(bare);
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/** Why the published demo passwords must not be created here, or null when they may be. */
export function demoPasswordRefusal(context: DemoPasswordContext): string | null {
  if (context.demoPasswords === "allow") return null;
  const reasons: string[] = [];
  if (context.host !== undefined && !isLoopback(context.host)) reasons.push(`it listens on ${context.host} (HOST), which other machines can reach`);
  for (const { name, value } of context.publicUrls) {
    const host = value ? hostOf(value) : null;
    if (host && !isLoopback(host)) reasons.push(`it is published at ${value} (${name})`);
  }
  if (context.nodeEnv === "production" && context.databaseUrl) reasons.push("it runs with NODE_ENV=production on PostgreSQL (DATABASE_URL)");
  if (reasons.length === 0) return null;
  return [
    `Not creating the demo organisation: its accounts' passwords are published, and this server looks reachable by others (${reasons.join("; ")}).`,
    "Start without demo data (PILLARS_SKIP_DEMO=1, then create your admin with `npm run pillars -- user create …`),",
    "serve on loopback only (HOST=127.0.0.1), or set PILLARS_DEMO_PASSWORDS=allow to create the published passwords anyway.",
  ].join("\n");
}
