import "server-only";
import { userInfo } from "node:os";
import { countUsersWithEmails, userIdByEmail } from "@/lib/server/data/auth/users";
import { openSql } from "@/lib/server/data/runner";
import { isDatabaseEmpty, seedDemoOrganisation } from "@/lib/server/data/system/tools";
import type { Actor } from "@/lib/server/http/actor";
import { issueApiToken } from "@/lib/server/services/api-tokens";
import { createUser, resetPassword } from "@/lib/server/services/users";
import { passwordResetInput, ROLES, TOKEN_SCOPE_VALUES, tokenCreateInput, userCreateInput } from "@/lib/validation/admin";
import { applyMigrations } from "@/lib/server/migrate";
import { installJobQueue } from "@/lib/server/jobs/worker";
import { ensureBuiltIns } from "@/lib/server/services/bootstrap";
import { demoPasswordRefusal } from "@/lib/server/demo-passwords";
import { env, isEmbedded } from "@/lib/server/env";
import { booleanFlag, CliError, findCommand, optionalFlag, parseArgs, requireFlag, type CommandSpec, type ParsedArgs, usageLine } from "./args";
import { backupCommand, restoreCommand } from "./backup-command";
import { exportCommand, importCommand } from "./import-command";
import { CONNECTOR_ADD_OPTIONS, CONNECTOR_ADD_USAGE, connectorAdd, connectorList, connectorSync } from "./connector-command";

/** A CLI command: returns the lines to print. Throws CliError for user mistakes (exit code 1). */
export type Command = (args: ParsedArgs) => Promise<string[]>;

/** Who the audit trail names for a change made from the command line: the operating-system account. */
function cliActor(): Actor {
  let name = "unknown";
  try {
    name = userInfo().username;
  } catch {
    // no passwd entry (some containers)
  }
  return { userId: null, label: `cli:${name}` };
}

async function migrate(): Promise<string[]> {
  // The embedded database migrates when it opens; PostgreSQL takes Prisma's advisory lock.
  const result = await applyMigrations(await openSql(), { advisoryLock: !isEmbedded });
  // PostgreSQL: the job queue's own schema (graphile_worker), which ingestion enqueues into.
  await installJobQueue();
  await ensureBuiltIns();
  return result.applied.length
    ? [`Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`]
    : ["Database schema is up to date."];
}

/** The same service, rules and audit entry as Admin → Users. */
async function userCreate(args: ParsedArgs): Promise<string[]> {
  const role = requireFlag(args, "role").toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new CliError(`--role must be one of ${ROLES.join(", ")}`);
  const input = userCreateInput.safeParse({ email: requireFlag(args, "email"), name: requireFlag(args, "name"), role, password: optionalFlag(args, "password") });
  if (!input.success) throw new CliError(`--${String(input.error.issues[0]?.path[0])}: ${input.error.issues[0]?.message}`);
  await ensureBuiltIns();
  const { user, generatedPassword } = await createUser(cliActor(), input.data);
  return [`Created ${user.role} ${user.email}.`, ...(generatedPassword ? [`Password: ${generatedPassword}`] : [])];
}

/** As an admin's password reset: the user's open sessions end and the sign-in throttling is cleared. */
async function userSetPassword(args: ParsedArgs): Promise<string[]> {
  const email = requireFlag(args, "email").toLowerCase();
  const input = passwordResetInput.safeParse({ password: optionalFlag(args, "password") });
  if (!input.success) throw new CliError(`--password: ${input.error.issues[0]?.message}`);
  const user = await userIdByEmail(email);
  if (!user) throw new CliError(`No user with email ${email}.`);
  const { generatedPassword } = await resetPassword(cliActor(), user.id, input.data);
  return [`Password changed for ${email}; their open sessions were signed out.`, ...(generatedPassword ? [`Password: ${generatedPassword}`] : [])];
}

/** As Admin → API tokens, audited the same way; `--expires-days N` means usable through the end of that day (UTC). */
async function tokenCreate(args: ParsedArgs, now = new Date()): Promise<string[]> {
  const name = requireFlag(args, "name");
  const scopes = requireFlag(args, "scope").split(",").map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !(TOKEN_SCOPE_VALUES as readonly string[]).includes(s));
  if (bad.length || scopes.length === 0) throw new CliError(`--scope must be a comma list of ${TOKEN_SCOPE_VALUES.join(", ")}`);
  const days = optionalFlag(args, "expires-days");
  if (days !== undefined && (!/^\d+$/.test(days) || Number(days) <= 0)) throw new CliError("--expires-days must be a positive whole number");
  const expiresOn = days ? new Date(now.getTime() + Number(days) * 86_400_000).toISOString().slice(0, 10) : null;
  const input = tokenCreateInput.safeParse({ name, scopes, expiresOn });
  if (!input.success) throw new CliError(`--${String(input.error.issues[0]?.path[0])}: ${input.error.issues[0]?.message}`);
  const { token, row } = await issueApiToken(cliActor(), input.data, now);
  return [`Created token "${row.name}" (${row.scopes.join(", ")}${row.expiresAt ? `, expires ${row.expiresAt}` : ""}). It is shown once:`, token];
}

/** The demo seed's published passwords are only created where nobody else can reach them (demo-passwords.ts). */
function demoRefusal(): string | null {
  return demoPasswordRefusal({
    host: env.HOST,
    nodeEnv: env.NODE_ENV,
    databaseUrl: env.DATABASE_URL,
    publicUrls: [{ name: "PILLARS_PUBLIC_URL", value: env.PILLARS_PUBLIC_URL }, { name: "AUTH_URL", value: env.AUTH_URL }],
    demoPasswords: env.PILLARS_DEMO_PASSWORDS,
  });
}

async function seed(args: ParsedArgs): Promise<string[]> {
  if (!booleanFlag(args, "demo")) throw new CliError("Only demo data can be seeded: `seed --demo`.");
  const { DEMO_ACCOUNTS } = await import("@/prisma/seed/demo");
  await ensureBuiltIns();
  const accounts = DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email}  /  ${a.password}`);
  if (!(await isDatabaseEmpty())) {
    if (!booleanFlag(args, "if-empty")) throw new CliError("The database already has teams. Demo data is only added to an empty database.");
    const demoUsers = await countUsersWithEmails(DEMO_ACCOUNTS.map((a) => a.email));
    if (demoUsers === 0) return ["The database already has data; no demo data added."];
    const exposed = demoRefusal();
    return [
      "The database already has data. Demo accounts:",
      ...accounts,
      ...(exposed ? ["Warning: these published passwords still work on a server others can reach: change them (Admin → Users) or remove the accounts."] : []),
    ];
  }
  const refusal = demoRefusal();
  if (refusal) throw new CliError(refusal);
  const started = Date.now();
  await seedDemoOrganisation();
  return [`Demo organisation created in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in with:`, ...accounts];
}

const text = { type: "string" } as const;
const flag = { type: "boolean" } as const;

export const COMMANDS: Record<string, CommandSpec & { run: Command }> = {
  migrate: { usage: "migrate", options: {}, run: migrate },
  seed: { usage: "seed --demo [--if-empty]", options: { demo: flag, "if-empty": flag }, run: seed },
  "user create": {
    usage: "user create --email EMAIL --name NAME --role ADMIN|LEADER|MANAGER|VIEWER [--password P]",
    options: { email: text, name: text, role: text, password: text },
    run: userCreate,
  },
  "user set-password": { usage: "user set-password --email EMAIL [--password P]", options: { email: text, password: text }, run: userSetPassword },
  "token create": { usage: "token create --name NAME --scope ingest,read [--expires-days N]", options: { name: text, scope: text, "expires-days": text }, run: tokenCreate },
  import: { usage: "import FILE --kind KIND [--skip-invalid] [--create-unknown]", options: { kind: text, "skip-invalid": flag, "create-unknown": flag }, operands: 1, run: importCommand },
  export: { usage: "export FILE [--kind metric-values|teams|groups|full]", options: { kind: text }, operands: 1, run: exportCommand },
  backup: { usage: "backup FILE   (the whole organisation; stop the server first on the embedded database)", options: {}, operands: 1, run: backupCommand },
  "connector add": { usage: CONNECTOR_ADD_USAGE, options: CONNECTOR_ADD_OPTIONS, operands: 1, run: (args) => connectorAdd(args, cliActor()) },
  "connector list": { usage: "connector list", options: {}, run: connectorList },
  "connector sync": { usage: "connector sync NAME [--since YYYY-MM-DD]   (one sync to the end; exit 1 when it fails)", options: { since: text }, operands: 1, run: (args) => connectorSync(args) },
  restore: { usage: "restore FILE [--force]   (into an empty database; --force replaces everything)", options: { force: flag }, operands: 1, run: restoreCommand },
};

/** All commands' usage, for `pillars --help` and an unknown command. */
export function usage(): string {
  return ["Usage: npm run pillars -- <command>", "", ...Object.values(COMMANDS).map((c) => `  ${c.usage}`)].join("\n");
}

/**
 * Runs the command named by argv's first words with the rest read against its options; its output
 * lines, or a CliError for a mistake in the call (an unknown command or option, a missing value).
 */
export async function runCommand(argv: string[]): Promise<string[]> {
  const found = findCommand(COMMANDS, argv);
  if (!found) {
    const named: string[] = [];
    for (const word of argv.slice(0, 2)) {
      if (word.startsWith("-")) break;
      named.push(word);
    }
    throw new CliError(named.length ? `Unknown command "${named.join(" ")}".` : "Name a command first.", usage());
  }
  const args = parseArgs(found.rest, found.command);
  if (booleanFlag(args, "help")) return [usageLine(found.command)];
  return found.command.run(args);
}
