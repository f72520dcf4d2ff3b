/**
 * Matching an uploaded file's header to the fields an importer expects, tolerant of the ways
 * people write the same column name ("Team Name ", "team_name", "TEAM-NAME", "Équipe").
 */

/** A comparison key: lower case, accents dropped, everything but letters and digits removed. */
export function normaliseHeader(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");
}

export interface ExpectedField<K extends string = string> {
  key: K;
  /** Other names people use for this column; the key itself always matches. */
  aliases?: readonly string[];
  required?: boolean;
}

export interface HeaderColumn {
  /** 0-based position in the header. */
  index: number;
  name: string;
}

export interface ColumnMatch<K extends string> {
  /** Field key → 0-based column index. */
  columns: Partial<Record<K, number>>;
  /** Header columns no expected field claimed (ignored by the import, shown to the person). */
  unmatched: HeaderColumn[];
  /** Required fields with no column. */
  missing: K[];
  /** Fields claimed by more than one column: the import cannot know which one to use. */
  duplicates: { key: K; columns: HeaderColumn[] }[];
}

export function matchColumns<K extends string>(header: readonly string[], expected: readonly ExpectedField<K>[]): ColumnMatch<K> {
  const keyByName = new Map<string, K>();
  for (const field of expected) {
    for (const name of [field.key, ...(field.aliases ?? [])]) {
      const normalised = normaliseHeader(name);
      const owner = keyByName.get(normalised);
      if (owner !== undefined && owner !== field.key) {
        throw new Error(`Column alias "${name}" is claimed by both "${owner}" and "${field.key}"`);
      }
      keyByName.set(normalised, field.key);
    }
  }

  const claims = new Map<K, HeaderColumn[]>();
  const unmatched: HeaderColumn[] = [];
  header.forEach((name, index) => {
    const key = keyByName.get(normaliseHeader(name));
    if (key === undefined) {
      unmatched.push({ index, name });
      return;
    }
    const list = claims.get(key) ?? [];
    list.push({ index, name });
    claims.set(key, list);
  });

  const columns: Partial<Record<K, number>> = {};
  const duplicates: ColumnMatch<K>["duplicates"] = [];
  for (const [key, list] of claims) {
    if (list.length === 1) columns[key] = list[0].index;
    else duplicates.push({ key, columns: list });
  }
  const missing = expected.filter((f) => f.required && !claims.has(f.key)).map((f) => f.key);
  return { columns, unmatched, missing, duplicates };
}
