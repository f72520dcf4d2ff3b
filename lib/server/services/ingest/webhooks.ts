import "server-only";
import { createHmac } from "node:crypto";
import { getOrgSettings } from "@/lib/server/data/org";
import { storedPullRequestCommits, storedPullRequestMerge, storedPullRequestReviews } from "@/lib/server/data/ingest/pull-requests";
import { insertWebhookDelivery, teamSlugById, touchWebhookSource, webhookSourcesOf } from "@/lib/server/data/ingest/webhooks";
import { badRequest, unauthorized } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";
import { decryptSecret, safeEqual } from "@/lib/server/services/delivery/webhook-secrets";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { PullRequestInput } from "@/lib/validation/ingest";
import { auditBatch } from "./batch";
import { writeDeployments } from "./deployments";
import { githubObjectKey, mapGithubEvent } from "./github";
import { mapGitlabEvent } from "./gitlab";
import { writeIncidents } from "./incidents";
import { inIngestTransaction } from "./ingest";
import { writePullRequests } from "./pull-requests";
import { resolveServices } from "./services";
import type { WebhookEvent } from "./webhook-events";

/**
 * Receives GitHub and GitLab webhooks. The delivery is authenticated against every source of its
 * provider (GitHub: HMAC-SHA256 of the raw body in X-Hub-Signature-256; GitLab: the X-Gitlab-Token
 * secret), both compared in constant time; nothing is read or stored before that. The delivery id is
 * inserted first, in the same transaction as the events, so a repeated delivery changes nothing; so is, for
 * GitHub, the object and state it reports (githubObjectKey), so a redelivery under a new id changes nothing either.
 */
export type Provider = "github" | "gitlab";

export interface WebhookOutcome {
  status: 200 | 202;
  body: { ok: true; duplicate?: true; ignored?: string; kind?: string };
}

interface Source {
  id: string;
  defaultTeamId: string | null;
}

async function sourcesOf(provider: Provider) {
  const rows = await webhookSourcesOf(provider);
  return rows.flatMap((r) => {
    const secret = decryptSecret(r.secretEncrypted);
    return secret ? [{ id: r.id, defaultTeamId: r.defaultTeamId, secret }] : [];
  });
}

async function githubSource(headers: Headers, raw: string): Promise<Source> {
  const signature = headers.get("x-hub-signature-256") ?? "";
  if (!signature.startsWith("sha256=")) throw unauthorized("Missing X-Hub-Signature-256.");
  for (const s of await sourcesOf("github")) {
    const expected = `sha256=${createHmac("sha256", s.secret).update(raw, "utf8").digest("hex")}`;
    if (safeEqual(expected, signature)) return s;
  }
  throw unauthorized("The signature does not match any GitHub webhook source.");
}

async function gitlabSource(headers: Headers): Promise<Source> {
  const token = headers.get("x-gitlab-token") ?? "";
  if (!token) throw unauthorized("Missing X-Gitlab-Token.");
  for (const s of await sourcesOf("gitlab")) if (safeEqual(s.secret, token)) return s;
  throw unauthorized("The token does not match any GitLab webhook source.");
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw badRequest("The webhook body is not valid JSON.");
  }
}

/** A webhook sends one state of a pull request at a time: keep what earlier deliveries or the API stored. */
async function withStoredState(tx: SqlRunner, item: PullRequestInput): Promise<PullRequestInput> {
  const stored = await storedPullRequestMerge(tx, item.service, item.externalId);
  if (!stored) return item;
  const commits = await storedPullRequestCommits(tx, item.service, item.externalId);
  const reviews = await storedPullRequestReviews(tx, item.service, item.externalId);
  const allReviews = new Map<string, { author: string; submittedAt: string }>();
  for (const r of reviews) allReviews.set(`${r.author}@${r.at}`, { author: r.author, submittedAt: new Date(r.at).toISOString() });
  for (const r of item.reviews ?? []) allReviews.set(`${r.author}@${Date.parse(r.submittedAt)}`, r);
  const keepMerge = !item.mergedAt && stored.mergedAt !== null;
  return {
    ...item,
    mergedAt: keepMerge ? new Date(stored.mergedAt as number).toISOString() : item.mergedAt,
    mergeCommitSha: keepMerge ? stored.mergeCommitSha : item.mergeCommitSha,
    commits: item.commits.length > 0 ? item.commits : commits.map((c) => ({ sha: c.sha, authoredAt: new Date(c.at).toISOString() })),
    reviews: [...allReviews.values()],
  };
}

async function store(provider: Provider, source: Source, deliveryId: string, event: WebhookEvent, objectKey: string | null = null): Promise<WebhookOutcome> {
  const actor: Actor = { userId: null, label: `webhook:${provider}` };
  const defaultTeam = source.defaultTeamId ? await teamSlugById(source.defaultTeamId) : null;
  const { result } = await inIngestTransaction(async (tx, affected): Promise<WebhookOutcome> => {
    if (!(await insertWebhookDelivery(tx, provider, deliveryId))) return { status: 200, body: { ok: true, duplicate: true } };
    // The same object in the same state under another delivery id (a redelivery): recorded once.
    if (objectKey) {
      if (!(await insertWebhookDelivery(tx, provider, `object:${objectKey}`))) return { status: 200, body: { ok: true, duplicate: true } };
    }
    await touchWebhookSource(tx, source.id);
    if (event.kind === "ignored") return { status: 202, body: { ok: true, ignored: event.reason } };

    // Services first seen through this source go to its default team.
    await resolveServices(tx, [{ index: 0, service: event.item.service, team: defaultTeam?.slug }], affected);
    if (event.kind === "deployment") {
      await auditBatch(tx, actor, "Deployment", await writeDeployments(tx, [event.item], affected));
    } else if (event.kind === "pullRequest") {
      await auditBatch(tx, actor, "PullRequest", await writePullRequests(tx, [await withStoredState(tx, event.item)], affected));
    } else {
      await auditBatch(tx, actor, "Incident", await writeIncidents(tx, [event.item], affected));
    }
    return { status: 200, body: { ok: true, kind: event.kind } };
  });
  return result;
}

export async function receiveGithubWebhook(headers: Headers, raw: string): Promise<WebhookOutcome> {
  const source = await githubSource(headers, raw);
  const deliveryId = headers.get("x-github-delivery");
  const event = headers.get("x-github-event");
  if (!deliveryId || !event) throw badRequest("Missing X-GitHub-Delivery or X-GitHub-Event.");
  const { incidentLabel } = await getOrgSettings();
  const payload = parseJson(raw);
  return store("github", source, deliveryId, mapGithubEvent(event, payload, incidentLabel), githubObjectKey(event, payload));
}

export async function receiveGitlabWebhook(headers: Headers, raw: string): Promise<WebhookOutcome> {
  const source = await gitlabSource(headers);
  const event = headers.get("x-gitlab-event");
  const deliveryId = headers.get("x-gitlab-event-uuid") ?? headers.get("idempotency-key");
  if (!event) throw badRequest("Missing X-Gitlab-Event.");
  if (!deliveryId) throw badRequest("Missing X-Gitlab-Event-UUID.");
  const { incidentLabel } = await getOrgSettings();
  return store("gitlab", source, deliveryId, mapGitlabEvent(event, parseJson(raw), incidentLabel));
}
