import "server-only";
import fs from "node:fs";
import path from "node:path";
import readline from "node:readline";
import { once } from "node:events";
import { openSql } from "@/lib/server/data/runner";
import { isEmbedded } from "@/lib/server/env";
import { BackupError, restoreBackup, writeBackup, type BackupSummary } from "@/lib/server/services/backup";
import { booleanFlag, CliError, type ParsedArgs } from "./args";

/**
 * `backup FILE` and `restore FILE [--force]`. On the embedded database the CLI holds the data-folder lock,
 * so the server must be stopped; to back up a running server use GET /api/v1/admin/backup (same format).
 */
function fileArg(args: ParsedArgs, verb: string): string {
  const file = args.positionals[0];
  if (!file) throw new CliError(`Give the ${verb} file.`, args.usage);
  return path.resolve(file);
}

function totals(summary: BackupSummary): string {
  const tables = Object.values(summary);
  return `${tables.reduce((n, t) => n + t.rows, 0)} rows in ${tables.length} tables`;
}

export async function backupCommand(args: ParsedArgs): Promise<string[]> {
  const file = fileArg(args, "backup");
  const partial = `${file}.partial`;
  const out = fs.createWriteStream(partial, { mode: 0o600 });
  try {
    const summary = await writeBackup(await openSql(), async (chunk) => {
      if (!out.write(chunk)) await once(out, "drain");
    });
    out.end();
    await once(out, "finish");
    // Only a complete file gets the requested name, so a crash never leaves a backup that looks whole.
    fs.renameSync(partial, file);
    return [`Backed up ${totals(summary)} to ${file}.`, ...(isEmbedded ? [] : ["(PostgreSQL: pg_dump -Fc works too; see README, Backup.)"])];
  } catch (error) {
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

export async function restoreCommand(args: ParsedArgs): Promise<string[]> {
  const file = fileArg(args, "restore");
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);
  const lines = readline.createInterface({ input: fs.createReadStream(file, "utf8"), crlfDelay: Infinity });
  // Take the iterator now: readline drops lines emitted before anyone iterates, and the database opens first.
  const iterator = lines[Symbol.asyncIterator]();
  try {
    const summary = await restoreBackup(await openSql(), { [Symbol.asyncIterator]: () => iterator }, { force: booleanFlag(args, "force") });
    return [`Restored ${totals(summary)} from ${file}; every table's count and checksum match the backup.`];
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message);
    throw error;
  } finally {
    lines.close();
  }
}
