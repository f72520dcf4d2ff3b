/**
 * RFC 4180 tokenizer that keeps its state between chunks, so text can be fed in pieces of any
 * size (a quote, a doubled quote or a CRLF may be split across two pieces) and nothing but the
 * record being built is held in memory.
 *
 * Leniencies, chosen because real exports do these things:
 * - a quote inside an unquoted field is kept literally (`5" screen`);
 * - spaces or tabs between a closing quote and the delimiter are ignored;
 * - a lone CR ends a line like LF and CRLF do (old Mac exports).
 */

import { CsvError, formatCount } from "./errors";

export interface RawRecord {
  /** 1-based physical line on which the record starts. */
  line: number;
  fields: string[];
}

export interface TokenizerLimits {
  maxFieldLength: number;
  maxRecordLength: number;
}

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;
const TAB = 9;

const FIELD_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3; // saw `"` inside a quoted field: either a doubled quote or the close
const AFTER_QUOTED = 4; // closed, skipping whitespace up to the delimiter

export class CsvTokenizer {
  private readonly delimiter: number;
  private readonly limits: TokenizerLimits;

  private state = FIELD_START;
  private fields: string[] = [];
  /** Text of the current field carried over from earlier pieces (or earlier quote segments). */
  private fieldBuf = "";
  private recordLength = 0;
  /** The line the parser is on now. */
  private line = 1;
  private recordLine = 1;
  private quoteLine = 1;
  /** A record just ended on CR: an LF that follows belongs to the same line break. */
  private skipLF = false;
  private prevPieceEndedWithCR = false;

  constructor(delimiter: string, limits: TokenizerLimits) {
    this.delimiter = delimiter.charCodeAt(0);
    this.limits = limits;
  }

  /** The physical line the tokenizer has reached (used to locate byte-level errors). */
  get currentLine(): number {
    return this.line;
  }

  /** Feeds the next piece of text and returns the records it completed. */
  push(text: string): RawRecord[] {
    const out: RawRecord[] = [];
    const delim = this.delimiter;
    const n = text.length;
    let state = this.state;
    let segStart = 0;

    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (this.skipLF) {
        this.skipLF = false;
        if (c === LF) continue;
      }
      switch (state) {
        case FIELD_START:
          if (c === QUOTE) {
            state = QUOTED;
            segStart = i + 1;
            this.quoteLine = this.line;
          } else if (c === delim) {
            this.pushField("");
          } else if (c === CR || c === LF) {
            this.pushField("");
            this.endRecord(out, c);
          } else {
            state = UNQUOTED;
            segStart = i;
          }
          break;
        case UNQUOTED:
          if (c === delim) {
            this.pushField(this.fieldBuf + text.slice(segStart, i));
            state = FIELD_START;
          } else if (c === CR || c === LF) {
            this.pushField(this.fieldBuf + text.slice(segStart, i));
            this.endRecord(out, c);
            state = FIELD_START;
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.fieldBuf += text.slice(segStart, i);
            state = QUOTE_IN_QUOTED;
          } else if (c === CR) {
            this.line++;
          } else if (c === LF) {
            const prevIsCR = i > 0 ? text.charCodeAt(i - 1) === CR : this.prevPieceEndedWithCR;
            if (!prevIsCR) this.line++;
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.fieldBuf += '"';
            segStart = i + 1;
            state = QUOTED;
          } else {
            state = this.afterClosingQuote(c, out);
          }
          break;
        case AFTER_QUOTED:
          state = this.afterClosingQuote(c, out);
          break;
      }
    }

    if (state === UNQUOTED || state === QUOTED) {
      this.fieldBuf += text.slice(segStart);
      this.checkOpenField(state === QUOTED);
    }
    this.state = state;
    if (n > 0) this.prevPieceEndedWithCR = text.charCodeAt(n - 1) === CR;
    return out;
  }

  /** Flushes the last record once the input is exhausted. */
  end(): RawRecord[] {
    const out: RawRecord[] = [];
    switch (this.state) {
      case QUOTED:
        throw new CsvError(
          "unterminated_quote",
          `Line ${this.quoteLine}: a quoted value in column ${this.fields.length + 1} is never closed, ` +
            `so the rest of the file was read as part of it. Add the missing closing quote (") or remove the opening one.`,
          { line: this.quoteLine, column: this.fields.length + 1 },
        );
      case UNQUOTED:
      case QUOTE_IN_QUOTED:
      case AFTER_QUOTED:
        this.pushField(this.fieldBuf);
        this.emit(out);
        break;
      case FIELD_START:
        // "a,b," at EOF has a final empty field; a file ending in a newline has no extra record.
        if (this.fields.length > 0) {
          this.pushField("");
          this.emit(out);
        }
        break;
    }
    this.state = FIELD_START;
    return out;
  }

  private afterClosingQuote(c: number, out: RawRecord[]): number {
    if (c === this.delimiter) {
      this.pushField(this.fieldBuf);
      return FIELD_START;
    }
    if (c === CR || c === LF) {
      this.pushField(this.fieldBuf);
      this.endRecord(out, c);
      return FIELD_START;
    }
    if (c === SPACE || c === TAB) return AFTER_QUOTED;
    const column = this.fields.length + 1;
    throw new CsvError(
      "text_after_quote",
      `Line ${this.line}, column ${column}: there is text after the closing quote of a quoted value. ` +
        `Inside a quoted value a quote must be doubled (""), or the value must not start with a quote.`,
      { line: this.line, column },
    );
  }

  private pushField(value: string): void {
    this.fieldBuf = "";
    if (value.length > this.limits.maxFieldLength) this.fieldTooLong(false);
    this.recordLength += value.length + 1;
    if (this.recordLength > this.limits.maxRecordLength) this.recordTooLong();
    this.fields.push(value);
  }

  /** Limits apply while a field is still open, so an unclosed quote fails fast instead of swallowing the file. */
  private checkOpenField(inQuotes: boolean): void {
    if (this.fieldBuf.length > this.limits.maxFieldLength) this.fieldTooLong(inQuotes);
    if (this.recordLength + this.fieldBuf.length > this.limits.maxRecordLength) this.recordTooLong();
  }

  private endRecord(out: RawRecord[], terminator: number): void {
    this.emit(out);
    this.line++;
    if (terminator === CR) this.skipLF = true;
    this.recordLine = this.line;
  }

  private emit(out: RawRecord[]): void {
    out.push({ line: this.recordLine, fields: this.fields });
    this.fields = [];
    this.recordLength = 0;
  }

  private fieldTooLong(inQuotes: boolean): never {
    const column = this.fields.length + 1;
    const hint = inQuotes ? ' This usually means a quote (") was opened and never closed.' : "";
    throw new CsvError(
      "field_too_long",
      `Line ${this.recordLine}, column ${column}: a value is longer than ${formatCount(this.limits.maxFieldLength)} characters.${hint}`,
      { line: this.recordLine, column },
    );
  }

  private recordTooLong(): never {
    throw new CsvError(
      "record_too_long",
      `Line ${this.recordLine}: the row is longer than ${formatCount(this.limits.maxRecordLength)} characters. ` +
        `Check for an unclosed quote (") or a file that is not line-based CSV.`,
      { line: this.recordLine },
    );
  }
}
