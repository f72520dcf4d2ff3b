import "server-only";
import { groupTreeRows, insertGroups, updateGroupPlacement } from "@/lib/server/data/imports/records";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { RowReader } from "./cells";
import { staticMatch } from "./match";
import { RefIndex, slugify, type NamedRef } from "./refs";
import type { BeforeImage, FieldSpec, ImportKind, ItemIssue } from "./types";

/** The group tree: slug (natural key), name, parent group (slug or name, in the file or already stored). */
export interface GroupItem {
  slug: string;
  name: string;
  parent: string | null;
}

interface StoredGroup extends NamedRef {
  parentId: string | null;
}

const FIELDS: FieldSpec[] = [
  { key: "slug", label: "Slug", aliases: ["group slug", "id", "key"], example: "platform" },
  { key: "name", label: "Name", aliases: ["group", "group name"], required: true, example: "Platform" },
  { key: "parent", label: "Parent group", aliases: ["parent slug", "parent name", "parent group", "division"], example: "engineering" },
];

export const groupsKind: ImportKind<GroupItem> = {
  key: "groups",
  label: "Groups",
  description: "The group tree: slug, name and parent group (slug or name). Parents may appear anywhere in the file.",
  access: "admin",
  undoable: true,
  fields: FIELDS,
  async open(client, options) {
    const stored = await groupTreeRows(client);
    const index = new RefIndex<StoredGroup>(stored);
    // The groups stored and those this import created, by slug and by id (a file may hold tens of thousands).
    const bySlug = new Map(stored.map((g) => [g.slug, g]));
    const byId = new Map(stored.map((g) => [g.id, g]));
    let structureChanged = false;
    return {
      // Group and org roll-ups depend on which teams sit in which groups.
      afterCommit: async () => {
        if (structureChanged) await refreshAllRollups();
      },
      fieldOptions: () => FIELDS.map((f) => ({ key: f.key, label: f.label })),
      match: (header) => staticMatch(header, FIELDS),
      parse(get) {
        const row = new RowReader(get, options);
        const name = row.required("name", "The group name");
        const slug = row.text("slug") ? slugify(row.text("slug")) : name ? slugify(name) : "";
        if (name && !slug) row.issues.push({ field: "slug", message: "The slug needs at least one letter or digit." });
        if (row.issues.length > 0 || !name) return { ok: false, issues: row.issues };
        const parent = row.text("parent") || null;
        return { ok: true, items: [{ key: slug, item: { slug, name, parent } }] };
      },
      async apply(items, tx) {
        const issues: ItemIssue[] = [];
        const batchNames = new RefIndex(items.map((i) => ({ id: `new:${i.slug}`, slug: i.slug, name: i.name })));
        items.forEach((item, i) => {
          if (!item.parent) return;
          const found = index.find(item.parent, "group");
          if ("row" in found) return;
          if ("row" in batchNames.find(item.parent, "group")) return;
          issues.push({ index: i, field: "parent", message: `${found.error} Add it to the file or create it first.` });
        });
        if (issues.length > 0) return { created: 0, updated: 0, unchanged: 0, issues, changes: [] };

        const changes: BeforeImage[] = [];
        const audit: AuditEntry[] = [];
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        const idOf = new Map<string, string>();
        const fresh = new Map<string, GroupItem>();
        for (const item of items) {
          const existing = bySlug.get(item.slug);
          if (existing) idOf.set(item.slug, existing.id);
          else if (!fresh.has(item.slug)) fresh.set(item.slug, item);
        }
        const createdIds = new Set<string>();
        const insertedIds = await insertGroups([...fresh.values()], tx);
        for (const item of fresh.values()) {
          const id = insertedIds.get(item.slug) as string;
          const row: StoredGroup = { id, slug: item.slug, name: item.name, parentId: null };
          stored.push(row);
          bySlug.set(row.slug, row);
          byId.set(id, row);
          index.add(row);
          idOf.set(item.slug, id);
          createdIds.add(id);
          changes.push({ entityType: "Group", entityId: id, before: null });
          audit.push({ action: "import", entityType: "Group", entityId: id, summary: `Group "${item.name}" created by an import`, after: item });
          created++;
        }
        const parentIds = new Map<string, string>(stored.map((g) => [g.id, g.parentId ?? ""]));
        for (const item of items) {
          const id = idOf.get(item.slug) as string;
          const parentId = item.parent ? (lookup(index, item.parent) ?? idOf.get(slugify(item.parent)) ?? null) : null;
          parentIds.set(id, parentId ?? "");
        }
        items.forEach((item, i) => {
          if (formsCycle(idOf.get(item.slug) as string, parentIds)) issues.push({ index: i, field: "parent", message: `Making "${item.parent}" the parent of "${item.name}" would put the group inside itself.` });
        });
        if (issues.length > 0) return { created, updated: 0, unchanged: 0, issues, changes };
        for (const item of items) {
          const id = idOf.get(item.slug) as string;
          const current = byId.get(id) as StoredGroup;
          const parentId = parentIds.get(id) || null;
          const isNew = createdIds.has(id);
          if (current.name === item.name && current.parentId === parentId) {
            if (!isNew) unchanged++;
            continue;
          }
          await updateGroupPlacement(id, item.name, parentId, tx);
          if (!isNew) {
            changes.push({ entityType: "Group", entityId: id, before: { name: current.name, parentId: current.parentId } });
            audit.push({ action: "import", entityType: "Group", entityId: id, summary: `Group "${item.name}" updated by an import`, before: { name: current.name, parentId: current.parentId }, after: { name: item.name, parentId } });
            updated++;
          }
          current.name = item.name;
          current.parentId = parentId;
        }
        if (audit.length > 0) structureChanged = true;
        await recordAudit(options.actor, audit, tx);
        return { created, updated, unchanged, issues: [], changes };
      },
    };
  },
};

function lookup(index: RefIndex<StoredGroup>, text: string): string | null {
  const found = index.find(text, "group");
  return "row" in found ? found.row.id : null;
}

/** True when following parents from `id` comes back to it. */
export function formsCycle(id: string, parentOf: Map<string, string>): boolean {
  const seen = new Set<string>();
  for (let cur = parentOf.get(id); cur; cur = parentOf.get(cur)) {
    if (cur === id) return true;
    if (seen.has(cur)) return false;
    seen.add(cur);
  }
  return false;
}
