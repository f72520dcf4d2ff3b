import { normaliseHeader } from "@/lib/csv/header";
import { teamRefRows } from "@/lib/server/data/imports/records";
import type { Client } from "./types";

/**
 * Looking up the teams and metrics a file names, by slug/key or by display name, tolerant of case,
 * accents and punctuation ("Payments Team" = "payments-team"). A name that two teams share is
 * ambiguous and reported, never guessed.
 */
export interface NamedRef {
  id: string;
  slug: string;
  name: string;
}

export class RefIndex<T extends NamedRef> {
  private readonly bySlug = new Map<string, T>();
  private readonly byId = new Map<string, T>();
  private readonly byName = new Map<string, T | "ambiguous">();

  constructor(rows: readonly T[]) {
    for (const row of rows) this.add(row);
  }

  add(row: T): void {
    this.bySlug.set(row.slug.toLowerCase(), row);
    this.byId.set(row.id, row);
    for (const name of [row.name, row.slug]) {
      const key = normaliseHeader(name);
      const existing = this.byName.get(key);
      this.byName.set(key, existing && existing !== row && existing !== "ambiguous" && existing.id !== row.id ? "ambiguous" : row);
    }
  }

  /** The row, or a message saying why none matches. */
  find(text: string, what: string): { row: T } | { error: string } {
    const exact = this.bySlug.get(text.trim().toLowerCase());
    if (exact) return { row: exact };
    const named = this.byName.get(normaliseHeader(text));
    if (named === "ambiguous") return { error: `More than one ${what} is called "${text}"; use its slug instead.` };
    if (named) return { row: named };
    return { error: `Unknown ${what} "${text}".` };
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  values(): T[] {
    return [...this.bySlug.values()];
  }
}

export interface TeamRef extends NamedRef {
  archived: boolean;
}

export async function loadTeams(client: Client): Promise<RefIndex<TeamRef>> {
  const teams = await teamRefRows(client);
  return new RefIndex(teams.map((t) => ({ id: t.id, slug: t.slug, name: t.name, archived: t.archivedAt !== null })));
}

/** "Payments Team" → "payments-team": the slug a created team or metric gets. */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
}
