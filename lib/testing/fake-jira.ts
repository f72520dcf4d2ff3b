import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local Jira for connector tests, serving the documented response shapes of the calls the sync makes:
 * Cloud (REST v3, basic auth as email + API token; the enhanced search `GET /rest/api/3/search/jql` paged by
 * `nextPageToken` with `isLast`, `POST /rest/api/3/search/approximate-count`) or Server / Data Center (REST v2,
 * a Bearer personal access token; `GET /rest/api/2/search` paged by `startAt` with `total`), plus `myself`,
 * `status` and `issue/{key}/changelog` (PageBeanChangelog). Like Jira it pages with fewer results than asked
 * (3 issues, 2 changelog entries), reads JQL dates in the account's time zone, and answers 401 without the
 * credentials. It understands the JQL the connector writes: `project = X`, `project not in (…)`,
 * `type = X`, `updated >= "yyyy/MM/dd HH:mm"`; results are ordered by update, then key.
 */
export interface FakeJiraIssue {
  key: string;
  type: string;
  subtask?: boolean;
  hierarchyLevel?: number;
  summary: string;
  /** ISO instants. */
  created: string;
  updated: string;
  /** The status the issue was created in; `history` moves it on. */
  initialStatus: string;
  history: { at: string; to: string; field?: string }[];
  /** Custom fields, e.g. { customfield_10001: { value: "Platform" } }. */
  custom?: Record<string, unknown>;
}

export interface FakeJiraOptions {
  flavour: "cloud" | "server";
  token: string;
  email?: string;
  timeZone?: string;
  issues: FakeJiraIssue[];
}

export interface Fault {
  /** Matches the request path (and query). */
  match: RegExp;
  status: number;
  /** Matching requests to let through first. */
  skip?: number;
  /** How many matching requests fail once it applies. */
  times?: number;
}

export interface FakeJira {
  url: string;
  issues: FakeJiraIssue[];
  /** Every request: path, its JQL when it searched, and the status answered. */
  log: { path: string; jql: string | null; status: number }[];
  fault(fault: Fault): void;
  /** Runs `change` once, right after answering the first request matching `match` (an edit while a sync pages). */
  after(match: RegExp, change: () => void): void;
  close(): Promise<void>;
}

export const FAKE_STATUSES: Record<string, { id: string; category: "new" | "indeterminate" | "done" }> = {
  Backlog: { id: "10000", category: "new" },
  "To Do": { id: "10001", category: "new" },
  "In Progress": { id: "3", category: "indeterminate" },
  Implementing: { id: "10002", category: "indeterminate" },
  "In Review": { id: "10003", category: "indeterminate" },
  Done: { id: "10004", category: "done" },
  "Won't Do": { id: "10005", category: "done" },
};
const CATEGORY = { new: { id: 2, name: "To Do", colorName: "blue-gray" }, indeterminate: { id: 4, name: "In Progress", colorName: "yellow" }, done: { id: 3, name: "Done", colorName: "green" } };
const ISSUES_PER_PAGE = 3;
const CHANGES_PER_PAGE = 2;

/** Jira's own date-time form: `2026-11-02T09:00:00.000+0000`. */
const jiraTime = (iso: string) => new Date(iso).toISOString().replace("Z", "+0000");

function statusObject(base: string, name: string) {
  const s = FAKE_STATUSES[name] ?? { id: "1", category: "new" as const };
  return { self: `${base}/status/${s.id}`, description: "", iconUrl: `${base}/images/icons/statuses/generic.png`, name, id: s.id, statusCategory: { self: `${base}/statuscategory/${CATEGORY[s.category].id}`, key: s.category, ...CATEGORY[s.category] } };
}

/** The instant a wall-clock minute in `timeZone` stands for. */
function zonedInstant(text: string, timeZone: string): number {
  const [date, time] = text.split(" ");
  const [y, mo, d] = date!.split("/").map(Number);
  const [h, mi] = (time ?? "00:00").split(":").map(Number);
  const guess = Date.UTC(y!, mo! - 1, d!, h!, mi!);
  const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(guess).map((p) => [p.type, p.value]));
  const asZone = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute));
  return guess - (asZone - guess);
}

function matches(issue: FakeJiraIssue, jql: string, timeZone: string): boolean {
  const project = issue.key.replace(/-\d+$/, "");
  const eq = /\bproject\s*=\s*"?([A-Z][A-Z0-9_]*)"?/i.exec(jql);
  if (eq && eq[1] !== project) return false;
  const notIn = /\bproject\s+not\s+in\s*\(([^)]*)\)/i.exec(jql);
  if (notIn && notIn[1]!.split(",").map((p) => p.trim().replace(/"/g, "")).includes(project)) return false;
  const type = /\b(?:issue)?type\s*=\s*(?:"([^"]+)"|(\w+))/i.exec(jql);
  if (type && (type[1] ?? type[2])!.toLowerCase() !== issue.type.toLowerCase()) return false;
  const updated = /\bupdated\s*>=\s*"([^"]+)"/i.exec(jql);
  if (updated && Date.parse(issue.updated) < zonedInstant(updated[1]!, timeZone)) return false;
  return true;
}

function histories(issue: FakeJiraIssue) {
  let current = issue.initialStatus;
  return issue.history.map((h, index) => {
    const author = { accountId: "5b10a2844c20165700ede21g", displayName: "Mia Krystof", active: true };
    if (h.field === "assignee") {
      return { id: `${issue.key.length}${index}`, author, created: jiraTime(h.at), items: [{ field: "assignee", fieldtype: "jira", fieldId: "assignee", from: null, fromString: null, to: "5b10a2844c20165700ede21g", toString: h.to }] };
    }
    const from = current;
    current = h.to;
    return {
      id: `${issue.key.replace(/\D/g, "")}${index}`,
      author,
      created: jiraTime(h.at),
      items: [{ field: "status", fieldtype: "jira", fieldId: "status", from: FAKE_STATUSES[from]?.id ?? "1", fromString: from, to: FAKE_STATUSES[h.to]?.id ?? "1", toString: h.to }],
    };
  });
}

function issueJson(base: string, issue: FakeJiraIssue, fields: string[]) {
  const all = histories(issue);
  const statusNow = issue.history.filter((h) => h.field !== "assignee").at(-1)?.to ?? issue.initialStatus;
  const id = String(10_000 + Number(issue.key.replace(/\D/g, "")));
  const everything: Record<string, unknown> = {
    summary: issue.summary,
    issuetype: { self: `${base}/issuetype/1`, id: "1", name: issue.type, subtask: issue.subtask ?? false, hierarchyLevel: issue.hierarchyLevel ?? (issue.subtask ? -1 : 0) },
    project: { self: `${base}/project/1`, id: "10000", key: issue.key.replace(/-\d+$/, ""), name: issue.key.replace(/-\d+$/, ""), projectTypeKey: "software" },
    status: statusObject(base, statusNow),
    created: jiraTime(issue.created),
    updated: jiraTime(issue.updated),
    customfield_10001: null,
    ...issue.custom,
  };
  const wanted = fields.length > 0 ? fields : Object.keys(everything);
  return {
    expand: "operations,versionedRepresentations,editmeta,changelog,renderedFields",
    id,
    self: `${base}/issue/${id}`,
    key: issue.key,
    changelog: { startAt: 0, maxResults: CHANGES_PER_PAGE, total: all.length, histories: all.slice(0, CHANGES_PER_PAGE) },
    fields: Object.fromEntries(wanted.filter((f) => f in everything).map((f) => [f, everything[f]])),
  };
}

export async function startFakeJira(options: FakeJiraOptions): Promise<FakeJira> {
  const version = options.flavour === "cloud" ? "3" : "2";
  const timeZone = options.timeZone ?? "UTC";
  const faults: (Fault & { seen: number; failed: number })[] = [];
  const log: FakeJira["log"] = [];
  const changes: { match: RegExp; change: () => void }[] = [];
  const expectedAuth = options.flavour === "cloud" ? `Basic ${Buffer.from(`${options.email}:${options.token}`).toString("base64")}` : `Bearer ${options.token}`;

  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://fake");
      const base = `http://${req.headers.host}/rest/api/${version}`;
      const input: Record<string, string> = Object.fromEntries(url.searchParams);
      if (body) Object.assign(input, JSON.parse(body));
      const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
        log.push({ path: url.pathname, jql: input.jql ?? null, status });
        res.writeHead(status, { "content-type": "application/json;charset=UTF-8", ...headers });
        res.end(JSON.stringify(json));
        const due = changes.findIndex((c) => c.match.test(url.pathname + url.search));
        if (due >= 0) changes.splice(due, 1)[0]!.change();
      };
      if (req.headers.authorization !== expectedAuth) return send(401, { errorMessages: ["You are not authenticated. Authentication required to perform this operation."], errors: {} });
      const fault = faults.find((f) => f.match.test(url.pathname + url.search) && f.seen++ >= (f.skip ?? 0) && f.failed < (f.times ?? 1));
      if (fault) {
        fault.failed++;
        if (fault.status === 429) return send(429, { errorMessages: ["Rate limit exceeded."] }, { "retry-after": "1", "x-ratelimit-limit": "100", "x-ratelimit-remaining": "0" });
        return send(fault.status, { errorMessages: [`HTTP ${fault.status}`], errors: {} });
      }
      const api = `/rest/api/${version}`;
      const path = url.pathname;
      const found = () => options.issues.filter((i) => matches(i, input.jql ?? "", timeZone)).sort((a, b) => Date.parse(a.updated) - Date.parse(b.updated) || a.key.localeCompare(b.key, "en", { numeric: true }));
      const fields = (input.fields ?? "").split(",").filter(Boolean);
      const pageSize = (asked: string | undefined, cap: number) => Math.min(Number(asked ?? 50), cap);

      if (path === `${api}/myself`) return send(200, { self: `${base}/user?accountId=1`, accountId: "5b10a2844c20165700ede21g", emailAddress: options.email ?? "svc-pillars", displayName: "Pillars sync", active: true, timeZone, locale: "en_US" });
      if (path === `${api}/status`) return send(200, Object.keys(FAKE_STATUSES).map((name) => statusObject(base, name)));
      if (version === "3" && path === `${api}/search/approximate-count` && req.method === "POST") return send(200, { count: found().length });
      if (version === "3" && path === `${api}/search/jql`) {
        const all = found();
        const at = input.nextPageToken ? Number(Buffer.from(input.nextPageToken, "base64url").toString()) : 0;
        const page = all.slice(at, at + pageSize(input.maxResults, ISSUES_PER_PAGE));
        const next = at + page.length;
        const isLast = next >= all.length;
        return send(200, { issues: page.map((i) => issueJson(base, i, fields)), ...(isLast ? {} : { nextPageToken: Buffer.from(String(next)).toString("base64url") }), isLast });
      }
      if (version === "2" && path === `${api}/search`) {
        const all = found();
        const startAt = Number(input.startAt ?? 0);
        const maxResults = pageSize(input.maxResults, ISSUES_PER_PAGE);
        return send(200, { expand: "schema,names", startAt, maxResults, total: all.length, issues: all.slice(startAt, startAt + maxResults).map((i) => issueJson(base, i, fields)) });
      }
      const changelog = new RegExp(`^${api}/issue/([A-Z0-9_]+-\\d+)/changelog$`).exec(path);
      if (changelog) {
        const issue = options.issues.find((i) => i.key === changelog[1]);
        if (!issue) return send(404, { errorMessages: ["Issue does not exist or you do not have permission to see it."], errors: {} });
        const all = histories(issue);
        const startAt = Number(input.startAt ?? 0);
        const values = all.slice(startAt, startAt + pageSize(input.maxResults, CHANGES_PER_PAGE));
        const isLast = startAt + values.length >= all.length;
        return send(200, { self: `${base}${path.slice(api.length)}?startAt=${startAt}`, ...(isLast ? {} : { nextPage: `${base}${path.slice(api.length)}?startAt=${startAt + values.length}` }), maxResults: CHANGES_PER_PAGE, startAt, total: all.length, isLast, values });
      }
      send(404, { errorMessages: [`No fake for ${req.method} ${path}`], errors: {} });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    issues: options.issues,
    log,
    fault: (f) => faults.push({ ...f, seen: 0, failed: 0 }),
    after: (match, change) => changes.push({ match, change }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
