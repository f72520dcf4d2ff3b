import "server-only";
import { Version2Client, Version3Client } from "jira.js";
import { ProviderError, retryingFetch } from "./retry";

/**
 * The Jira calls the sync makes, through jira.js. Which API a connector speaks follows from its credentials,
 * with no probing call: an account email means Jira Cloud (REST v3, an API token only works there, with basic
 * auth as that account, and its issue search is the enhanced `/rest/api/3/search/jql`, paged by
 * `nextPageToken` — the older `/rest/api/3/search` is retired); no email means Jira Server / Data Center
 * (REST v2, a personal access token sent as a Bearer token, `/rest/api/2/search` paged by `startAt`). jira.js
 * sends through axios's fetch adapter with the connectors' `retryingFetch`, so a 429 waits out its
 * Retry-After and a 5xx is retried exactly as for the other providers.
 */
export interface JiraChangeItem {
  field: string;
  fieldId?: string;
  from?: string | null;
  fromString?: string | null;
  to?: string | null;
  toString?: string | null;
}
export interface JiraHistory {
  id?: string;
  created: string;
  items: JiraChangeItem[];
}
export interface JiraStatus {
  id?: string;
  name: string;
  statusCategory?: { key?: string; name?: string };
}
export interface JiraIssue {
  key: string;
  fields: {
    summary?: string;
    created: string;
    updated: string;
    issuetype?: { name?: string; subtask?: boolean; hierarchyLevel?: number };
    project?: { key?: string };
    status?: JiraStatus;
    [field: string]: unknown;
  };
  changelog?: { startAt?: number; maxResults?: number; total?: number; histories?: JiraHistory[] };
}

export interface JiraApi {
  flavour: "cloud" | "server";
  /** The account's time zone: JQL reads dates in it. */
  timeZone(): Promise<string>;
  /** Every status with its category key (new, indeterminate, done), by id and by lower-case name. */
  statusCategories(): Promise<Map<string, string>>;
  /** How many issues match, when Jira says (Cloud: approximate). */
  count(jql: string): Promise<number | null>;
  /** One page of issues with their changelogs; `page` is null for the first. */
  search(jql: string, fields: string[], page: string | null): Promise<{ issues: JiraIssue[]; next: string | null }>;
  /** An issue's whole changelog, oldest first. */
  changelog(key: string): Promise<JiraHistory[]>;
}

const PAGE_SIZE = 100;

/** A jira.js failure as a ProviderError naming the call and status (jira.js's own message may quote the request). */
async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ProviderError) throw error;
    const status = (error as { status?: unknown }).status;
    if (typeof status === "number") {
      const hint = status === 401 ? " (check the token and, for Jira Cloud, the account email)" : status === 403 ? " (the account lacks Browse projects)" : status === 404 ? " (not found, or not visible to the account)" : "";
      throw new ProviderError(`Jira ${what}: HTTP ${status}${hint}`, status);
    }
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof ProviderError) throw cause;
    throw new ProviderError(`Jira ${what}: ${error instanceof Error ? error.message : String(error)}`, null);
  }
}

export function jiraApi(apiUrl: string, token: string, email: string | null, sleep: (ms: number) => Promise<void>): JiraApi {
  const baseRequestConfig = { adapter: "fetch", env: { fetch: retryingFetch(sleep) }, ...(email ? {} : { headers: { Authorization: `Bearer ${token}` } }) };
  const config = { host: apiUrl, baseRequestConfig, ...(email ? { authentication: { basic: { email, apiToken: token } } } : {}) };
  const v3 = email ? new Version3Client(config) : null;
  const v2 = email ? null : new Version2Client(config);
  const client = (v3 ?? v2) as Version3Client | Version2Client;

  return {
    flavour: v3 ? "cloud" : "server",
    timeZone: () => call("account (myself)", async () => ((v3 ? await v3.myself.getCurrentUser() : await (v2 as Version2Client).myself.getCurrentUser()).timeZone ?? "UTC")),
    statusCategories: () =>
      call("statuses", async () => {
        const out = new Map<string, string>();
        for (const s of await client.workflowStatuses.getStatuses()) {
          const key = s.statusCategory?.key;
          if (!key) continue;
          if (s.id) out.set(s.id, key);
          if (s.name) out.set(s.name.toLowerCase(), key);
        }
        return out;
      }),
    count: (jql) =>
      call("issue count", async () => {
        if (v3) return (await v3.issueSearch.countIssues({ jql })).count ?? null;
        return (await (v2 as Version2Client).issueSearch.searchForIssuesUsingJql({ jql, maxResults: 0, fields: ["key"] })).total ?? null;
      }),
    search: (jql, fields, page) =>
      call("issue search", async () => {
        if (v3) {
          const res = await v3.issueSearch.searchForIssuesUsingJqlEnhancedSearch({ jql, fields, expand: "changelog", maxResults: PAGE_SIZE, nextPageToken: page ?? undefined });
          const last = (res as { isLast?: boolean }).isLast === true || !res.nextPageToken;
          return { issues: (res.issues ?? []) as unknown as JiraIssue[], next: last ? null : (res.nextPageToken ?? null) };
        }
        const startAt = page ? Number(page) : 0;
        const res = await (v2 as Version2Client).issueSearch.searchForIssuesUsingJql({ jql, fields, expand: "changelog", maxResults: PAGE_SIZE, startAt });
        const issues = (res.issues ?? []) as unknown as JiraIssue[];
        const seen = startAt + issues.length;
        return { issues, next: issues.length > 0 && seen < (res.total ?? 0) ? String(seen) : null };
      }),
    changelog: (key) =>
      call(`changelog of ${key}`, async () => {
        const out: JiraHistory[] = [];
        for (let startAt = 0; ; ) {
          const parameters = { issueIdOrKey: key, startAt, maxResults: PAGE_SIZE };
          const res = (v3 ? await v3.issues.getChangeLogs(parameters) : await (v2 as Version2Client).issues.getChangeLogs(parameters)) as { values?: JiraHistory[]; total?: number; isLast?: boolean };
          const values = res.values ?? [];
          out.push(...values);
          startAt += values.length;
          if (values.length === 0 || res.isLast === true || startAt >= (res.total ?? 0)) return out;
        }
      }),
  };
}
