import "server-only";
import { CsvError } from "@/lib/csv/errors";
import { CsvByteCheck } from "@/lib/csv/read";
import { SIGNATURE_BYTES } from "@/lib/csv/sniff";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { deleteImport, importChunkData, insertImport, insertImportChunk, setImportFileSize } from "@/lib/server/data/imports/imports";
import { HttpError, badRequest } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { csvFileRefused } from "@/lib/server/http/csv-upload";
import { can, uploadImport } from "@/lib/server/permissions";
import type { Client } from "./kinds/types";
import { purgeImportFiles } from "./cleanup";
import { importKind } from "./registry";

/**
 * Uploaded files live in the database (ImportChunk rows of 1 MiB), so whichever instance serves the
 * preview, the run or the progress poll reads the same file, and memory holds one chunk at a time.
 */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
const CHUNK_BYTES = 1024 * 1024;

export const tooLarge = () =>
  new HttpError(413, "too_large", `The file is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MB limit. Split it into smaller files and import them one by one.`);

export interface StoreRequest {
  kind: string;
  fileName: string;
  bytes: AsyncIterable<Uint8Array>;
  actor: Actor;
  user: SessionUser | null;
  now?: Date;
}

/**
 * Checks the file's first bytes, then stores it while checking the rest as it arrives (encoding, NUL
 * bytes, value and row lengths), so a file that can never be read is refused mid-upload and its stored
 * part deleted. Nothing is kept of a file that is not CSV text.
 */
export async function storeUpload(request: StoreRequest): Promise<string> {
  const kind = importKind(request.kind);
  if (!uploadImport({ user: request.user, tokenId: request.actor.tokenId }, { access: kind.access, peopleData: kind.peopleData ?? false })) {
    throw new HttpError(403, "forbidden", can(request.user!, "enterData") ? `Only admins can import ${kind.label.toLowerCase()}.` : "Only managers and admins can import data.");
  }
  if (!/\.(csv|txt|tsv)$/i.test(request.fileName) && /\.(xlsx?|ods|numbers|zip|pdf|json)$/i.test(request.fileName)) {
    throw new HttpError(415, "not_csv", `"${request.fileName}" is not a CSV file. Open it in your spreadsheet and export it as CSV (UTF-8).`);
  }
  await purgeImportFiles(request.now ?? new Date());
  const iterator = request.bytes[Symbol.asyncIterator]();
  let pending: Uint8Array = new Uint8Array(0);
  let finished = false;
  while (pending.length < SIGNATURE_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      finished = true;
      break;
    }
    pending = join(pending, next.value);
  }
  if (pending.length > MAX_IMPORT_BYTES) throw tooLarge();
  if (pending.length === 0) throw badRequest("The file is empty. Export the data again, with a header row and at least one data row.");
  // The size limit is this module's (a 413 with its own message); the check covers the rest.
  const check = new CsvByteCheck({ maxBytes: Number.MAX_SAFE_INTEGER });
  try {
    checked(() => check.push(pending));
  } catch (error) {
    await iterator.return?.();
    throw error;
  }

  const created = await insertImport({
    kind: kind.key, fileName: request.fileName.slice(0, 255), fileSize: 0, createdById: request.user?.id ?? null, createdByTokenId: request.actor.tokenId ?? null, actorLabel: request.actor.label,
  });
  let size = pending.length;
  let seq = 0;
  try {
    const flush = async (bytes: Uint8Array) => {
      await insertImportChunk(created.id, seq++, Uint8Array.from(bytes));
    };
    for (;;) {
      while (pending.length >= CHUNK_BYTES) {
        await flush(pending.subarray(0, CHUNK_BYTES));
        pending = pending.slice(CHUNK_BYTES);
      }
      if (finished) break;
      const next = await iterator.next();
      if (next.done) {
        finished = true;
        continue;
      }
      size += next.value.length;
      if (size > MAX_IMPORT_BYTES) throw tooLarge();
      checked(() => check.push(next.value));
      pending = join(pending, next.value);
    }
    checked(() => check.end());
    if (pending.length > 0) await flush(pending);
  } catch (error) {
    await deleteImport(created.id).catch(() => undefined);
    await iterator.return?.();
    throw error;
  }
  await setImportFileSize(created.id, size);
  return created.id;
}

/** The stored file, chunk by chunk, read through `client` (a transaction reads it inside itself). */
export async function* storedBytes(client: Client, importId: string): AsyncGenerator<Uint8Array> {
  for (let seq = 0; ; seq++) {
    const chunk = await importChunkData(importId, seq, client);
    if (!chunk) return;
    yield new Uint8Array(chunk);
  }
}

function checked(step: () => void): void {
  try {
    step();
  } catch (error) {
    if (error instanceof CsvError) throw csvFileRefused(error);
    throw error;
  }
}

function join(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
