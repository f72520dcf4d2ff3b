/**
 * The overview's view (scope, segment filter, range, granularity) as it appears in the URL, so a view can be shared.
 * Pure: read by the server page and by the client toolbar alike.
 */
import type { Granularity } from "@/lib/domain/time";
import { GRANULARITIES, RANGE_KEYS, type RangeKey, type ScopeParam } from "@/lib/metrics/series-types";
import { appendFilter, parseSegmentFilter, sameFilter, type SegmentFilter } from "@/lib/segments/segment-filter";

export interface OverviewParams {
  scope: ScopeParam;
  range: RangeKey;
  granularity: Granularity;
  /** Location, sourcing and origin filters; empty when the whole scope is shown. */
  filter: SegmentFilter;
}

export const DEFAULT_OVERVIEW_PARAMS: OverviewParams = { scope: "org", range: "6m", granularity: "week", filter: {} };

const SCOPE_PATTERN = /^(org|(group|team):[A-Za-z0-9_-]{1,64})$/;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function first(raw: RawParams, name: string): string | undefined {
  if (raw instanceof URLSearchParams) return raw.get(name) ?? undefined;
  const value = raw[name];
  return Array.isArray(value) ? value[0] : value;
}

function oneOf<T extends string>(value: string | undefined, allowed: readonly T[], fallback: T): T {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** Unknown or malformed values fall back to the defaults rather than failing the page. */
export function parseOverviewParams(raw: RawParams): OverviewParams {
  const scope = first(raw, "scope");
  return {
    scope: scope && SCOPE_PATTERN.test(scope) ? scope : DEFAULT_OVERVIEW_PARAMS.scope,
    range: oneOf(first(raw, "range"), RANGE_KEYS, DEFAULT_OVERVIEW_PARAMS.range),
    granularity: oneOf(first(raw, "granularity"), GRANULARITIES, DEFAULT_OVERVIEW_PARAMS.granularity),
    filter: parseSegmentFilter(raw),
  };
}

/** Query string for the API and the page URL; defaults are left out of the page URL to keep links short. */
export function overviewSearch(params: OverviewParams, { omitDefaults = false } = {}): string {
  const search = new URLSearchParams();
  for (const name of ["scope", "range", "granularity"] as const) {
    if (omitDefaults && params[name] === DEFAULT_OVERVIEW_PARAMS[name]) continue;
    search.set(name, params[name]);
  }
  return appendFilter(search, params.filter).toString();
}

export function sameOverviewParams(a: OverviewParams, b: OverviewParams): boolean {
  return a.scope === b.scope && a.range === b.range && a.granularity === b.granularity && sameFilter(a.filter, b.filter);
}
