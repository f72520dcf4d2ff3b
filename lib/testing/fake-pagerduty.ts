import { startFakeProvider, type FakeProvider } from "./fake-provider";

/**
 * PagerDuty's REST API as the connector reads it (developer.pagerduty.com/api-reference, "List incidents"):
 * `GET /incidents` with `service_ids[]`, `since`/`until` (on the creation time), `sort_by`, and classic offset
 * pagination (`offset`, `limit`, `more`, `total`); `Authorization: Token token=…` required, otherwise 401 with
 * PagerDuty's error object. Incidents carry the documented fields (id, incident_number, title, status, urgency,
 * created_at, updated_at, last_status_change_at, resolved_at, service and priority references).
 */
export interface FakeIncident {
  id: string;
  incident_number: number;
  title: string;
  status: "triggered" | "acknowledged" | "resolved";
  urgency: "high" | "low";
  created_at: string;
  updated_at: string;
  last_status_change_at: string;
  resolved_at: string | null;
  service: { id: string; type: "service_reference"; summary: string; self: string; html_url: string };
  priority: { id: string; type: "priority_reference"; summary: string; self: string } | null;
}

export function pagerdutyIncident(input: {
  id: string;
  number: number;
  title: string;
  serviceId: string;
  serviceName: string;
  createdAt: string;
  resolvedAt?: string | null;
  status?: FakeIncident["status"];
  changedAt?: string;
  urgency?: FakeIncident["urgency"];
  priority?: string;
}): FakeIncident {
  const status = input.status ?? (input.resolvedAt ? "resolved" : "triggered");
  const changed = input.changedAt ?? input.resolvedAt ?? input.createdAt;
  return {
    id: input.id,
    incident_number: input.number,
    title: input.title,
    status,
    urgency: input.urgency ?? "high",
    created_at: input.createdAt,
    updated_at: changed,
    last_status_change_at: changed,
    resolved_at: status === "resolved" ? (input.resolvedAt ?? changed) : null,
    service: { id: input.serviceId, type: "service_reference", summary: input.serviceName, self: `https://api.pagerduty.com/services/${input.serviceId}`, html_url: `https://acme.pagerduty.com/service-directory/${input.serviceId}` },
    priority: input.priority ? { id: `PRI${input.priority}`, type: "priority_reference", summary: input.priority, self: `https://api.pagerduty.com/priorities/PRI${input.priority}` } : null,
  };
}

export interface FakePagerduty extends FakeProvider {
  incidents: FakeIncident[];
}

/** `maxLimit`: the largest page it serves (PagerDuty's is 100), small in tests so that pages follow one another. */
export async function startFakePagerduty(token: string, incidents: FakeIncident[], maxLimit = 100): Promise<FakePagerduty> {
  const state = { incidents };
  const server = await startFakeProvider({
    authorized: (h) => h.authorization === `Token token=${token}` && String(h.accept ?? "").includes("application/vnd.pagerduty+json;version=2"),
    unauthorized: { error: { message: "Unauthorized", code: 2006 } },
    route(url) {
      if (url.pathname !== "/incidents") return null;
      const q = url.searchParams;
      const services = q.getAll("service_ids[]");
      const since = Date.parse(q.get("since") ?? "1970-01-01T00:00:00Z");
      const until = Date.parse(q.get("until") ?? "2100-01-01T00:00:00Z");
      if (until - since > 180 * 86_400_000) return { status: 400, body: { error: { message: "Invalid Input Provided", code: 2001, errors: ["Date range cannot exceed 6 months."] } } };
      const limit = Math.min(Number(q.get("limit") ?? 25), maxLimit);
      const offset = Number(q.get("offset") ?? 0);
      const matching = state.incidents
        .filter((i) => (services.length === 0 || services.includes(i.service.id)) && Date.parse(i.created_at) >= since && Date.parse(i.created_at) < until)
        .sort((a, b) => (q.get("sort_by") === "created_at:desc" ? -1 : 1) * (Date.parse(a.created_at) - Date.parse(b.created_at)));
      const page = matching.slice(offset, offset + limit);
      return {
        body: { incidents: page, limit, offset, more: offset + limit < matching.length, total: q.get("total") === "true" ? matching.length : null },
        headers: { "ratelimit-limit": "960", "ratelimit-remaining": "959", "ratelimit-reset": "60" },
      };
    },
  });
  return Object.assign(server, state);
}
