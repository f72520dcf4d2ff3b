/**
 * Segments for comparisons: any set of teams named by a key — a team, a group (with its sub-groups),
 * a location, a sourcing model, or an origin (organic, or one acquisition). Pure; no I/O.
 */

export interface SegmentTeam {
  id: string;
  name: string;
  groupId: string;
  location: string;
  sourcing: string;
  origin: string;
  acquisitionName: string | null;
}

export interface SegmentGroup {
  id: string;
  name: string;
  parentId: string | null;
}

export type SegmentKind = "org" | "group" | "team" | "location" | "sourcing" | "origin";

export interface SegmentOption {
  key: string;
  label: string;
  kind: SegmentKind;
}

export interface Segment extends SegmentOption {
  teamIds: string[];
}

export const SOURCING_LABELS: Record<string, string> = { ONSHORE: "Onshore", NEARSHORE: "Nearshore", OFFSHORE: "Offshore", VENDOR: "Vendor" };

/** Group ids inside `groupId` (itself included), following parent links. */
export function groupDescendants(groupId: string, groups: SegmentGroup[]): Set<string> {
  const out = new Set([groupId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const g of groups) {
      if (g.parentId && out.has(g.parentId) && !out.has(g.id)) {
        out.add(g.id);
        grew = true;
      }
    }
  }
  return out;
}

/** Enclosing groups of a group, nearest first (itself excluded). */
export function groupAncestors(groupId: string, groups: SegmentGroup[]): string[] {
  const byId = new Map(groups.map((g) => [g.id, g]));
  const out: string[] = [];
  for (let cur = byId.get(groupId)?.parentId; cur && !out.includes(cur); cur = byId.get(cur)?.parentId) out.push(cur);
  return out;
}

export function segmentOptions(teams: SegmentTeam[], groups: SegmentGroup[]): SegmentOption[] {
  const sorted = (values: Iterable<string>) => [...new Set(values)].sort((a, b) => a.localeCompare(b));
  const acquisitions = sorted(teams.filter((t) => t.origin === "ACQUIRED" && t.acquisitionName).map((t) => t.acquisitionName as string));
  return [
    { key: "org", label: "Whole organisation", kind: "org" },
    ...groups.map((g): SegmentOption => ({ key: `group:${g.id}`, label: g.name, kind: "group" })),
    ...teams.map((t): SegmentOption => ({ key: `team:${t.id}`, label: t.name, kind: "team" })),
    ...sorted(teams.map((t) => t.location)).map((l): SegmentOption => ({ key: `location:${l}`, label: `Location: ${l}`, kind: "location" })),
    ...sorted(teams.map((t) => t.sourcing)).map((s): SegmentOption => ({ key: `sourcing:${s}`, label: `Sourcing: ${SOURCING_LABELS[s] ?? s}`, kind: "sourcing" })),
    ...(teams.some((t) => t.origin === "ORGANIC") ? [{ key: "origin:organic", label: "Origin: organic", kind: "origin" as const }] : []),
    ...acquisitions.map((a): SegmentOption => ({ key: `origin:acquired:${a}`, label: `Origin: acquired (${a})`, kind: "origin" })),
  ];
}

/** The teams a key names, or null for an unknown key. */
export function resolveSegment(key: string, teams: SegmentTeam[], groups: SegmentGroup[]): Segment | null {
  const option = segmentOptions(teams, groups).find((o) => o.key === key);
  const [kind, ...rest] = key.split(":");
  const value = rest.join(":");
  let members: SegmentTeam[];
  switch (kind) {
    case "org":
      members = teams;
      break;
    case "team":
      members = teams.filter((t) => t.id === value);
      break;
    case "group": {
      const inside = groupDescendants(value, groups);
      members = groups.some((g) => g.id === value) ? teams.filter((t) => inside.has(t.groupId)) : [];
      break;
    }
    case "location":
      members = teams.filter((t) => t.location === value);
      break;
    case "sourcing":
      members = teams.filter((t) => t.sourcing === value);
      break;
    case "origin":
      members = value === "organic" ? teams.filter((t) => t.origin === "ORGANIC") : teams.filter((t) => t.origin === "ACQUIRED" && (value === "acquired" || value === `acquired:${t.acquisitionName}`));
      break;
    default:
      return null;
  }
  if (!option && key !== "origin:acquired") return null;
  if (members.length === 0) return null;
  return { key, label: option?.label ?? "Origin: acquired (all)", kind: kind as SegmentKind, teamIds: members.map((t) => t.id) };
}
