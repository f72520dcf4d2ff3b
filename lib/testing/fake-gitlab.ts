import { pageOf, startFakeProvider, type FakeProvider } from "./fake-provider";

/**
 * GitLab's REST API v4 as the connector reads it (docs.gitlab.com/api): a project's merge requests (with their
 * commits and approvals), deployments and issues, filtered by `updated_after` (on or after), `environment` and
 * `labels`, ordered by `updated_at`, in pages described by `X-Page`, `X-Next-Page`, `X-Total-Pages` and a `Link`
 * header. `PRIVATE-TOKEN` or `Authorization: Bearer` required (401 `{"message":"401 Unauthorized"}` otherwise);
 * an unknown project is a 404. Objects have GitLab's documented shapes.
 */
const HOST = "https://gitlab.example.com";

interface User {
  id: number;
  username: string;
  name: string;
  state: "active";
  web_url: string;
}

const user = (id: number): User => ({ id, username: `user${id}`, name: `User ${id}`, state: "active", web_url: `${HOST}/user${id}` });

export interface FakeMergeRequest {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  state: "opened" | "closed" | "merged" | "locked";
  created_at: string;
  updated_at: string;
  merged_at: string | null;
  closed_at: string | null;
  author: User;
  labels: string[];
  draft: boolean;
  sha: string;
  merge_commit_sha: string | null;
  squash_commit_sha: string | null;
  source_branch: string;
  target_branch: string;
  web_url: string;
  references: { short: string; full: string };
}

export interface FakeCommit {
  id: string;
  short_id: string;
  title: string;
  author_name: string;
  authored_date: string;
  committed_date: string;
  created_at: string;
}

export interface FakeNote {
  id: number;
  body: string;
  author: User;
  created_at: string;
  updated_at: string;
  system: boolean;
  noteable_type: "MergeRequest";
}

export interface FakeDeployment {
  id: number;
  iid: number;
  ref: string;
  sha: string;
  status: "created" | "running" | "success" | "failed" | "canceled" | "blocked";
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  user: User;
  environment: { id: number; name: string; external_url: string };
  deployable: { id: number; status: string; stage: string; name: string; finished_at: string | null } | null;
}

export interface FakeIssue {
  id: number;
  iid: number;
  project_id: number;
  title: string;
  state: "opened" | "closed";
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  labels: string[];
  issue_type: "issue" | "incident";
  author: User;
  web_url: string;
}

export interface FakeProject {
  id: number;
  path_with_namespace: string;
  mergeRequests: { mr: FakeMergeRequest; commits: FakeCommit[]; approvedBy: { user: User; approved_at: string }[]; notes: FakeNote[] }[];
  /** Answer approvals without `approved_at`, as GitLab versions before it did. */
  legacyApprovals?: boolean;
  deployments: FakeDeployment[];
  issues: FakeIssue[];
}

let nextId = 1000;

export function gitlabMergeRequest(
  project: FakeProject,
  input: { iid: number; authorId: number; createdAt: string; updatedAt?: string; state?: FakeMergeRequest["state"]; mergedAt?: string; mergeSha?: string; commits?: string[]; approvals?: { userId: number; at: string }[]; title?: string },
) {
  const state = input.state ?? (input.mergedAt ? "merged" : "opened");
  const mr: FakeMergeRequest = {
    id: nextId++, iid: input.iid, project_id: project.id, title: input.title ?? `Change ${input.iid}`, state,
    created_at: input.createdAt, updated_at: input.updatedAt ?? input.mergedAt ?? input.createdAt,
    merged_at: input.mergedAt ?? null, closed_at: state === "closed" ? (input.updatedAt ?? input.createdAt) : null,
    author: user(input.authorId), labels: [], draft: false, sha: `head${input.iid}`, merge_commit_sha: input.mergeSha ?? null, squash_commit_sha: null,
    source_branch: `feature-${input.iid}`, target_branch: "main", web_url: `${HOST}/${project.path_with_namespace}/-/merge_requests/${input.iid}`,
    references: { short: `!${input.iid}`, full: `${project.path_with_namespace}!${input.iid}` },
  };
  const commits = (input.commits ?? []).map((at, i) => ({ id: `c${input.iid}x${i}`.padEnd(40, "0"), short_id: `c${input.iid}x${i}`, title: "Work", author_name: "Dev", authored_date: at, committed_date: at, created_at: at }));
  const approvedBy = (input.approvals ?? []).map((a) => ({ user: user(a.userId), approved_at: a.at }));
  const note = (body: string, authorId: number, at: string, system: boolean): FakeNote => ({ id: nextId++, body, author: user(authorId), created_at: at, updated_at: at, system, noteable_type: "MergeRequest" });
  // GitLab notes each approval; a reviewer's comment is noise.
  const notes = [note("Looks good, one nit.", 9, input.createdAt, false), ...approvedBy.map((a) => note("approved this merge request", a.user.id, a.approved_at, true))];
  const entry = { mr, commits, approvedBy, notes };
  project.mergeRequests.push(entry);
  return entry;
}

export function gitlabDeployment(project: FakeProject, input: { id: number; sha: string; status: FakeDeployment["status"]; finishedAt: string; environment?: string; updatedAt?: string }): FakeDeployment {
  const done = ["success", "failed", "canceled"].includes(input.status);
  const d: FakeDeployment = {
    id: input.id, iid: input.id, ref: "main", sha: input.sha, status: input.status, created_at: input.finishedAt, updated_at: input.updatedAt ?? input.finishedAt,
    finished_at: done ? input.finishedAt : null, user: user(1),
    environment: { id: 1, name: input.environment ?? "production", external_url: "https://shop.example.com" },
    deployable: { id: input.id + 5000, status: input.status, stage: "deploy", name: "deploy", finished_at: done ? input.finishedAt : null },
  };
  project.deployments.push(d);
  return d;
}

export function gitlabIssue(project: FakeProject, input: { iid: number; createdAt: string; closedAt?: string; updatedAt?: string; labels: string[]; title?: string }): FakeIssue {
  const issue: FakeIssue = {
    id: nextId++, iid: input.iid, project_id: project.id, title: input.title ?? `Issue ${input.iid}`, state: input.closedAt ? "closed" : "opened",
    created_at: input.createdAt, updated_at: input.updatedAt ?? input.closedAt ?? input.createdAt, closed_at: input.closedAt ?? null, labels: input.labels,
    issue_type: input.labels.includes("incident") ? "incident" : "issue", author: user(1), web_url: `${HOST}/${project.path_with_namespace}/-/issues/${input.iid}`,
  };
  project.issues.push(issue);
  return issue;
}

export interface FakeGitlab extends FakeProvider {
  project(path: string): FakeProject;
}

const byUpdate = <T extends { updated_at: string }>(items: T[], after: string | null) =>
  items.filter((i) => !after || Date.parse(i.updated_at) >= Date.parse(after)).sort((a, b) => Date.parse(a.updated_at) - Date.parse(b.updated_at));

/** `maxPerPage`: the largest page served (GitLab's is 100), small in tests so that pages follow one another. */
export async function startFakeGitlab(token: string, maxPerPage = 100): Promise<FakeGitlab> {
  const projects = new Map<string, FakeProject>();
  let url = "";
  const paged = (items: unknown[], u: URL) => {
    const perPage = Math.min(Number(u.searchParams.get("per_page") ?? 20), maxPerPage);
    const page = Number(u.searchParams.get("page") ?? 1);
    const { items: slice, more, totalPages } = pageOf(items, page, perPage);
    const link = (p: number, rel: string) => {
      const q = new URLSearchParams(u.searchParams);
      q.set("page", String(p));
      q.set("per_page", String(perPage));
      return `<${url}${u.pathname}?${q}>; rel="${rel}"`;
    };
    return {
      body: slice,
      headers: {
        "x-page": String(page), "x-per-page": String(perPage), "x-next-page": more ? String(page + 1) : "", "x-prev-page": page > 1 ? String(page - 1) : "",
        "x-total": String(items.length), "x-total-pages": String(totalPages), "ratelimit-limit": "2000", "ratelimit-remaining": "1999",
        link: [more ? link(page + 1, "next") : null, link(1, "first"), link(totalPages, "last")].filter(Boolean).join(", "),
      },
    };
  };
  const server = await startFakeProvider({
    authorized: (h) => h["private-token"] === token || h.authorization === `Bearer ${token}`,
    unauthorized: { message: "401 Unauthorized" },
    route(u) {
      const m = /^\/api\/v4\/projects\/([^/]+)\/(.+)$/.exec(u.pathname);
      const project = m ? projects.get(decodeURIComponent(m[1]!)) : undefined;
      if (!m || !project) return null;
      const rest = m[2]!;
      const after = u.searchParams.get("updated_after");
      if (rest === "merge_requests") return paged(byUpdate(project.mergeRequests.map((e) => e.mr), after), u);
      const mr = /^merge_requests\/(\d+)\/(commits|approvals|notes)$/.exec(rest);
      if (mr) {
        const entry = project.mergeRequests.find((e) => e.mr.iid === Number(mr[1]));
        if (!entry) return null;
        if (mr[2] === "commits") return paged(entry.commits, u);
        if (mr[2] === "notes") return paged(entry.notes, u);
        const approvedBy = project.legacyApprovals ? entry.approvedBy.map((a) => ({ user: a.user })) : entry.approvedBy;
        return { body: { id: entry.mr.id, iid: entry.mr.iid, project_id: project.id, state: entry.mr.state, approved: approvedBy.length > 0, approvals_required: 1, approvals_left: 0, approved_by: approvedBy } };
      }
      if (rest === "deployments") {
        const environment = u.searchParams.get("environment");
        return paged(byUpdate(project.deployments.filter((d) => !environment || d.environment.name === environment), after), u);
      }
      if (rest === "issues") {
        const labels = (u.searchParams.get("labels") ?? "").split(",").filter(Boolean);
        return paged(byUpdate(project.issues.filter((i) => labels.every((l) => i.labels.includes(l))), after), u);
      }
      return null;
    },
  });
  url = server.url;
  return Object.assign(server, {
    project(path: string): FakeProject {
      let p = projects.get(path);
      if (!p) projects.set(path, (p = { id: projects.size + 1, path_with_namespace: path, mergeRequests: [], deployments: [], issues: [] }));
      return p;
    },
  });
}
