/**
 * A streaming reader for `multipart/form-data` uploads, so a 50 MB file goes to the database in chunks
 * instead of being held in memory (what `request.formData()` would do). Parts are handed out in order;
 * each part's body must be read to the end (or abandoned with the whole upload) before the next.
 */

export interface MultipartPart {
  name: string;
  fileName: string | null;
  contentType: string | null;
  body: AsyncIterable<Uint8Array>;
}

const MAX_HEADER_BYTES = 16 * 1024;
const encoder = new TextEncoder();

export class MultipartError extends Error {}

/** The boundary of a `multipart/form-data; boundary=…` content type, or null. */
export function boundaryOf(contentType: string | null): string | null {
  if (!contentType || !/^multipart\/form-data/i.test(contentType)) return null;
  const m = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  return m ? (m[1] ?? m[2]) : null;
}

export async function* readMultipart(source: AsyncIterable<Uint8Array>, boundary: string): AsyncGenerator<MultipartPart> {
  const queue = new ByteQueue(source[Symbol.asyncIterator]());
  const dashBoundary = encoder.encode(`--${boundary}`);
  const delimiter = encoder.encode(`\r\n--${boundary}`);
  for await (const _ of queue.until(dashBoundary)) {
    // preamble: ignored
  }
  for (;;) {
    const after = await queue.take(2);
    if (after === "--") return;
    if (after !== "\r\n") throw new MultipartError("The upload is not a well-formed multipart form.");
    const headers = await queue.headerBlock();
    const disposition = headers.get("content-disposition") ?? "";
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) throw new MultipartError("A form part has no name.");
    const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1] ?? null;
    let consumed = false;
    const body = queue.until(delimiter);
    yield {
      name,
      fileName,
      contentType: headers.get("content-type") ?? null,
      body: {
        [Symbol.asyncIterator]: () => {
          consumed = true;
          return body;
        },
      },
    };
    if (!consumed) for await (const _ of body) { /* skip an unread part */ }
  }
}

/** Reads a multipart text field (small: a kind, an option). */
export async function partText(part: MultipartPart, limit = 4096): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of part.body) {
    size += chunk.length;
    if (size > limit) throw new MultipartError(`The form field "${part.name}" is too long.`);
    chunks.push(chunk);
  }
  return new TextDecoder().decode(concat(chunks, size));
}

class ByteQueue {
  private buffer: Uint8Array = new Uint8Array(0);
  private done = false;
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async fill(): Promise<boolean> {
    if (this.done) return false;
    const next = await this.source.next();
    if (next.done) {
      this.done = true;
      return false;
    }
    this.buffer = this.buffer.length === 0 ? next.value : concat([this.buffer, next.value], this.buffer.length + next.value.length);
    return true;
  }

  async take(n: number): Promise<string> {
    while (this.buffer.length < n) if (!(await this.fill())) throw new MultipartError("The upload ended early.");
    const text = new TextDecoder().decode(this.buffer.subarray(0, n));
    this.buffer = this.buffer.subarray(n);
    return text;
  }

  async headerBlock(): Promise<Map<string, string>> {
    const end = encoder.encode("\r\n\r\n");
    for (;;) {
      const at = indexOf(this.buffer, end, 0);
      if (at !== -1) {
        const text = new TextDecoder().decode(this.buffer.subarray(0, at));
        this.buffer = this.buffer.subarray(at + end.length);
        const headers = new Map<string, string>();
        for (const line of text.split("\r\n")) {
          const colon = line.indexOf(":");
          if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
        }
        return headers;
      }
      if (this.buffer.length > MAX_HEADER_BYTES) throw new MultipartError("A form part's headers are too long.");
      if (!(await this.fill())) throw new MultipartError("The upload ended early.");
    }
  }

  /** Yields the bytes before the next `marker` and consumes the marker. */
  async *until(marker: Uint8Array): AsyncGenerator<Uint8Array> {
    for (;;) {
      const at = indexOf(this.buffer, marker, 0);
      if (at !== -1) {
        if (at > 0) yield this.buffer.slice(0, at);
        this.buffer = this.buffer.subarray(at + marker.length);
        return;
      }
      // Keep a tail that could be the start of the marker.
      const safe = this.buffer.length - marker.length + 1;
      if (safe > 0) {
        yield this.buffer.slice(0, safe);
        this.buffer = this.buffer.subarray(safe);
      }
      if (!(await this.fill())) throw new MultipartError("The upload ended early (the form is not closed).");
    }
  }
}

function indexOf(haystack: Uint8Array, needle: Uint8Array, from: number): number {
  const first = needle[0];
  for (let i = haystack.indexOf(first, from); i !== -1 && i <= haystack.length - needle.length; i = haystack.indexOf(first, i + 1)) {
    let match = true;
    for (let k = 1; k < needle.length; k++) {
      if (haystack[i + k] !== needle[k]) {
        match = false;
        break;
      }
    }
    if (match) return i;
  }
  return -1;
}

function concat(parts: Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
