import http from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";

/**
 * A GitHub REST API for tests, over real HTTP: the endpoints the pull connector reads, answering with GitHub's
 * own example objects (the OpenAPI description's `components.examples` in @octokit/openapi) with the fields of
 * the scenario written over them, so every field name and nesting is the real one. As GitHub does, it pages
 * with `Link` headers (`per_page` honoured up to `maxPerPage`), requires `Authorization: token …` or
 * `Bearer …` (401 "Bad credentials" otherwise), sends the X-RateLimit-* headers, lists pull requests in the
 * issues listing, and serves the same API under `/api/v3` (GitHub Enterprise Server). Faults (a 429 with
 * Retry-After, a 502, a 500 that does not go away) are queued per request pattern.
 */
export interface FakeCommit {
  sha: string;
  authoredAt: string;
}
export interface FakeReview {
  user: string;
  state: "APPROVED" | "CHANGES_REQUESTED" | "COMMENTED" | "PENDING";
  submittedAt?: string;
}
export interface FakePull {
  number: number;
  title: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  state: "open" | "closed";
  draft?: boolean;
  mergedAt?: string;
  closedAt?: string;
  mergeCommitSha?: string;
  labels?: string[];
  commits: FakeCommit[];
  reviews?: FakeReview[];
}
export interface FakeDeployment {
  id: number;
  sha: string;
  environment: string;
  createdAt: string;
  task?: string;
  description?: string;
  statuses: { state: string; at: string }[];
}
export interface FakeIssue {
  number: number;
  title: string;
  labels: string[];
  createdAt: string;
  updatedAt: string;
  closedAt?: string;
  /** A pull request as the issues listing shows it (with a `pull_request` key). */
  isPullRequest?: boolean;
}
export interface FakeRelease {
  id: number;
  tag: string;
  name: string;
  createdAt: string;
  publishedAt: string | null;
  draft?: boolean;
  prerelease?: boolean;
  targetCommitish?: string;
}
export interface FakeRepo {
  pulls: FakePull[];
  deployments: FakeDeployment[];
  issues: FakeIssue[];
  releases: FakeRelease[];
  /** Tag name → the commit it points at. */
  tags: Record<string, string>;
  /** Annotated tags: tag name → the commit its tag object points at. */
  annotatedTags?: Record<string, string>;
}

export interface Fault {
  /** Matched against the path without the GHES prefix, e.g. /repos/acme/shop/pulls. */
  path: RegExp;
  /** Only this page of a listing (the `page` parameter, 1 when absent). */
  page?: number;
  status: number;
  retryAfter?: number;
  /** How many matching requests fail (Infinity: until removed). */
  times: number;
}

export interface FakeGithub {
  url: string;
  /** The same API as a GitHub Enterprise Server base, `http://host/api/v3`. */
  ghesUrl: string;
  repos: Record<string, FakeRepo>;
  faults: Fault[];
  /** Every request served, as `METHOD path?query` (the GHES prefix kept). */
  requests: string[];
  close(): Promise<void>;
}

const require = createRequire(import.meta.url);
type Json = Record<string, unknown>;
let examples: Record<string, { value: unknown }> | null = null;

/** A fresh copy of the first object of one of GitHub's examples. */
function example(name: string): Json {
  examples ??= (require("@octokit/openapi/generated/api.github.com.json") as { components: { examples: Record<string, { value: unknown }> } }).components.examples;
  const value = examples[name]?.value;
  if (value === undefined) throw new Error(`No GitHub example "${name}"`);
  return structuredClone(Array.isArray(value) ? value[0] : value) as Json;
}

function labelsOf(names: string[]): Json[] {
  const base = example("issue-items").labels as Json[];
  return names.map((name, i) => ({ ...base[0], id: 1000 + i, name }));
}

const userOf = (login: string) => ({ ...(example("pull-request-simple-items").user as Json), login });

function pullJson(api: string, repo: string, p: FakePull): Json {
  const closed = p.state === "closed";
  return {
    ...example("pull-request-simple-items"),
    url: `${api}/repos/${repo}/pulls/${p.number}`,
    id: 100_000 + p.number,
    number: p.number,
    state: p.state,
    title: p.title,
    user: userOf(p.user),
    labels: labelsOf(p.labels ?? []),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    closed_at: closed ? (p.closedAt ?? p.mergedAt ?? p.updatedAt) : null,
    merged_at: p.mergedAt ?? null,
    merge_commit_sha: p.mergeCommitSha ?? null,
    draft: p.draft ?? false,
  };
}

function commitJson(c: FakeCommit): Json {
  const base = example("commit-items");
  const commit = base.commit as Json;
  return { ...base, sha: c.sha, commit: { ...commit, author: { ...(commit.author as Json), date: c.authoredAt }, committer: { ...(commit.committer as Json), date: c.authoredAt } } };
}

function reviewJson(r: FakeReview, i: number): Json {
  const base: Json = { ...example("pull-request-review-items"), id: 500 + i, user: userOf(r.user), state: r.state };
  if (r.submittedAt) return { ...base, submitted_at: r.submittedAt };
  delete base.submitted_at;
  return base;
}

function deploymentJson(d: FakeDeployment): Json {
  const last = d.statuses.at(-1)?.at ?? d.createdAt;
  return {
    ...example("deployment-items"),
    id: d.id,
    sha: d.sha,
    environment: d.environment,
    original_environment: d.environment,
    task: d.task ?? "deploy",
    description: d.description ?? null,
    created_at: d.createdAt,
    updated_at: last,
    production_environment: d.environment === "production",
  };
}

function issueJson(api: string, repo: string, i: FakeIssue): Json {
  const base: Json = { ...example("issue-items"), number: i.number, id: 200_000 + i.number, title: i.title, labels: labelsOf(i.labels) };
  const out: Json = { ...base, state: i.closedAt ? "closed" : "open", created_at: i.createdAt, updated_at: i.updatedAt, closed_at: i.closedAt ?? null };
  if (i.isPullRequest) out.pull_request = { ...(base.pull_request as Json), url: `${api}/repos/${repo}/pulls/${i.number}` };
  else delete out.pull_request;
  return out;
}

function releaseJson(r: FakeRelease): Json {
  return {
    ...example("release-items"),
    id: r.id,
    tag_name: r.tag,
    target_commitish: r.targetCommitish ?? "main",
    name: r.name,
    draft: r.draft ?? false,
    prerelease: r.prerelease ?? false,
    created_at: r.createdAt,
    published_at: r.publishedAt,
  };
}

const byTime = (key: string, direction: "asc" | "desc") => (a: Json, b: Json) =>
  (Date.parse(String(a[key])) - Date.parse(String(b[key]))) * (direction === "asc" ? 1 : -1);

export async function startFakeGithub(options: { token: string; repos: Record<string, FakeRepo>; maxPerPage?: number }): Promise<FakeGithub> {
  const maxPerPage = options.maxPerPage ?? 100;
  const faults: Fault[] = [];
  const requests: string[] = [];
  let remaining = 5000;
  const reset = Math.floor(Date.now() / 1000) + 3600;

  function answer(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
    res.writeHead(status, {
      "content-type": "application/json; charset=utf-8",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-remaining": String(Math.max(0, --remaining)),
      "x-ratelimit-used": String(5000 - remaining),
      "x-ratelimit-reset": String(reset),
      "x-ratelimit-resource": "core",
      "x-github-api-version-selected": "2022-11-28",
      ...headers,
    });
    res.end(JSON.stringify(body));
  }

  function listing(res: http.ServerResponse, url: URL, items: Json[]) {
    const perPage = Math.min(Math.max(Number(url.searchParams.get("per_page") ?? 30) || 30, 1), maxPerPage);
    const page = Math.max(Number(url.searchParams.get("page") ?? 1) || 1, 1);
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const link = (n: number, rel: string) => {
      const u = new URL(url.href);
      u.searchParams.set("per_page", String(perPage));
      u.searchParams.set("page", String(n));
      return `<${u.href}>; rel="${rel}"`;
    };
    const links = [
      ...(page > 1 ? [link(page - 1, "prev"), link(1, "first")] : []),
      ...(page < last ? [link(page + 1, "next"), link(last, "last")] : []),
    ];
    answer(res, 200, items.slice((page - 1) * perPage, page * perPage), links.length ? { link: links.join(", ") } : {});
  }

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    requests.push(`${req.method} ${url.pathname}${url.search}`);
    const prefix = url.pathname.startsWith("/api/v3/") ? "/api/v3" : "";
    const path = url.pathname.slice(prefix.length);
    const api = `${url.origin}${prefix}`;

    const auth = req.headers.authorization ?? "";
    if (auth !== `token ${options.token}` && auth !== `Bearer ${options.token}`) {
      return answer(res, 401, { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" });
    }
    const page = Number(url.searchParams.get("page") ?? 1);
    const fault = faults.find((f) => f.times > 0 && f.path.test(path) && (f.page === undefined || f.page === page));
    if (fault) {
      fault.times--;
      const headers: Record<string, string> = fault.retryAfter === undefined ? {} : { "retry-after": String(fault.retryAfter) };
      return answer(res, fault.status, { message: fault.status === 429 ? "API rate limit exceeded" : "Server Error" }, headers);
    }

    const m = /^\/repos\/([^/]+\/[^/]+)\/(.+)$/.exec(path);
    const repo = m ? options.repos[m[1]!] : undefined;
    if (!m || !repo) return answer(res, 404, { message: "Not Found", status: "404" });
    const name = m[1]!;
    // Octokit encodes a ref's slash (`tags%2Fv1.0.0`); GitHub reads both forms.
    const rest = decodeURIComponent(m[2]!);
    const q = url.searchParams;
    let n: RegExpExecArray | null;

    if (rest === "pulls") {
      const state = q.get("state") ?? "open";
      const key = q.get("sort") === "updated" ? "updated_at" : "created_at";
      const items = repo.pulls.filter((p) => state === "all" || p.state === state).map((p) => pullJson(api, name, p));
      return listing(res, url, items.sort(byTime(key, (q.get("direction") as "asc" | "desc") ?? "desc")));
    }
    if ((n = /^pulls\/(\d+)\/(commits|reviews)$/.exec(rest))) {
      const pull = repo.pulls.find((p) => p.number === Number(n![1]));
      if (!pull) return answer(res, 404, { message: "Not Found", status: "404" });
      return listing(res, url, n[2] === "commits" ? pull.commits.map(commitJson) : (pull.reviews ?? []).map(reviewJson));
    }
    if (rest === "deployments") {
      return listing(res, url, repo.deployments.map(deploymentJson).sort(byTime("created_at", "desc")));
    }
    if ((n = /^deployments\/(\d+)\/statuses$/.exec(rest))) {
      const deployment = repo.deployments.find((d) => d.id === Number(n![1]));
      if (!deployment) return answer(res, 404, { message: "Not Found", status: "404" });
      const statuses = deployment.statuses.map((s, i) => ({ ...example("deployment-status-items"), id: deployment.id * 100 + i, state: s.state, environment: deployment.environment, created_at: s.at, updated_at: s.at }));
      return listing(res, url, statuses.reverse());
    }
    if (rest === "issues") {
      const wanted = (q.get("labels") ?? "").split(",").map((l) => l.trim().toLowerCase()).filter(Boolean);
      const since = q.get("since") ? Date.parse(q.get("since")!) : -Infinity;
      const state = q.get("state") ?? "open";
      const items = repo.issues
        .filter((i) => wanted.every((w) => i.labels.some((l) => l.toLowerCase() === w)))
        .filter((i) => Date.parse(i.updatedAt) >= since)
        .filter((i) => state === "all" || (state === "closed") === Boolean(i.closedAt))
        .map((i) => issueJson(api, name, i));
      const key = q.get("sort") === "updated" ? "updated_at" : "created_at";
      return listing(res, url, items.sort(byTime(key, (q.get("direction") as "asc" | "desc") ?? "desc")));
    }
    if (rest === "releases") return listing(res, url, repo.releases.map(releaseJson).sort(byTime("created_at", "desc")));
    if ((n = /^git\/ref\/tags\/(.+)$/.exec(rest))) {
      const tag = n[1]!;
      const annotated = repo.annotatedTags?.[tag];
      const sha = repo.tags[tag];
      if (!sha && !annotated) return answer(res, 404, { message: "Not Found", status: "404" });
      const ref = example("git-ref");
      // An annotated tag's ref points at its tag object (named here after the tag), not at the commit.
      const object = annotated ? { type: "tag", sha: `tagobject-${tag}` } : { type: "commit", sha };
      return answer(res, 200, { ...ref, ref: `refs/tags/${tag}`, url: `${api}/repos/${name}/git/refs/tags/${tag}`, object: { ...(ref.object as Json), ...object } });
    }
    if ((n = /^git\/tags\/tagobject-(.+)$/.exec(rest))) {
      const tag = n[1]!;
      const sha = repo.annotatedTags?.[tag];
      if (!sha) return answer(res, 404, { message: "Not Found", status: "404" });
      const object = example("git-tag");
      return answer(res, 200, { ...object, tag, sha: `tagobject-${tag}`, object: { ...(object.object as Json), type: "commit", sha } });
    }
    return answer(res, 404, { message: "Not Found", status: "404" });
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ghesUrl: `http://127.0.0.1:${port}/api/v3`,
    repos: options.repos,
    faults,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
