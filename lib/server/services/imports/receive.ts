import "server-only";
import type { SessionUser } from "@/lib/server/auth/session-user";
import { badRequest } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { assertCsvContentType, assertDeclaredSize } from "@/lib/server/http/csv-upload";
import { isMultipartForm, readUploadForm } from "./multipart";
import { MAX_IMPORT_BYTES, storeUpload, tooLarge } from "./storage";

/**
 * Turns an upload request into a stored import: `multipart/form-data` with a `kind` field and a `file`
 * part (the page), or the CSV itself as the body with `?kind=&fileName=` (scripts). The declared size
 * is checked before a byte is read, the file's first bytes before anything is stored.
 */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface UploadRequest {
  headers: Headers;
  body: ReadableStream<Uint8Array> | null;
  kind?: string;
  fileName?: string;
  actor: Actor;
  user: SessionUser | null;
}

export async function receiveUpload(request: UploadRequest): Promise<string> {
  assertDeclaredSize(request.headers, MAX_IMPORT_BYTES + MULTIPART_OVERHEAD, tooLarge);
  if (!request.body) throw badRequest("The request has no file. Send it as multipart/form-data with a `file` part.");
  const contentType = request.headers.get("content-type");
  if (!isMultipartForm(contentType)) {
    assertCsvContentType(contentType, "multipart/form-data or as text/csv");
    if (!request.kind) throw badRequest("Say what the file holds: ?kind=metric-values (see GET /api/v1/imports/kinds).");
    return storeUpload({ kind: request.kind, fileName: request.fileName ?? "upload.csv", bytes: chunksOf(request.body), actor: request.actor, user: request.user });
  }
  return readUploadForm(contentType, request.body, { maxFileBytes: MAX_IMPORT_BYTES, tooLarge }, async (file) => {
    const kind = file.fields.get("kind")?.trim() || request.kind;
    if (!kind) throw badRequest("Send the `kind` field before the `file` part (or as ?kind=).");
    assertCsvContentType(file.contentType);
    return storeUpload({ kind, fileName: file.fileName || request.fileName || "upload.csv", bytes: file.bytes, actor: request.actor, user: request.user });
  });
}

async function* chunksOf(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        return;
      }
      yield next.value;
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
