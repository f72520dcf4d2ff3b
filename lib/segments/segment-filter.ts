/**
 * Dashboard filters by segment: location, sourcing model and origin, combinable with each other and with
 * the group or team scope. Each set filter is a segment key (`location:Berlin`, `sourcing:OFFSHORE`,
 * `origin:organic`, `origin:acquired:<name>`) as on the comparison page; the teams shown are those in every
 * one of them. Pure: used by the pages, the client hooks and the server alike.
 */
import { SOURCING_LABELS, type SegmentOption } from "./segments";

export const FILTER_NAMES = ["location", "sourcing", "origin"] as const;
export type FilterName = (typeof FILTER_NAMES)[number];

export type SegmentFilter = Partial<Record<FilterName, string>>;

export interface FilterInfo {
  /** e.g. "Location: Berlin · Sourcing: Offshore". */
  label: string;
  /** Teams that match the filter inside the scope (0: nothing to show). */
  teamCount: number;
}

/** Accepted forms of each filter value; anything else is refused (API) or ignored (page URL). */
export const FILTER_PATTERNS: Record<FilterName, RegExp> = {
  location: /^[^,]{1,80}$/,
  sourcing: /^(ONSHORE|NEARSHORE|OFFSHORE|VENDOR)$/,
  origin: /^(organic|acquired(:[^,]{1,80})?)$/,
};

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawParams, name: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
  const value = raw[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The filter in a page URL; malformed values are dropped rather than failing the page. */
export function parseSegmentFilter(raw: RawParams): SegmentFilter {
  const out: SegmentFilter = {};
  for (const name of FILTER_NAMES) {
    const value = first(raw, name)?.trim();
    if (value && FILTER_PATTERNS[name].test(value)) out[name] = value;
  }
  return out;
}

export function isFiltered(filter: SegmentFilter): boolean {
  return FILTER_NAMES.some((name) => Boolean(filter[name]));
}

export function sameFilter(a: SegmentFilter, b: SegmentFilter): boolean {
  return FILTER_NAMES.every((name) => (a[name] ?? "") === (b[name] ?? ""));
}

/** Segment keys of the set filters, in a fixed order. */
export function filterKeys(filter: SegmentFilter): string[] {
  return FILTER_NAMES.flatMap((name) => (filter[name] ? [`${name}:${filter[name]}`] : []));
}

export function filterValueLabel(name: FilterName, value: string): string {
  if (name === "sourcing") return SOURCING_LABELS[value] ?? value;
  if (name === "origin") return value === "organic" ? "organic" : value === "acquired" ? "acquired (all)" : `acquired (${value.slice("acquired:".length)})`;
  return value;
}

const NAME_LABELS: Record<FilterName, string> = { location: "Location", sourcing: "Sourcing", origin: "Origin" };

export function filterLabel(filter: SegmentFilter): string {
  return FILTER_NAMES.flatMap((name) => (filter[name] ? [`${NAME_LABELS[name]}: ${filterValueLabel(name, filter[name] as string)}`] : [])).join(" · ");
}

/** Adds the set filters to a query string. */
export function appendFilter(search: URLSearchParams, filter: SegmentFilter): URLSearchParams {
  for (const name of FILTER_NAMES) if (filter[name]) search.set(name, filter[name] as string);
  return search;
}

/** The filter choices, from the segment options the org's teams offer (GET /api/v1/segments). */
export function filterChoices(options: readonly SegmentOption[]): Record<FilterName, { value: string; label: string }[]> {
  const out: Record<FilterName, { value: string; label: string }[]> = { location: [], sourcing: [], origin: [] };
  for (const o of options) {
    if (o.kind !== "location" && o.kind !== "sourcing" && o.kind !== "origin") continue;
    const value = o.key.slice(o.kind.length + 1);
    if (o.kind === "origin" && value.startsWith("acquired:") && !out.origin.some((c) => c.value === "acquired")) {
      out.origin.push({ value: "acquired", label: filterValueLabel("origin", "acquired") });
    }
    out[o.kind].push({ value, label: filterValueLabel(o.kind, value) });
  }
  return out;
}
