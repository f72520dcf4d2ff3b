import "server-only";
import { providerTime } from "@/lib/server/services/ingest/webhook-events";
import type { IncidentInput } from "@/lib/validation/ingest";
import { pagerdutyIncidentPage, type PagerdutyIncident } from "@/lib/validation/pagerduty-api";
import { advanceCursor, alreadySynced } from "./cursor";
import { expectOk, retryingFetch } from "./retry";
import type { SyncContext, SyncPage, Syncer } from "./types";

/**
 * PagerDuty: the incidents of each mapped PagerDuty service (`GET /incidents`, REST API v2) become incidents of
 * the Pillars service it maps to — open while triggered or acknowledged, resolved when PagerDuty resolved them.
 *
 * PagerDuty filters incidents by their creation time only (`since`/`until`, at most six months apart), so each
 * sync reads the incidents created from LOOKBACK_DAYS before the stream's cursor (an incident opened earlier and
 * resolved since is seen again) in windows of WINDOW_DAYS, and skips those unchanged since the cursor. Pages come
 * in creation order, not update order, so the cursor goes with the stream's last page only.
 *
 * @pagerduty/pdjs is not used: it reaches only `https://` hosts by name (or whole URLs), waits a fixed 20 s on a 429
 * whatever Retry-After / ratelimit-reset say, does not retry 5xx, and brings its own fetch; `retryingFetch` does
 * all of that as every connector does.
 */
const LOOKBACK_DAYS = 30;
const WINDOW_DAYS = 90;
const PAGE_SIZE = 100;
const DAY_MS = 86_400_000;

/** An incident as the ingestion API takes it: severity is the priority (P1…) when set, else the urgency. */
export function pagerdutyIncidentItem(incident: PagerdutyIncident, service: string): IncidentInput {
  const resolved = incident.status === "resolved";
  return {
    externalId: incident.id,
    service,
    title: incident.title ?? undefined,
    severity: incident.priority?.summary || incident.priority?.name || incident.urgency || undefined,
    openedAt: providerTime(incident.created_at) ?? incident.created_at,
    resolvedAt: resolved ? providerTime(incident.resolved_at ?? incident.last_status_change_at ?? incident.updated_at) : null,
  };
}

const changedAt = (i: PagerdutyIncident) => i.updated_at ?? i.last_status_change_at ?? i.created_at;

/** [from, until) cut into windows PagerDuty accepts. */
function windows(from: Date, until: Date): [Date, Date][] {
  const out: [Date, Date][] = [];
  for (let start = from.getTime(); start < until.getTime(); start += WINDOW_DAYS * DAY_MS) {
    out.push([new Date(start), new Date(Math.min(start + WINDOW_DAYS * DAY_MS, until.getTime()))]);
  }
  return out;
}

async function* serviceIncidents(ctx: SyncContext<"pagerduty">, call: typeof fetch, serviceId: string, service: string): AsyncIterable<SyncPage> {
  const stream = `${serviceId}:incidents`;
  const cursor = ctx.cursorOf(stream);
  const from = cursor ? new Date(Math.min(Date.parse(cursor.at), ctx.now.getTime()) - LOOKBACK_DAYS * DAY_MS) : ctx.since;
  // A minute past now: an incident opened while the sync runs is read next time, not half now.
  const spans = windows(from, new Date(ctx.now.getTime() + 60_000));
  const seen: { at: string; id: string }[] = [];
  for (const [index, [since, until]] of spans.entries()) {
    for (let offset = 0; ; ) {
      const query = new URLSearchParams({ since: since.toISOString(), until: until.toISOString(), sort_by: "created_at:asc", limit: String(PAGE_SIZE), offset: String(offset), time_zone: "UTC" });
      query.append("service_ids[]", serviceId);
      const response = await expectOk(
        await call(`${ctx.apiUrl}/incidents?${query}`, { headers: { authorization: `Token token=${ctx.token}`, accept: "application/vnd.pagerduty+json;version=2" } }),
        `PagerDuty GET /incidents (service ${serviceId})`,
      );
      const page = pagerdutyIncidentPage.parse(await response.json());
      const own = page.incidents.filter((i) => i.service.id === serviceId);
      const fresh = own.filter((i) => !alreadySynced(cursor, changedAt(i), i.id));
      seen.push(...fresh.map((i) => ({ at: changedAt(i), id: i.id })));
      const last = !page.more && index === spans.length - 1;
      yield {
        stream,
        cursor: last ? advanceCursor(cursor, seen) : null,
        incidents: fresh.map((i) => pagerdutyIncidentItem(i, service)),
        skipped: page.incidents.length - own.length,
      };
      if (!page.more || page.incidents.length === 0) break;
      // PagerDuty may answer fewer than asked for: the next page starts after the ones it says it sent.
      offset = (page.offset ?? offset) + (page.limit ?? page.incidents.length);
    }
  }
}

export const syncPagerduty: Syncer<"pagerduty"> = async function* (ctx) {
  const call = retryingFetch(ctx.sleep);
  const services = Object.entries(ctx.options.services);
  for (const [done, [serviceId, service]] of services.entries()) {
    yield* serviceIncidents(ctx, call, serviceId, service);
    await ctx.progress(done + 1, services.length);
  }
};
