import "server-only";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import busboy from "busboy";
import { badRequest, HttpError } from "@/lib/server/errors";

/**
 * Reads an upload form (`multipart/form-data`: small text fields, then one file part) with busboy, so a
 * 50 MB file reaches its consumer as it arrives instead of being held whole (what `request.formData()`
 * would do). Busboy enforces the form's shape: at most MAX_FIELDS fields of FIELD_BYTES each, one file
 * part, MAX_PARTS parts in all; each part's header block is capped at 16 KB by busboy itself. Anything
 * over a limit is a 400 naming it (a file over `maxFileBytes` is the caller's `tooLarge`).
 */
export const MAX_FIELDS = 4;
export const FIELD_BYTES = 4096;
/** Parts of any kind: those busboy passes over (no form-data disposition) are counted only here. */
export const MAX_PARTS = MAX_FIELDS + 1;

export interface UploadedFile {
  /** The text fields that came before the file part. */
  fields: ReadonlyMap<string, string>;
  fileName: string | null;
  contentType: string | null;
  /**
   * The file's bytes. They end only once the whole form has been read within its limits: a form that
   * breaks one after the file part (a second file, too many parts, a truncated end) fails the read.
   */
  bytes: AsyncIterable<Uint8Array>;
}

export interface UploadFormOptions {
  maxFileBytes: number;
  tooLarge: () => HttpError;
}

export function isMultipartForm(contentType: string | null): contentType is string {
  return !!contentType && /^multipart\/form-data\b/i.test(contentType.trim());
}

/**
 * Reads `body` as a form and hands its `file` part to `consume`; the answer is `consume`'s. The body is
 * read only as fast as `consume` reads the file, and no further once either side fails.
 */
export async function readUploadForm<T>(
  contentType: string,
  body: ReadableStream<Uint8Array>,
  options: UploadFormOptions,
  consume: (file: UploadedFile) => Promise<T>,
): Promise<T> {
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      // busboy reports a size limit when it is reached and a part limit once that many parts have ended,
      // so a value, a file or a form of exactly the maximum would count as over it: each limit is one more.
      limits: { fields: MAX_FIELDS, fieldSize: FIELD_BYTES + 1, files: 1, parts: MAX_PARTS + 1, fileSize: options.maxFileBytes + 1 },
    });
  } catch (error) {
    throw formError(error);
  }
  const source = Readable.fromWeb(body as NodeReadableStream<Uint8Array>);
  const form = deferred<void>();
  const outcome = deferred<T>();
  form.promise.catch(() => undefined);
  const fields = new Map<string, string>();
  let handed = false;
  let failed = false;

  const fail = (error: unknown) => {
    if (failed) return;
    failed = true;
    const refusal = formError(error);
    form.reject(refusal);
    if (!handed) outcome.reject(refusal);
    // Not inside busboy's own callback (it goes on using the part it is in): on the next tick. That ends
    // an unfinished file part with the same error, so its reader sees it.
    process.nextTick(() => {
      parser.destroy(refusal);
      source.destroy();
    });
  };

  parser.on("field", (name, value, info) => {
    if (failed) return;
    if (!name) return fail(badRequest("A form part has no name."));
    if (name === "file") return fail(badRequest("The `file` part has no file name: send the CSV as a file (with curl: -F file=@values.csv)."));
    if (info.valueTruncated) return fail(badRequest(`The form field "${name}" is longer than ${FIELD_BYTES} bytes.`));
    fields.set(name, value);
  });
  parser.on("file", (name, stream, info) => {
    // A file part ended by a refusal errors; its reader (if any) is told through its own iteration.
    stream.on("error", () => undefined);
    if (failed || name !== "file") {
      stream.resume();
      return fail(badRequest(`The form has a file part named "${name ?? ""}"; send the CSV as the \`file\` part.`));
    }
    stream.on("limit", () => fail(options.tooLarge()));
    handed = true;
    const file: UploadedFile = { fields: new Map(fields), fileName: info.filename || null, contentType: info.mimeType || null, bytes: fileBytes(stream, form.promise) };
    consume(file).then(outcome.resolve, outcome.reject);
  });
  parser.on("filesLimit", () => fail(badRequest("The form has more than one file. Send one CSV file per upload.")));
  parser.on("fieldsLimit", () => fail(badRequest(`The form has more than ${MAX_FIELDS} fields. Send only \`kind\` and the \`file\` part.`)));
  parser.on("partsLimit", () => fail(badRequest(`The form has more than ${MAX_PARTS} parts. Send only \`kind\` and the \`file\` part.`)));
  parser.on("error", fail);
  source.on("error", fail);
  parser.on("finish", () => {
    form.resolve();
    if (!handed) outcome.reject(badRequest("The form has no `file` part."));
  });
  source.pipe(parser);

  try {
    return await outcome.promise;
  } finally {
    // Whatever ended the upload, nothing more of the body is read.
    if (!parser.writableFinished) {
      failed = true;
      parser.destroy();
      source.destroy();
    }
  }
}

async function* fileBytes(stream: Readable, form: Promise<void>): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield chunk as Uint8Array;
  } catch (error) {
    throw formError(error);
  }
  await form;
}

/** Busboy's own errors in words a person sending the form can act on; ours pass through. */
function formError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const message = error instanceof Error ? error.message : String(error);
  if (/Unexpected end of (form|file)/.test(message)) return badRequest("The upload ended early (the form is not closed).");
  if (/Malformed part header/.test(message)) return badRequest("A form part's headers are malformed or longer than 16 KB.");
  if (/Boundary not found/.test(message)) return badRequest("The multipart/form-data content type has no boundary.");
  if (/Malformed content type/.test(message)) return badRequest("The multipart/form-data content type is malformed.");
  return badRequest(`The upload is not a well-formed multipart form (${message}).`);
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
