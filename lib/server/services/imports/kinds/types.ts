import type { ColumnMapping } from "@/lib/imports/api-types";
import type { ExpectedField } from "@/lib/csv/header";
import type { DayOrder } from "@/lib/csv/dates";
import type { DecimalSeparator } from "@/lib/csv/values";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { SessionUser } from "@/lib/server/auth/session-user";
import type { Actor } from "@/lib/server/http/actor";

/**
 * The contract every kind of import fulfils. The framework (../run.ts, ../preview.ts) streams the
 * stored file, maps columns, and hands each row to the kind's session to parse and check, then
 * applies the parsed items in batches inside one transaction. A kind knows its columns, how to read
 * and resolve one row, its natural key (so a second import of the same file is a no-op), and how to
 * write a batch and undo it.
 */

/** Any Prisma client that can run queries: the shared client or an interactive transaction. */
export type Client = Prisma.TransactionClient;

export interface FieldSpec extends ExpectedField {
  label: string;
  /** A value for the downloadable template's example row. */
  example: string;
  help?: string;
}

/** A problem with one row, named by field key (the framework turns it into the file's column name). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface ParsedItem<Item> {
  /** Identifies the stored row the item writes; two rows of one file with the same key are an error. */
  key: string;
  item: Item;
}

export type RowOutcome<Item> = { ok: true; items: ParsedItem<Item>[] } | { ok: false; issues: FieldIssue[] };

export interface SessionOptions {
  actor: Actor;
  /** Null for an API token or the CLI (no per-team restriction). */
  user: SessionUser | null;
  timeZone: string;
  decimal: DecimalSeparator;
  dayOrder?: DayOrder;
  /** Create teams/metrics a row names but the organisation lacks; otherwise they are row errors. */
  createUnknown: boolean;
  importId: string | null;
  now: Date;
}

export interface ItemIssue {
  /** Index into the batch given to `apply`. */
  index: number;
  field: string;
  message: string;
}

/** A stored row's state before the import changed it; `before` null when the import created it. */
export interface BeforeImage {
  entityType: string;
  entityId: string;
  before: Prisma.InputJsonValue | null;
}

export interface ApplyResult {
  created: number;
  updated: number;
  unchanged: number;
  /** Items the database-side checks refused; the framework fails (atomic) or skips them. */
  issues: ItemIssue[];
  changes: BeforeImage[];
}

export interface KindSession<Item> {
  /** Options for the mapping editor (wide files add one per metric). */
  fieldOptions(): { key: string; label: string }[];
  /** Auto-match a header; `missing` lists required fields without a column. */
  match(header: readonly string[]): { mapping: ColumnMapping; missing: string[]; unmatched: string[] };
  parse(get: (field: string) => string | undefined, mapping: ColumnMapping): RowOutcome<Item>;
  /**
   * Writes a batch (items in file order) through `tx`. Must write nothing for an item it reports as
   * an issue; may be called again with the issues removed.
   */
  apply(items: Item[], tx: Client): Promise<ApplyResult>;
  /** After the transaction committed: refresh derived data (roll-ups, recomputes). */
  afterCommit?(): Promise<void>;
}

export interface ImportKind<Item> {
  key: string;
  label: string;
  description: string;
  /** Who may import it: admins only, or managers for their own teams too. */
  access: "admin" | "teamWriter";
  /** Its rows are people records (employee ids, exits): only admins see such an import, whoever uploaded it. */
  peopleData?: true;
  fields: FieldSpec[];
  open(client: Client, options: SessionOptions): Promise<KindSession<Item>>;
  /** Whether an admin can undo it (its writes record before-images). */
  undoable: boolean;
}
