/**
 * Segments for comparisons: any set of teams named by a key — a team, a group (with its sub-groups),
 * a location, a sourcing model, or an origin (organic, or one acquisition). Pure; no I/O.
 */
import { applyAnonymity, type WithholdReason } from "@/lib/domain/anonymity";

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

export interface SampleGroup {
  key: string;
  teamIds: string[];
}

/**
 * Which compared segments to withhold in one period of a people or survey metric. `samples` gives each
 * team's respondents (or headcount) in the period. `context` holds groups a viewer can already see
 * elsewhere — the organisation and the enclosing groups of compared teams and groups — so a segment is
 * withheld when it is too small or when subtracting it from a visible group would single out fewer than
 * `threshold` people (lib/domain/anonymity.ts). Only verdicts for `items` are returned.
 */
export function withheldSegments(
  items: SampleGroup[],
  context: SampleGroup[],
  samples: Map<string, number>,
  threshold: number,
): Map<string, WithholdReason> {
  const countOf = (ids: readonly string[]) => ids.reduce((n, id) => n + (samples.get(id) ?? 0), 0);
  const seen = new Set<string>();
  const groups = [...context, ...items]
    .filter((g) => (seen.has(g.key) ? false : (seen.add(g.key), true)))
    .map((g) => ({ key: g.key, memberIds: g.teamIds, count: countOf(g.teamIds) }));
  const verdicts = applyAnonymity(groups, threshold, countOf);
  const out = new Map<string, WithholdReason>();
  for (const v of verdicts) if (!v.shown && v.reason && items.some((i) => i.key === v.key)) out.set(v.key, v.reason);
  return out;
}
