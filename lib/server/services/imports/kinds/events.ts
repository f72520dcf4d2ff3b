import "server-only";
import type { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { canWriteTeam } from "@/lib/server/permissions";
import { recordAudit } from "@/lib/server/services/audit";
import { AffectedTeams } from "@/lib/server/services/delivery/affected";
import { recomputeAffected } from "@/lib/server/services/delivery/recompute";
import type { IngestResult } from "@/lib/server/services/ingest/batch";
import type { EventLookup } from "@/lib/server/data/imports/events";
import { transactionRunner } from "@/lib/server/data/runner";
import type { SqlRunner } from "@/lib/server/sql-runner";
import { RowReader } from "./cells";
import { staticMatch } from "./match";
import { loadTeams, type RefIndex, type TeamRef } from "./refs";
import type { BeforeImage, Client, FieldIssue, FieldSpec, ImportKind, SessionOptions } from "./types";

/**
 * The delivery event kinds (deployments, pull requests, incidents, work items): a row is read into the
 * ingestion API's input object and checked with the API's own schema, then written by the ingestion
 * writers through the import's transaction (transactionRunner), so natural keys, service creation and
 * derived columns are exactly those of the API. A row equal to what is stored is left alone (a second
 * import of a file is a no-op); the weeks the import touched are recomputed after the commit, as after
 * an ingest batch, and undo recomputes the weeks of the rows it removes or restores.
 */

/** A stored event as the import compares, records and restores it (JSON-safe, instants as ISO). */
export type EventImage = Record<string, Prisma.InputJsonValue | null>;

export interface StoredEvent {
  id: string;
  /** The service name, or the team slug for work items. */
  owner: string;
  externalId: string;
  teamId: string | null;
  updatedAt: Date;
  image: EventImage;
}

export type { EventLookup };

export interface EventSpec<Input extends { externalId: string }> {
  key: string;
  label: string;
  description: string;
  access: ImportKind<Input>["access"];
  entityType: string;
  fields: FieldSpec[];
  schema: z.ZodType<Input>;
  /** The row as the API's input object; cells that are empty are left out. */
  read(cells: EventCells): Record<string, unknown>;
  owner(input: Input): string;
  /** What the input stores, for comparison with the stored image (only the fields the input sets). */
  image(input: Input): EventImage;
  load(tx: Client, lookup: EventLookup): Promise<StoredEvent[]>;
  write(tx: SqlRunner, items: readonly Input[], affected: AffectedTeams): Promise<IngestResult>;
  /** Records the weeks a stored image counts in, for the recompute after an undo. */
  touch(tx: Client, affected: AffectedTeams, event: Pick<StoredEvent, "owner" | "teamId" | "image">): Promise<void>;
  /** Deletes a row the import created, by id. */
  remove(tx: Client, id: string): Promise<void>;
  /** Gives a row the import changed its before-image back. */
  restore(tx: Client, id: string, image: EventImage): Promise<void>;
}

/** Identity of the events keyed by service + external id. */
export const serviceEventRef = (r: { id: string; externalId: string; updatedAt: Date; service: { name: string; teamId: string | null } }) => ({
  id: r.id, owner: r.service.name, externalId: r.externalId, teamId: r.service.teamId, updatedAt: r.updatedAt,
});

/** Reading a row's cells in the shapes the ingestion API takes. */
export class EventCells {
  constructor(
    readonly row: RowReader,
    private readonly teams: RefIndex<TeamRef>,
    readonly options: SessionOptions,
  ) {}

  /** The trimmed text, or undefined when the cell is empty (the API's "not given"). */
  text(field: string): string | undefined {
    return this.row.text(field) || undefined;
  }

  /** An instant (ISO, Excel serial, or a local time in the organisation's zone) as ISO 8601. */
  instant(field: string): string | undefined {
    return this.row.instant(field)?.toISOString();
  }

  /** A list in one cell, split on `separator` (empty items dropped). */
  list(field: string, separator: RegExp): string[] | undefined {
    const text = this.row.text(field);
    return text === "" ? undefined : text.split(separator).map((s) => s.trim()).filter(Boolean);
  }

  /** A team by slug or name, as its slug; unknown, archived or not writable teams are row problems. */
  team(field: string): string | undefined {
    const text = this.row.text(field);
    if (text === "") return undefined;
    const found = this.teams.find(text, "team");
    if ("error" in found) {
      this.row.issues.push({ field, message: `${found.error} Create it first (Admin → Teams, or a teams import).` });
      return undefined;
    }
    if (found.row.archived) this.row.issues.push({ field, message: `The team "${found.row.name}" is archived.` });
    else if (this.options.user && !canWriteTeam(this.options.user, found.row.id)) {
      this.row.issues.push({ field, message: `You can only import data for the teams you manage, not "${found.row.name}".` });
    }
    return found.row.slug;
  }
}

const naturalKey = (owner: string, externalId: string) => `${owner}\u0000${externalId}`;

/** JSON with object keys sorted: jsonb returns keys in its own order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameImage(stored: EventImage, wanted: EventImage): boolean {
  return Object.keys(wanted).every((k) => canonical(stored[k]) === canonical(wanted[k]));
}

/** "must be …" from the API schema becomes "Finished at must be …."; zod's own messages stay as they are. */
function issueMessage(label: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${label} ${message}` : message;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function eventKind<Input extends { externalId: string }>(spec: EventSpec<Input>): ImportKind<Input> {
  const labelOf = new Map(spec.fields.map((f) => [f.key, f.label]));
  return {
    key: spec.key,
    label: spec.label,
    description: spec.description,
    access: spec.access,
    undoable: true,
    fields: spec.fields,
    async open(client, options) {
      const teams = await loadTeams(client);
      const affected = new AffectedTeams();
      return {
        fieldOptions: () => spec.fields.map((f) => ({ key: f.key, label: f.label })),
        match: (header) => staticMatch(header, spec.fields),
        parse(get) {
          const row = new RowReader(get, options);
          for (const field of spec.fields) if (field.required) row.required(field.key, field.label);
          const raw = spec.read(new EventCells(row, teams, options));
          if (row.issues.length > 0) return { ok: false, issues: row.issues };
          const parsed = spec.schema.safeParse(raw);
          if (!parsed.success) {
            const issues: FieldIssue[] = parsed.error.issues.map((i) => {
              const field = String(i.path[0] ?? "");
              return { field, message: issueMessage(labelOf.get(field) ?? field, i.message) };
            });
            return { ok: false, issues };
          }
          return { ok: true, items: [{ key: naturalKey(spec.owner(parsed.data), parsed.data.externalId), item: parsed.data }] };
        },
        async apply(items, tx) {
          const keyOf = (input: Input) => naturalKey(spec.owner(input), input.externalId);
          const lookup = (list: Input[]) => ({ owners: [...new Set(list.map(spec.owner))], externalIds: [...new Set(list.map((i) => i.externalId))] });
          const stored = new Map((await spec.load(tx, lookup(items))).map((s) => [naturalKey(s.owner, s.externalId), s]));
          const fresh = items.filter((i) => {
            const current = stored.get(keyOf(i));
            return !current || !sameImage(current.image, spec.image(i));
          });
          const unchanged = items.length - fresh.length;
          if (fresh.length === 0) return { created: 0, updated: 0, unchanged, issues: [], changes: [] };

          // Services the rows name are found or created as by the API; they stay (with their team) after an undo.
          await spec.write(transactionRunner(tx), fresh, affected);
          const changes: BeforeImage[] = [];
          const createdItems = fresh.filter((i) => !stored.has(keyOf(i)));
          const createdRows = createdItems.length > 0 ? await spec.load(tx, lookup(createdItems)) : [];
          const createdIds = new Map(createdRows.map((s) => [naturalKey(s.owner, s.externalId), s.id]));
          for (const item of fresh) {
            const before = stored.get(keyOf(item));
            if (before) changes.push({ entityType: spec.entityType, entityId: before.id, before: before.image });
            else changes.push({ entityType: spec.entityType, entityId: createdIds.get(keyOf(item)) as string, before: null });
          }
          const created = createdItems.length;
          const updated = fresh.length - created;
          await recordAudit(options.actor, { action: "import", entityType: spec.entityType, entityId: options.importId ?? "import", summary: `${spec.label}: ${created} created, ${updated} updated` }, tx);
          return { created, updated, unchanged, issues: [], changes };
        },
        afterCommit: async () => {
          await recomputeAffected(affected);
        },
      };
    },
  };
}

/** Prisma's DateTime as the ISO text an image keeps. */
export const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

/** An ISO instant from the API input, normalised as the database returns it ("…Z" with milliseconds). */
export const isoOf = (value: string | null | undefined): string | null => (value ? new Date(value).toISOString() : null);

/** An image's instants, for the recompute. */
export const instants = (image: EventImage, ...keys: string[]): (Date | null)[] =>
  keys.map((k) => (typeof image[k] === "string" ? new Date(image[k] as string) : null));

export interface UndoOutcome {
  restored: number;
  deleted: number;
}

/**
 * Undoing one event row an import wrote: refused when something newer changed it; otherwise a created
 * row is deleted and a changed one gets its before-image back. The weeks of both versions go into
 * `affected` for the recompute after the undo commits.
 */
export type EventStore = Pick<EventSpec<never>, "entityType" | "load" | "touch" | "remove" | "restore">;

export async function undoEvent(
  spec: EventStore,
  tx: Client,
  change: { entityId: string; before: Prisma.JsonValue | null },
  finishedAt: Date,
  blocked: string[],
  affected: AffectedTeams,
): Promise<UndoOutcome> {
  const [current] = await spec.load(tx, { ids: [change.entityId] });
  if (!current) return { restored: 0, deleted: 0 };
  if (current.updatedAt > finishedAt) {
    blocked.push(`${spec.entityType} "${current.externalId}" of ${current.owner} was changed after the import.`);
    return { restored: 0, deleted: 0 };
  }
  await spec.touch(tx, affected, current);
  if (change.before === null) {
    await spec.remove(tx, current.id);
    return { restored: 0, deleted: 1 };
  }
  const before = change.before as EventImage;
  await spec.restore(tx, current.id, before);
  await spec.touch(tx, affected, { ...current, image: before });
  return { restored: 1, deleted: 0 };
}
