import "server-only";

/**
 * A stream's position: the provider's `updated` instant of the newest item committed, and the ids of the items
 * updated at exactly that instant. Providers' `since`/`updated_after` filters are inclusive, so the next sync sees
 * those items again; the ids let it skip them, so a sync with nothing new writes nothing, and an item updated in
 * the same second as the cursor but not yet committed is still taken.
 */
export interface StreamCursor {
  at: string;
  ids: string[];
}

/** Whether the item (updated at `at`, with provider id `id`) was already committed under `cursor`. */
export function alreadySynced(cursor: StreamCursor | null, at: string, id: string): boolean {
  if (!cursor) return false;
  const t = Date.parse(at);
  const c = Date.parse(cursor.at);
  return t < c || (t === c && cursor.ids.includes(id));
}

/** The cursor after committing `items` (in any order) on top of `cursor`. */
export function advanceCursor(cursor: StreamCursor | null, items: readonly { at: string; id: string }[]): StreamCursor | null {
  let best = cursor ? { t: Date.parse(cursor.at), at: cursor.at, ids: new Set(cursor.ids) } : null;
  for (const item of items) {
    const t = Date.parse(item.at);
    if (Number.isNaN(t)) continue;
    if (!best || t > best.t) best = { t, at: new Date(t).toISOString(), ids: new Set([item.id]) };
    else if (t === best.t) best.ids.add(item.id);
  }
  return best ? { at: best.at, ids: [...best.ids].sort() } : null;
}
