import "server-only";
import {
  countPeopleAndTeams,
  currentUserIsSuperuser,
  insertRowsFromJson,
  listAppliedMigrations,
  listApplicationTables,
  listForeignKeyEdges,
  resetIdentitySequences,
  skipForeignKeyChecksLocally,
  tableCountAndChecksum,
  tableRowsAsJson,
  truncateTables,
  useReadOnlySnapshot,
} from "@/lib/server/data/backup/tables";
import type { SqlRunner } from "@/lib/server/data/runner";
import { advanceVersions } from "@/lib/server/data/system/data-version";

/**
 * Whole-organisation backup and restore, on the embedded database and on PostgreSQL alike.
 *
 * Format (text, one record per line, so it streams both ways and diffs well):
 *   #pillars-backup\t{"version":1,"createdAt":…,"migrations":[…]}
 *   <table>\t<the row as PostgreSQL's row_to_json>          (tables in foreign-key order)
 *   #end\t{"tables":{"<table>":{"rows":n,"checksum":"md5"}}}
 * Rows stay PostgreSQL's own JSON text end to end — never parsed in JavaScript — and are turned back into
 * rows by json_populate_recordset, so numerics, timestamps and bytes come back exactly. The backup reads one
 * REPEATABLE READ snapshot; the restore runs in one transaction and checks every table's count and checksum
 * against the trailer before committing.
 */
export const BACKUP_FORMAT = "#pillars-backup";
const END = "#end";
const VERSION = 1;
const FETCH = 500;
const INSERT_BATCH = 500;

export interface TableSummary {
  rows: number;
  checksum: string;
}
export type BackupSummary = Record<string, TableSummary>;

export class BackupError extends Error {
  override name = "BackupError";
}

/** The application's tables (not the migration ledger), parents before children. */
export async function tablesInForeignKeyOrder(runner: SqlRunner): Promise<string[]> {
  const tables = await listApplicationTables(runner);
  const edges = await listForeignKeyEdges(runner);
  return topologicalOrder(tables, edges);
}

/** Kahn's algorithm with alphabetical tie-breaks (stable output); self-references are ignored. */
export function topologicalOrder(tables: string[], edges: { child: string; parent: string }[]): string[] {
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of edges) if (child !== parent && parents.has(child) && parents.has(parent)) parents.get(child)!.add(parent);
  const order: string[] = [];
  const done = new Set<string>();
  while (order.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t) && [...parents.get(t)!].every((p) => done.has(p))).sort();
    if (ready.length === 0) throw new BackupError(`Circular foreign keys between ${tables.filter((t) => !done.has(t)).join(", ")}.`);
    for (const t of ready) {
      order.push(t);
      done.add(t);
    }
  }
  return order;
}

/** Row count and an order-independent checksum of every table, as of the runner's snapshot. */
export async function summarizeTables(runner: SqlRunner, tables?: string[]): Promise<BackupSummary> {
  const summary: BackupSummary = {};
  for (const table of tables ?? (await tablesInForeignKeyOrder(runner))) {
    summary[table] = await tableCountAndChecksum(runner, table);
  }
  return summary;
}

const UNORDERED_TABLES = new Set(["SurveyInvitation", "SurveyResponse", "SurveyComment"]);

/** Writes the whole database to `write`, from one consistent snapshot. Returns the per-table summary. */
export async function writeBackup(runner: SqlRunner, write: (chunk: string) => Promise<void> | void): Promise<BackupSummary> {
  return runner.transaction(async (tx) => {
    await useReadOnlySnapshot(tx);
    const tables = await tablesInForeignKeyOrder(tx);
    await write(`${BACKUP_FORMAT}\t${JSON.stringify({ version: VERSION, createdAt: new Date().toISOString(), migrations: await listAppliedMigrations(tx) })}\n`);
    for (const table of tables) {
      // Survey invitations, answers and comments are written in an order unrelated to when they were stored, so
      // the k-th of one can never be matched to the k-th of another (disclosure.md rule 6).
      for await (const rows of tableRowsAsJson(tx, table, { scrambled: UNORDERED_TABLES.has(table), batchSize: FETCH })) {
        await write(rows.map((j) => `${table}\t${j}\n`).join(""));
      }
    }
    const summary = await summarizeTables(tx, tables);
    await write(`${END}\t${JSON.stringify({ tables: summary })}\n`);
    return summary;
  });
}

/** True when the organisation has people or teams (built-in catalog rows alone do not count). */
export async function hasOrganisationData(runner: SqlRunner): Promise<boolean> {
  return (await countPeopleAndTeams(runner)) > 0;
}

export interface RestoreOptions {
  /** Replace a database that already holds an organisation. */
  force?: boolean;
}

/**
 * Replaces the whole database with a backup's rows, in one transaction: on any problem (wrong format, schema
 * version, a row that does not fit, a count or checksum that differs afterwards) nothing changes.
 */
export async function restoreBackup(runner: SqlRunner, lines: AsyncIterable<string>, options: RestoreOptions = {}): Promise<BackupSummary> {
  return runner.transaction(async (tx) => {
    if (!options.force && (await hasOrganisationData(tx))) {
      throw new BackupError("The database already holds an organisation. Restore into an empty database, or pass --force to replace everything.");
    }
    const tables = await tablesInForeignKeyOrder(tx);
    const known = new Set(tables);
    // Self-references (a group's parent) may come in any order; the trailer checks prove the result.
    if (await currentUserIsSuperuser(tx)) await skipForeignKeyChecksLocally(tx);
    await truncateTables(tx, tables);

    let header: { version: number; migrations: string[] } | null = null;
    let expected: BackupSummary | null = null;
    let batchTable = "";
    let batch: string[] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await insertRowsFromJson(tx, batchTable, batch);
      batch = [];
    };
    let lineNo = 0;
    for await (const raw of lines) {
      lineNo++;
      const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
      if (line === "") continue;
      const tab = line.indexOf("\t");
      if (tab < 0) throw new BackupError(`Line ${lineNo} is not a backup record.`);
      const tag = line.slice(0, tab);
      const rest = line.slice(tab + 1);
      if (lineNo === 1) {
        if (tag !== BACKUP_FORMAT) throw new BackupError("This file is not a Pillars backup.");
        header = JSON.parse(rest) as { version: number; migrations: string[] };
        if (header.version !== VERSION) throw new BackupError(`Backup format version ${header.version} is not supported.`);
        const current = await listAppliedMigrations(tx);
        if (JSON.stringify(current) !== JSON.stringify(header.migrations)) {
          throw new BackupError("The backup was made with a different database schema version. Restore it with the Pillars version that made it, then upgrade.");
        }
        continue;
      }
      if (tag === END) {
        await flush();
        expected = (JSON.parse(rest) as { tables: BackupSummary }).tables;
        continue;
      }
      if (!known.has(tag)) throw new BackupError(`Line ${lineNo} names an unknown table "${tag}".`);
      if (tag !== batchTable || batch.length >= INSERT_BATCH) {
        await flush();
        batchTable = tag;
      }
      batch.push(rest);
    }
    if (!header) throw new BackupError("The backup file is empty.");
    if (!expected) throw new BackupError("The backup file is incomplete (no end record); it was probably cut off.");
    await resetIdentitySequences(tx);
    const actual = await summarizeTables(tx, tables);
    const wrong = tables.filter((t) => (expected![t]?.rows ?? 0) !== actual[t]!.rows || (expected![t] && expected![t]!.checksum !== actual[t]!.checksum));
    if (wrong.length) throw new BackupError(`Restored data differs from the backup in ${wrong.join(", ")}; nothing was changed.`);
    // Triggers were skipped (superusers) or fired before the rows were in: move the versions once the rows are.
    await advanceVersions(tx);
    return actual;
  });
}
