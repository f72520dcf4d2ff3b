import "server-only";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { createCsvStream } from "@/lib/csv/write";
import type { Actor } from "@/lib/server/http/actor";
import { METRIC_VALUES_HEADER, metricValueCsvRows, metricValuesFilter } from "@/lib/server/services/exports/metric-values";
import { SHARED_VIEWER } from "@/lib/server/disclosure/viewer";
import { fullExportStream } from "@/lib/server/services/exports/full";
import { GROUPS_HEADER, groupRows, TEAMS_HEADER, teamRows } from "@/lib/server/services/exports/tables";
import type { ImportPreview, RowProblem } from "@/lib/imports/api-types";
import { previewUpload } from "@/lib/server/services/imports/preview";
import { IMPORT_KINDS } from "@/lib/server/services/imports/registry";
import { describeProblem } from "@/lib/server/services/imports/file-pass";
import { runImport } from "@/lib/server/services/imports/run";
import { storeUpload } from "@/lib/server/services/imports/storage";
import { booleanFlag, CliError, optionalFlag, requireFlag, type ParsedArgs } from "./args";

/**
 * `pillars import FILE --kind KIND [--skip-invalid] [--create-unknown]` and `pillars export FILE
 * [--kind metric-values|teams|groups|full]`: the same services as the import page and the export API.
 */
const CLI_ACTOR: Actor = { userId: null, label: "cli" };
const MAX_LISTED = 50;

export async function importCommand(args: ParsedArgs): Promise<string[]> {
  const skipInvalid = booleanFlag(args, "skip-invalid");
  const createUnknown = booleanFlag(args, "create-unknown");
  const file = args.positionals[0];
  if (!file) throw new CliError("Give the CSV file.", args.usage);
  const kind = requireFlag(args, "kind");
  if (!IMPORT_KINDS.some((k) => k.key === kind)) throw new CliError(`--kind must be one of ${IMPORT_KINDS.map((k) => k.key).join(", ")}`);
  if (!fs.existsSync(file)) throw new CliError(`No such file: ${file}`);

  const started = Date.now();
  let id: string;
  try {
    id = await storeUpload({ kind, fileName: path.basename(file), bytes: fs.createReadStream(file, { highWaterMark: 1024 * 1024 }), actor: CLI_ACTOR, user: null });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  let preview: ImportPreview;
  try {
    // A file that is not readable CSV is refused and its stored upload deleted.
    preview = await previewUpload(id, { createUnknown }, CLI_ACTOR, null);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (preview.missing.length > 0) throw new CliError(`The file has no column for: ${preview.missing.join(", ")}.`);
  const result = await runImport(id, { skipInvalid, createUnknown }, CLI_ACTOR, null);
  const rejects = (result.rejects ?? []) as unknown as RowProblem[];
  const seconds = (Date.now() - started) / 1000;
  const lines = [
    `Import ${id} of ${path.basename(file)} (${kind}): ${result.status}`,
    `  rows ${result.totalRows}, created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}, skipped ${result.skipped} — ${seconds.toFixed(1)} s`,
    ...rejects.slice(0, MAX_LISTED).map((p) => `  ${describeProblem(p)}`),
    ...(rejects.length > MAX_LISTED ? [`  … and ${rejects.length - MAX_LISTED} more (GET /api/v1/imports/${id}/rejects)`] : []),
  ];
  if (result.status !== "COMPLETED") throw new CliError([...lines, result.error ?? ""].join("\n"));
  return lines;
}

export async function exportCommand(args: ParsedArgs): Promise<string[]> {
  const file = args.positionals[0];
  if (!file) throw new CliError("Give the output file.", args.usage);
  const kind = optionalFlag(args, "kind") ?? (file.endsWith(".json") ? "full" : "metric-values");
  let stream: ReadableStream<Uint8Array>;
  if (kind === "metric-values") stream = createCsvStream(METRIC_VALUES_HEADER, metricValueCsvRows(await metricValuesFilter({}), SHARED_VIEWER, new Date()), { bom: true });
  else if (kind === "teams") stream = createCsvStream(TEAMS_HEADER, await teamRows(), { bom: true });
  else if (kind === "groups") stream = createCsvStream(GROUPS_HEADER, await groupRows(), { bom: true });
  else if (kind === "full") stream = fullExportStream(SHARED_VIEWER, new Date());
  else throw new CliError("--kind must be one of metric-values, teams, groups, full");
  const out = fs.createWriteStream(file);
  await new Promise<void>((resolve, reject) => {
    Readable.fromWeb(stream as import("node:stream/web").ReadableStream<Uint8Array>).pipe(out).on("finish", resolve).on("error", reject);
  });
  return [`Exported ${kind} to ${file} (${fs.statSync(file).size} bytes).`];
}
