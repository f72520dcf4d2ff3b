import "server-only";
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { hashPassword, passwordProblem } from "@/lib/server/auth/password";
import { createApiToken, TOKEN_SCOPES, type TokenScope } from "@/lib/server/auth/tokens";
import { db, sqlRunner } from "@/lib/server/db";
import { applyMigrations } from "@/lib/server/migrate";
import { ensureBuiltIns } from "@/lib/server/services/bootstrap";
import { isEmbedded } from "@/lib/server/env";
import { CliError, optionalFlag, requireFlag, type ParsedArgs } from "./args";
import { backupCommand, restoreCommand } from "./backup-command";
import { exportCommand, importCommand } from "./import-command";

/** A CLI command: returns the lines to print. Throws CliError for user mistakes (exit code 1). */
export type Command = (args: ParsedArgs) => Promise<string[]>;

const ROLES = ["ADMIN", "LEADER", "MANAGER", "VIEWER"] as const;

function generatedPassword(): string {
  return randomBytes(12).toString("base64url");
}

async function migrate(): Promise<string[]> {
  // The embedded database migrates when it opens; PostgreSQL takes Prisma's advisory lock.
  const result = await applyMigrations(await sqlRunner(), { advisoryLock: !isEmbedded });
  await ensureBuiltIns(db);
  return result.applied.length
    ? [`Applied ${result.applied.length} migration(s): ${result.applied.join(", ")}`]
    : ["Database schema is up to date."];
}

async function userCreate(args: ParsedArgs): Promise<string[]> {
  const email = z.string().email("--email must be an email address").parse(requireFlag(args, "email").toLowerCase());
  const name = requireFlag(args, "name");
  const role = requireFlag(args, "role").toUpperCase();
  if (!(ROLES as readonly string[]).includes(role)) throw new CliError(`--role must be one of ${ROLES.join(", ")}`);
  const given = optionalFlag(args, "password");
  const password = given ?? generatedPassword();
  const problem = passwordProblem(password);
  if (problem) throw new CliError(problem);
  if (await db.user.findUnique({ where: { email } })) throw new CliError(`A user with email ${email} already exists.`);
  await ensureBuiltIns(db);
  await db.user.create({ data: { email, name, role: role as (typeof ROLES)[number], passwordHash: await hashPassword(password) } });
  return [`Created ${role} ${email}.`, ...(given ? [] : [`Password: ${password}`])];
}

async function userSetPassword(args: ParsedArgs): Promise<string[]> {
  const email = requireFlag(args, "email").toLowerCase();
  const given = optionalFlag(args, "password");
  const password = given ?? generatedPassword();
  const problem = passwordProblem(password);
  if (problem) throw new CliError(problem);
  const user = await db.user.findUnique({ where: { email } });
  if (!user) throw new CliError(`No user with email ${email}.`);
  await db.user.update({ where: { id: user.id }, data: { passwordHash: await hashPassword(password) } });
  await db.signInThrottle.deleteMany({ where: { key: `email:${email}` } });
  return [`Password changed for ${email}.`, ...(given ? [] : [`Password: ${password}`])];
}

async function tokenCreate(args: ParsedArgs): Promise<string[]> {
  const name = requireFlag(args, "name");
  const scopes = requireFlag(args, "scope").split(",").map((s) => s.trim()).filter(Boolean);
  const bad = scopes.filter((s) => !(TOKEN_SCOPES as readonly string[]).includes(s));
  if (bad.length || scopes.length === 0) throw new CliError(`--scope must be a comma list of ${TOKEN_SCOPES.join(", ")}`);
  const days = optionalFlag(args, "expires-days");
  const expiresAt = days ? new Date(Date.now() + Number(days) * 86_400_000) : null;
  if (days && (!Number.isFinite(Number(days)) || Number(days) <= 0)) throw new CliError("--expires-days must be a positive number");
  const created = await createApiToken({ name, scopes: scopes as TokenScope[], expiresAt });
  return [`Created token "${name}" (${created.scopes.join(", ")}). It is shown once:`, created.token];
}

async function seed(args: ParsedArgs): Promise<string[]> {
  if (args.flags.demo !== true) throw new CliError("Only demo data can be seeded: `seed --demo`.");
  const { seedDemo, isDatabaseEmpty, DEMO_ACCOUNTS } = await import("@/prisma/seed/demo");
  await ensureBuiltIns(db);
  if (!(await isDatabaseEmpty(db))) {
    if (args.flags["if-empty"] !== true) throw new CliError("The database already has teams. Demo data is only added to an empty database.");
    const demoUsers = await db.user.count({ where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) } } });
    return demoUsers > 0
      ? ["The database already has data. Demo accounts:", ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email}  /  ${a.password}`)]
      : ["The database already has data; no demo data added."];
  }
  const started = Date.now();
  await seedDemo(db);
  return [
    `Demo organisation created in ${((Date.now() - started) / 1000).toFixed(1)} s. Sign in with:`,
    ...DEMO_ACCOUNTS.map((a) => `  ${a.role.padEnd(8)} ${a.email}  /  ${a.password}`),
  ];
}

export const COMMANDS: Record<string, { usage: string; run: Command }> = {
  migrate: { usage: "migrate", run: migrate },
  "seed": { usage: "seed --demo [--if-empty]", run: seed },
  "user create": { usage: "user create --email EMAIL --name NAME --role ADMIN|LEADER|MANAGER|VIEWER [--password P]", run: userCreate },
  "user set-password": { usage: "user set-password --email EMAIL [--password P]", run: userSetPassword },
  "token create": { usage: "token create --name NAME --scope ingest,read [--expires-days N]", run: tokenCreate },
  import: { usage: "import FILE --kind KIND [--skip-invalid] [--create-unknown]", run: importCommand },
  export: { usage: "export FILE [--kind metric-values|teams|groups|full]", run: exportCommand },
  backup: { usage: "backup FILE   (the whole organisation; stop the server first on the embedded database)", run: backupCommand },
  restore: { usage: "restore FILE [--force]   (into an empty database; --force replaces everything)", run: restoreCommand },
};
