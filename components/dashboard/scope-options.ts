/**
 * Options for the scope picker: the whole organisation, groups as an indented tree, then teams. Pure so
 * the ordering and indentation are tested without a browser.
 */
import type { ScopesResponse } from "@/lib/metrics/series-types";

export interface ScopeOption {
  value: string;
  label: string;
}

export interface ScopeOptionSets {
  org: ScopeOption;
  groups: ScopeOption[];
  teams: ScopeOption[];
}

// Native <select> options drop leading ASCII spaces; no-break spaces survive, so the tree stays visible.
const INDENT = "\u00A0\u00A0\u00A0";

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name);

export function scopeOptions(scopes: ScopesResponse | undefined): ScopeOptionSets {
  const org = { value: "org", label: "Whole organisation" };
  if (!scopes) return { org, groups: [], teams: [] };

  const ids = new Set(scopes.groups.map((g) => g.id));
  const children = new Map<string | null, ScopesResponse["groups"]>();
  for (const group of scopes.groups) {
    // A group whose parent is not visible is shown as a root rather than lost.
    const parent = group.parentId && ids.has(group.parentId) ? group.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), group]);
  }

  const groups: ScopeOption[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number) => {
    for (const group of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(group.id)) continue; // a cycle in bad data must not hang the page
      seen.add(group.id);
      groups.push({ value: `group:${group.id}`, label: `${INDENT.repeat(depth)}${group.name}` });
      walk(group.id, depth + 1);
    }
  };
  walk(null, 0);

  const teams = [...scopes.teams].sort(byName).map((t) => ({ value: `team:${t.id}`, label: t.name }));
  return { org, groups, teams };
}
