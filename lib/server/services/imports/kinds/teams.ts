import "server-only";
import { formatDay } from "@/lib/domain/time";
import { groupRefRows, insertGroup, insertTeam, teamsBySlugs, updateTeamFields } from "@/lib/server/data/imports/records";
import { recordAudit, type AuditEntry } from "@/lib/server/services/audit";
import { refreshAllRollups } from "@/lib/server/services/rollups";
import { RowReader } from "./cells";
import { staticMatch } from "./match";
import { RefIndex, slugify } from "./refs";
import type { BeforeImage, FieldSpec, ImportKind, ItemIssue } from "./types";

/** Teams: slug (natural key), name, group, location, sourcing, origin, acquisition, time zone. */
export interface TeamItem {
  slug: string;
  name: string;
  group: string;
  location: string;
  sourcing: Sourcing;
  origin: "ORGANIC" | "ACQUIRED";
  acquisitionName: string | null;
  acquisitionDate: string | null;
  timeZone: string | null;
}

type Sourcing = "ONSHORE" | "NEARSHORE" | "OFFSHORE" | "VENDOR";
const SOURCINGS: readonly Sourcing[] = ["ONSHORE", "NEARSHORE", "OFFSHORE", "VENDOR"];

const FIELDS: FieldSpec[] = [
  { key: "slug", label: "Slug", aliases: ["team slug", "id", "key"], example: "payments" },
  { key: "name", label: "Name", aliases: ["team", "team name"], required: true, example: "Payments" },
  { key: "group", label: "Group", aliases: ["group slug", "group name", "department", "tribe"], required: true, example: "platform" },
  { key: "location", label: "Location", aliases: ["site", "office", "city"], example: "Berlin" },
  { key: "sourcing", label: "Sourcing", aliases: ["shore"], example: "ONSHORE" },
  { key: "origin", label: "Origin", aliases: [], example: "ORGANIC" },
  { key: "acquisitionName", label: "Acquisition", aliases: ["acquisition", "acquired company"], example: "" },
  { key: "acquisitionDate", label: "Acquisition date", aliases: ["acquired on"], example: "" },
  { key: "timeZone", label: "Time zone", aliases: ["tz", "timezone"], example: "Europe/Berlin" },
];

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export const teamsKind: ImportKind<TeamItem> = {
  key: "teams",
  label: "Teams",
  description: "slug, name, group (slug or name), location, sourcing (onshore/nearshore/offshore/vendor), origin (organic/acquired), acquisition, acquisition date, time zone.",
  access: "admin",
  undoable: true,
  fields: FIELDS,
  async open(client, options) {
    const groups = new RefIndex(await groupRefRows(client));
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
        const name = row.required("name", "The team name");
        const slug = row.text("slug") ? slugify(row.text("slug")) : name ? slugify(name) : "";
        const group = row.required("group", "The group");
        if (group && !options.createUnknown) {
          const found = groups.find(group, "group");
          if ("error" in found) row.issues.push({ field: "group", message: `${found.error} Import groups first, or choose "create unknown".` });
        }
        const sourcingText = row.text("sourcing").toUpperCase() || "ONSHORE";
        if (!(SOURCINGS as readonly string[]).includes(sourcingText)) row.issues.push({ field: "sourcing", message: `"${row.text("sourcing")}" is not a sourcing (use onshore, nearshore, offshore or vendor).` });
        const originText = row.text("origin").toUpperCase() || "ORGANIC";
        if (originText !== "ORGANIC" && originText !== "ACQUIRED") row.issues.push({ field: "origin", message: `"${row.text("origin")}" is not an origin (use organic or acquired).` });
        const acquisitionDate = row.date("acquisitionDate");
        const timeZone = row.text("timeZone") || null;
        if (timeZone && !isTimeZone(timeZone)) row.issues.push({ field: "timeZone", message: `"${timeZone}" is not a time zone (use e.g. Europe/Berlin).` });
        if (row.issues.length > 0 || !name || !group) return { ok: false, issues: row.issues };
        const item: TeamItem = {
          slug, name, group, location: row.text("location"), sourcing: sourcingText as Sourcing, origin: originText as TeamItem["origin"],
          acquisitionName: row.text("acquisitionName") || null, acquisitionDate, timeZone,
        };
        return { ok: true, items: [{ key: slug, item }] };
      },
      async apply(items, tx) {
        const issues: ItemIssue[] = [];
        const changes: BeforeImage[] = [];
        const audit: AuditEntry[] = [];
        let created = 0;
        let updated = 0;
        let unchanged = 0;
        const stored = new Map((await teamsBySlugs(items.map((i) => i.slug), tx)).map((t) => [t.slug, t]));
        const groupIds: string[] = [];
        for (const item of items) {
          const found = groups.find(item.group, "group");
          if ("row" in found) groupIds.push(found.row.id);
          else {
            const slug = slugify(item.group) || "group";
            const group = await insertGroup(slug, item.group, tx);
            groups.add({ id: group.id, slug, name: item.group });
            changes.push({ entityType: "Group", entityId: group.id, before: null });
            groupIds.push(group.id);
          }
        }
        for (const [i, item] of items.entries()) {
          const data = {
            name: item.name, groupId: groupIds[i], location: item.location, sourcing: item.sourcing, origin: item.origin,
            acquisitionName: item.acquisitionName, acquisitionDate: item.acquisitionDate ? new Date(item.acquisitionDate) : null, timeZone: item.timeZone,
          };
          const current = stored.get(item.slug);
          if (!current) {
            const team = await insertTeam({ slug: item.slug, ...data }, tx);
            changes.push({ entityType: "Team", entityId: team.id, before: null });
            audit.push({ action: "import", entityType: "Team", entityId: team.id, summary: `Team "${item.name}" created by an import`, after: item });
            created++;
            continue;
          }
          const before = {
            name: current.name, groupId: current.groupId, location: current.location, sourcing: current.sourcing, origin: current.origin,
            acquisitionName: current.acquisitionName, acquisitionDate: current.acquisitionDate ? formatDay(current.acquisitionDate) : null, timeZone: current.timeZone,
          };
          const after = { ...data, acquisitionDate: item.acquisitionDate };
          if (JSON.stringify(before) === JSON.stringify(after)) {
            unchanged++;
            continue;
          }
          await updateTeamFields(current.id, data, tx);
          changes.push({ entityType: "Team", entityId: current.id, before });
          audit.push({ action: "import", entityType: "Team", entityId: current.id, summary: `Team "${item.name}" updated by an import`, before, after });
          updated++;
        }
        if (audit.length > 0) structureChanged = true;
        await recordAudit(options.actor, audit, tx);
        return { created, updated, unchanged, issues, changes };
      },
    };
  },
};
