/**
 * Turns uploaded bytes into text, refusing anything that is not UTF-8 text before a single row
 * is parsed: wrong file types (by signature), NUL bytes, invalid UTF-8, and files over the size
 * limit. A UTF-8 byte order mark is dropped. Errors name the byte offset and the line, which the
 * decoder counts itself (LF bytes) because it runs ahead of the tokenizer.
 */

import { CsvError, formatCount } from "./errors";
import { assertLooksLikeText, SIGNATURE_BYTES } from "./sniff";

const LF = 0x0a;
const EMPTY = new Uint8Array(0);

export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  private readonly maxBytes: number;
  /** Bytes of the file consumed so far. */
  private offset = 0;
  /** Line breaks in the bytes consumed so far. */
  private lineBreaks = 0;
  /** Start of the file, held back until it is long enough to check its signature. */
  private head: Uint8Array | null = EMPTY;
  /** Trailing bytes of an incomplete multi-byte character, held inside the TextDecoder too. */
  private carry: Uint8Array = EMPTY;

  constructor(maxBytes: number) {
    this.maxBytes = maxBytes;
  }

  push(chunk: Uint8Array): string {
    if (this.head !== null) {
      const head = concat(this.head, chunk);
      if (head.length < SIGNATURE_BYTES) {
        this.head = head;
        return "";
      }
      this.head = null;
      assertLooksLikeText(head);
      return this.decodeChunk(head);
    }
    return this.decodeChunk(chunk);
  }

  end(): string {
    let text = "";
    if (this.head !== null) {
      assertLooksLikeText(this.head);
      text = this.decodeChunk(this.head);
      this.head = null;
    }
    try {
      return text + this.decoder.decode();
    } catch {
      const at = this.offset - this.carry.length;
      throw new CsvError(
        "invalid_utf8",
        `The file ends in the middle of a character (byte ${formatCount(at)}, line ${this.lineBreaks + 1}); it is truncated or not UTF-8. ` +
          `Export it again as CSV UTF-8.`,
        { line: this.lineBreaks + 1, byteOffset: at },
      );
    }
  }

  private decodeChunk(chunk: Uint8Array): string {
    if (this.offset + chunk.length > this.maxBytes) {
      throw new CsvError(
        "file_too_large",
        `The file is larger than the ${formatMegabytes(this.maxBytes)} limit. Split it into smaller files and import them one by one.`,
        { line: this.lineBreaks + 1 },
      );
    }
    const nul = chunk.indexOf(0);
    if (nul !== -1) {
      const line = this.lineBreaks + countLineBreaks(chunk, nul) + 1;
      throw new CsvError(
        "binary_content",
        `The file contains binary data (a NUL byte at byte ${formatCount(this.offset + nul)}, line ${line}), so it is not a text CSV. ` +
          `Export it from your spreadsheet as CSV UTF-8.`,
        { line, byteOffset: this.offset + nul },
      );
    }
    let text: string;
    try {
      text = this.decoder.decode(chunk, { stream: true });
    } catch {
      throw this.invalidUtf8(chunk);
    }
    this.carry = incompleteTail(this.carry, chunk);
    this.offset += chunk.length;
    this.lineBreaks += countLineBreaks(chunk, chunk.length);
    return text;
  }

  private invalidUtf8(chunk: Uint8Array): CsvError {
    const bytes = concat(this.carry, chunk);
    const bad = Math.max(0, firstInvalidUtf8(bytes));
    const at = this.offset - this.carry.length + bad;
    const line = this.lineBreaks + countLineBreaks(bytes, bad) + 1;
    return new CsvError(
      "invalid_utf8",
      `The file is not valid UTF-8 (byte ${formatCount(at)}, line ${line}). ` +
        `It was probably saved in another encoding such as Windows-1252: export it again as "CSV UTF-8".`,
      { line, byteOffset: at },
    );
  }
}

function formatMegabytes(bytes: number): string {
  return `${formatCount(Math.round((bytes / 1_048_576) * 10) / 10)} MB`;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length === 0) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

function countLineBreaks(bytes: Uint8Array, end: number): number {
  let count = 0;
  for (let i = bytes.indexOf(LF); i !== -1 && i < end; i = bytes.indexOf(LF, i + 1)) count++;
  return count;
}

function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  return 2;
}

/** The bytes of a character that `prev + chunk` (valid so far) leaves unfinished at its end. */
function incompleteTail(prev: Uint8Array, chunk: Uint8Array): Uint8Array {
  const bytes = chunk.length >= 3 ? chunk.subarray(chunk.length - 3) : concat(prev, chunk).slice(-3);
  for (let j = bytes.length - 1; j >= 0; j--) {
    if ((bytes[j] & 0xc0) === 0x80) continue;
    return bytes.length - j < sequenceLength(bytes[j]) ? bytes.slice(j) : EMPTY;
  }
  return EMPTY;
}

/**
 * Offset of the first byte that starts an invalid UTF-8 sequence, or -1. A sequence cut off by
 * the end of `bytes` is not invalid: the next chunk may complete it.
 */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let max = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = b === 0xe0 ? 0xa0 : 0x80; // no overlongs
      if (b === 0xed) max = 0x9f; // no UTF-16 surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = b === 0xf0 ? 0x90 : 0x80;
      if (b === 0xf4) max = 0x8f; // nothing above U+10FFFF
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length) return -1;
      const c = bytes[i + k];
      const lo = k === 1 ? min : 0x80;
      const hi = k === 1 ? max : 0xbf;
      if (c < lo || c > hi) return i;
    }
    i += need + 1;
  }
  return -1;
}
