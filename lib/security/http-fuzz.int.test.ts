import { createHmac } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as postAiUsage } from "@/app/api/v1/ai-usage/route";
import { POST as postCopilot } from "@/app/api/v1/ai-usage/copilot/route";
import { POST as postDeployments } from "@/app/api/v1/deployments/route";
import { POST as postIncidents } from "@/app/api/v1/incidents/route";
import { POST as postLearning } from "@/app/api/v1/learning/route";
import { PUT as putMetricValues } from "@/app/api/v1/metric-values/route";
import { POST as postPeople } from "@/app/api/v1/people/route";
import { POST as postPullRequests } from "@/app/api/v1/pull-requests/route";
import { PUT as putProficiency } from "@/app/api/v1/skills/proficiency/route";
import { POST as postWorkItems } from "@/app/api/v1/work-items/route";
import { POST as github } from "@/app/api/webhooks/github/route";
import { POST as gitlab } from "@/app/api/webhooks/gitlab/route";
import { createApiToken } from "@/lib/server/auth/tokens";
import { db } from "@/lib/server/db";
import { whenIdle } from "@/lib/server/jobs/queue";
import { SYSTEM_ACTOR } from "@/lib/server/http/actor";
import { createWebhookSource } from "@/lib/server/services/delivery/webhook-sources";
import { serveRoutes, type HttpHost } from "@/lib/testing/http-host";

// The routes import the session reader (Auth.js needs the Next.js runtime); these requests use API tokens.
vi.mock("@/lib/server/auth/current-user", () => ({ getCurrentUser: async () => null }));

/**
 * Property-based fuzzing of the ingestion API and the GitHub/GitLab webhooks over real HTTP: generated
 * bodies, some close to valid (one field broken, a batch with one bad item) and some hostile (wrong types,
 * huge arrays, deep nesting, prototype-pollution keys, huge strings, not JSON at all), webhooks with and
 * without a valid signature. The properties: never a 5xx; a refusal is JSON with a message; a refused
 * request writes nothing (row counts of every table an ingestion can touch are unchanged); and no request
 * pollutes Object.prototype. `npm test` runs a seeded sample; `npm run fuzz` thousands of cases
 * (HTTP_FUZZ_RUNS, FUZZ_SEED).
 */
const RUNS = Number(process.env.HTTP_FUZZ_RUNS ?? 25);
const SEED = Number(process.env.FUZZ_SEED ?? 20_240_611);

let host: HttpHost;
let token = "";
const secrets = { github: "", gitlab: "" };

beforeAll(async () => {
  const group = await db.group.create({ data: { name: "Product", slug: "product" } });
  const team = await db.team.create({ data: { name: "Payments", slug: "payments", groupId: group.id, location: "Lisbon" } });
  await db.careerLevel.create({ data: { key: "IC3", name: "Engineer", order: 3 } });
  secrets.github = (await createWebhookSource(SYSTEM_ACTOR, { provider: "github", name: "fuzz org", defaultTeamId: team.id })).secret;
  secrets.gitlab = (await createWebhookSource(SYSTEM_ACTOR, { provider: "gitlab", name: "fuzz group", defaultTeamId: team.id })).secret;
  token = (await createApiToken({ name: "fuzz", scopes: ["ingest"] })).token;
  EXAMPLES["PUT /api/v1/metric-values"] = { values: [{ metricKey: "slo_attainment", teamId: team.id, weekStart: "2026-03-02", value: 99.5 }] };
  host = await serveRoutes({
    "POST /api/v1/deployments": postDeployments,
    "POST /api/v1/incidents": postIncidents,
    "POST /api/v1/pull-requests": postPullRequests,
    "POST /api/v1/work-items": postWorkItems,
    "POST /api/v1/people": postPeople,
    "POST /api/v1/learning": postLearning,
    "POST /api/v1/ai-usage": postAiUsage,
    "POST /api/v1/ai-usage/copilot": postCopilot,
    "PUT /api/v1/metric-values": putMetricValues,
    "PUT /api/v1/skills/proficiency": putProficiency,
    "POST /api/webhooks/github": github,
    "POST /api/webhooks/gitlab": gitlab,
  });
});
afterAll(() => host?.close());

/** A valid item per ingestion route, the seed the near-valid bodies are bred from. */
const EXAMPLES: Record<string, Record<string, unknown>> = {
  "POST /api/v1/deployments": { externalId: "d-1", service: "pay-api", team: "payments", environment: "production", status: "success", finishedAt: "2026-03-02T10:00:00Z", commitSha: "abc" },
  "POST /api/v1/incidents": { externalId: "inc-1", service: "pay-api", severity: "sev2", openedAt: "2026-03-09T08:00:00Z", resolvedAt: "2026-03-09T09:30:00Z" },
  "POST /api/v1/pull-requests": { externalId: "1", service: "pay-api", author: "ann", createdAt: "2026-03-02T10:00:00Z", commits: [{ sha: "c1", authoredAt: "2026-03-02T09:00:00Z" }] },
  "POST /api/v1/work-items": { externalId: "w-1", team: "payments", type: "feature", createdAt: "2026-03-01T00:00:00Z", transitions: [] },
  "POST /api/v1/people": { employeeId: "E1", team: "payments", level: "IC3", employments: [{ hireDate: "2024-01-08" }] },
  "POST /api/v1/learning": { team: "payments", date: "2026-03-02", hours: 6, category: "course", title: "Kubernetes" },
  "POST /api/v1/ai-usage": { tool: "copilot", team: "payments", date: "2026-03-02", activeUsers: 4 },
  "POST /api/v1/ai-usage/copilot": { seats: { total_seats: 1, seats: [] }, dryRun: true },
  "PUT /api/v1/skills/proficiency": { employeeId: "E1", skillId: "missing", level: 3 },
};
const INGESTION_ROUTES = [...Object.keys(EXAMPLES), "PUT /api/v1/metric-values"];

const repository = { id: 1296269, name: "web", full_name: "northwind/web", owner: { login: "northwind", id: 1 } };
const GITHUB_EXAMPLE = {
  action: "created",
  deployment_status: { id: 10, state: "success", environment: "production", created_at: "2026-03-02T10:00:00Z", updated_at: "2026-03-02T10:00:00Z" },
  deployment: { id: 1, sha: "aaa", ref: "main", task: "deploy", environment: "production", created_at: "2026-03-02T10:00:00Z", updated_at: "2026-03-02T10:00:00Z" },
  repository,
  sender: { login: "octocat", id: 583231 },
};
const GITLAB_EXAMPLE = {
  object_kind: "deployment", status: "success", deployment_id: 15, deployable_id: 796, environment: "production", status_changed_at: "2026-03-02 10:00:00 +0000",
  project: { id: 30, name: "web", path_with_namespace: "northwind/web" }, short_sha: "279484c0", commit_url: "https://gitlab.example.com/northwind/web/-/commit/279484c0",
};

const hostileString = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", " ", "-1", "1e309", "NaN", "2026-02-30", "9999-99-99T99:99:99Z", "__proto__", "constructor", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "\u0000", "\uD800", "payments"),
  fc.nat({ max: 3 }).map((n) => "x".repeat([1_000, 100_000, 1_000_000, 4_000_000][n]!)),
);
const leaf = fc.oneof(hostileString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.constantFrom(Number.MAX_SAFE_INTEGER, -0, 1e308, -1));
const smallLeaf = fc.oneof(fc.integer(), fc.constant(null), fc.string({ maxLength: 5 }), fc.constant({}));
const anyJson = fc.jsonValue({ maxDepth: 3 });

/** `{"a":{"a":…}}` or `[[[…]]]` nested `depth` levels deep, as text (JSON.parse handles what a stack allows). */
const deepNesting = fc.tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean()).map(([depth, arrays]) => (arrays ? "[".repeat(depth) + "]".repeat(depth) : '{"a":'.repeat(depth) + "1" + "}".repeat(depth)));

/** Keys that pollute a prototype when a merge or assignment is naive. */
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":"yes"}}',
  '[{"__proto__":{"polluted":"yes"},"externalId":"p"}]',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"values":[{"__proto__":{"polluted":"yes"},"teamId":"t","weekStart":"2026-03-02","value":1,"metricKey":"x"}]}',
  '{"teamMap":{"__proto__":"x","constructor":"y"},"seats":{"__proto__":{"polluted":"yes"}}}',
);

/** Close to valid: the example with one field replaced, removed or added, alone or in a batch with good items. */
function nearValid(example: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(example);
  const mutated = fc.tuple(fc.constantFrom(...keys, "__proto__", "extra"), fc.oneof(leaf, anyJson), fc.boolean()).map(([key, value, remove]) => {
    const copy: Record<string, unknown> = { ...example };
    if (remove) delete copy[key];
    else Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
    return copy;
  });
  return fc.oneof(
    mutated,
    fc.tuple(fc.array(fc.constant(example), { maxLength: 3 }), mutated, fc.nat({ max: 3 })).map(([good, bad, at]) => {
      const batch: unknown[] = good.map((g, i) => ({ ...g, externalId: `b-${i}`, employeeId: `B${i}` }));
      batch.splice(Math.min(at, batch.length), 0, bad);
      return batch;
    }),
  );
}

/** A body as text: JSON built from the route's example or from nothing, huge arrays, nesting, pollution, garbage. */
function bodyFor(example: Record<string, unknown> | undefined): fc.Arbitrary<string> {
  const structured = fc.oneof(
    ...(example ? [nearValid(example), nearValid(example)] : []),
    anyJson,
    leaf,
    fc.dictionary(hostileString, fc.oneof(leaf, anyJson), { maxKeys: 6 }),
    fc.tuple(fc.integer({ min: 1_000, max: 60_000 }), smallLeaf).map(([n, item]) => Array.from({ length: n }, () => item)),
    ...(example ? [fc.integer({ min: 1_001, max: 12_000 }).map((n) => Array.from({ length: n }, (_, i) => ({ ...example, externalId: `h-${i}`, employeeId: `H${i}` })))] : []),
  );
  return fc.oneof(
    { weight: 6, arbitrary: structured.map((v) => JSON.stringify(v) ?? "null") },
    { weight: 1, arbitrary: deepNesting },
    { weight: 1, arbitrary: pollution },
    { weight: 1, arbitrary: fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom("", "{", "[1,", "null", '"', "\u0000{}", "{\"a\":1}garbage")) },
  );
}

async function fingerprint(): Promise<Record<string, number>> {
  const [deployments, incidents, pullRequests, commits, workItems, services, people, employments, learning, aiUsage, metricValues, proficiency, deliveries, audit, imports] = await Promise.all([
    db.deployment.count(), db.incident.count(), db.pullRequest.count(), db.pullRequestCommit.count(), db.workItem.count(), db.service.count(),
    db.person.count(), db.employment.count(), db.learningRecord.count(), db.aiUsage.count(), db.metricValue.count(), db.personSkill.count(),
    db.webhookDelivery.count(), db.auditLog.count(), db.import.count(),
  ]);
  return { deployments, incidents, pullRequests, commits, workItems, services, people, employments, learning, aiUsage, metricValues, proficiency, deliveries, audit, imports };
}

async function send(method: string, path: string, body: string, headers: Record<string, string>): Promise<{ status: number; text: string }> {
  const response = await fetch(`${host.url}${path}`, { method, headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, text: await response.text() };
}

/** The properties every answer must hold; returns a failure description or null. */
async function check(label: string, request: () => Promise<{ status: number; text: string }>): Promise<void> {
  // An accepted batch's recompute runs in the background: let it finish so its values are not counted as this request's.
  await whenIdle(30_000);
  const before = await fingerprint();
  const { status, text } = await request();
  const polluted = ({} as Record<string, unknown>).polluted;
  if (polluted !== undefined) throw new Error(`${label}: Object.prototype was polluted`);
  if (status >= 500) throw new Error(`${label}: ${status} ${text.slice(0, 300)}`);
  if (status >= 400) {
    let message: unknown;
    try {
      message = (JSON.parse(text) as { message?: unknown }).message;
    } catch {
      throw new Error(`${label}: ${status} without a JSON body: ${text.slice(0, 200)}`);
    }
    if (typeof message !== "string" || message === "") throw new Error(`${label}: ${status} without a message: ${text.slice(0, 200)}`);
    const after = await fingerprint();
    const changed = Object.keys(before).filter((k) => before[k] !== after[k]);
    if (changed.length) throw new Error(`${label}: refused with ${status} but wrote ${changed.map((k) => `${k} ${before[k]}→${after[k]}`).join(", ")}`);
  }
}

const options = { seed: SEED, numRuns: RUNS, endOnFailure: true } as const;

describe("fuzzing the ingestion API over HTTP", () => {
  for (const route of INGESTION_ROUTES) {
    it(`${route}: never a 5xx, and a refusal writes nothing`, async () => {
      const [method, path] = route.split(" ") as [string, string];
      await fc.assert(
        fc.asyncProperty(bodyFor(EXAMPLES[route]), (body) => check(`${route} ${body.slice(0, 120)}`, () => send(method, path!, body, { authorization: `Bearer ${token}` }))),
        options,
      );
    }, 600_000);
  }
});

const githubEvents = fc.constantFrom("ping", "push", "pull_request", "pull_request_review", "deployment", "deployment_status", "workflow_run", "issues", "nonsense", "");
const gitlabEvents = fc.constantFrom("Push Hook", "Merge Request Hook", "Deployment Hook", "Pipeline Hook", "Issue Hook", "Nonsense", "");
type Signing = "valid" | "wrong" | "none";
const signing = fc.constantFrom<Signing>("valid", "valid", "wrong", "none");

describe("fuzzing the webhooks over HTTP", () => {
  it("GitHub: any event and body, signed or not: never a 5xx, and a refusal writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(githubEvents, bodyFor(GITHUB_EXAMPLE), signing, fc.uuid(), async (event, body, signed, delivery) => {
        const signature: Record<string, string> = signed === "none" ? {} : { "x-hub-signature-256": `sha256=${createHmac("sha256", signed === "valid" ? secrets.github : "wrong").update(body).digest("hex")}` };
        await check(`github ${event} ${signed} ${body.slice(0, 100)}`, () => send("POST", "/api/webhooks/github", body, { "x-github-event": event, "x-github-delivery": delivery, ...signature }));
      }),
      options,
    );
  }, 600_000);

  it("GitLab: any event and body, with the right token, a wrong one or none: never a 5xx, and a refusal writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(gitlabEvents, bodyFor(GITLAB_EXAMPLE), signing, fc.uuid(), async (event, body, signed, delivery) => {
        const tokenHeader: Record<string, string> = signed === "none" ? {} : { "x-gitlab-token": signed === "valid" ? secrets.gitlab : "wrong" };
        await check(`gitlab ${event} ${signed} ${body.slice(0, 100)}`, () => send("POST", "/api/webhooks/gitlab", body, { "x-gitlab-event": event, "x-gitlab-event-uuid": delivery, ...tokenHeader }));
      }),
      options,
    );
  }, 600_000);

  it("the sample reaches the handlers' deeper checks: a valid body of each route is accepted", async () => {
    for (const route of INGESTION_ROUTES) {
      const [method, path] = route.split(" ") as [string, string];
      const { status, text } = await send(method, path!, JSON.stringify(EXAMPLES[route]), { authorization: `Bearer ${token}` });
      // Proficiency names a skill that does not exist: a clean 4xx is the expected answer there.
      expect(status, `${route}: ${text.slice(0, 200)}`).toBeLessThan(route.includes("proficiency") ? 500 : 300);
    }
  });
});
