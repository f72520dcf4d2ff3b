import "server-only";
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deletePullRequestById, pullRequestsFor, restorePullRequest } from "@/lib/server/data/imports/events";
import { writePullRequestRows } from "@/lib/server/services/ingest/pull-requests";
import { isAiAssisted, pullRequestInput } from "@/lib/validation/ingest";
import { eventKind, instants, iso, isoOf, serviceEventRef, type EventSpec } from "./events";

/**
 * Pull requests, as `POST /api/v1/pull-requests` takes them, except that a row gives the first commit
 * and first review instants instead of the commit and review lists (the stored lists are kept).
 * Natural key service + external id.
 */
const pullRequestRow = pullRequestInput.omit({ commits: true, reviews: true }).extend({
  firstCommitAt: z.iso.datetime({ offset: true }).optional(),
  firstReviewAt: z.iso.datetime({ offset: true }).optional(),
});
type PullRequestRowInput = z.infer<typeof pullRequestRow>;

export const pullRequestEvents: EventSpec<PullRequestRowInput> = {
  key: "pull-requests",
  label: "Pull requests",
  description: "external id, service, title, author, created and merged at, merge commit SHA, first commit and first review at, labels (\"ai-assisted\" marks an AI-assisted change).",
  access: "admin",
  entityType: "PullRequest",
  fields: [
    { key: "externalId", label: "External id", aliases: ["external id", "number", "pr", "pull request"], required: true, example: "1042" },
    { key: "service", label: "Service", aliases: ["repository", "repo", "service name"], required: true, example: "acme/payments-api" },
    { key: "title", label: "Title", aliases: ["name"], example: "Retry card authorisation once" },
    { key: "author", label: "Author", aliases: ["user", "login", "opened by"], required: true, example: "ann" },
    { key: "createdAt", label: "Created at", aliases: ["created", "opened at"], required: true, example: "2026-03-02T14:00:00Z" },
    { key: "mergedAt", label: "Merged at", aliases: ["merged"], example: "2026-03-03T10:00:00Z" },
    { key: "mergeCommitSha", label: "Merge commit SHA", aliases: ["merge commit", "merge sha"], example: "9f2c1e7" },
    { key: "firstCommitAt", label: "First commit at", aliases: ["first commit", "coding started"], example: "2026-03-02T12:00:00Z" },
    { key: "firstReviewAt", label: "First review at", aliases: ["first review"], example: "2026-03-03T09:00:00Z", help: "The first review by someone other than the author." },
    { key: "labels", label: "Labels", aliases: ["label", "tags"], example: "ai-assisted; payments", help: "Separated by semicolons or commas." },
  ],
  schema: pullRequestRow,
  read: (c) => ({
    externalId: c.text("externalId"), service: c.text("service"), title: c.text("title"), author: c.text("author"),
    createdAt: c.instant("createdAt"), mergedAt: c.instant("mergedAt"), mergeCommitSha: c.text("mergeCommitSha"),
    firstCommitAt: c.instant("firstCommitAt"), firstReviewAt: c.instant("firstReviewAt"), labels: c.list("labels", /[;,]/),
  }),
  owner: (p) => p.service,
  image: (p) => ({
    title: p.title ?? null, author: p.author, createdAt: isoOf(p.createdAt), mergedAt: isoOf(p.mergedAt), mergeCommitSha: p.mergeCommitSha ?? null,
    firstCommitAt: isoOf(p.firstCommitAt), firstReviewAt: isoOf(p.firstReviewAt), aiAssisted: isAiAssisted(p.labels), labels: p.labels ?? [],
  }),
  async load(tx, lookup) {
    const rows = await pullRequestsFor(lookup, tx);
    return rows.map((r) => ({
      ...serviceEventRef(r),
      image: {
        title: r.title, author: r.author, createdAt: iso(r.createdAt), mergedAt: iso(r.mergedAt), mergeCommitSha: r.mergeCommitSha,
        firstCommitAt: iso(r.firstCommitAt), firstReviewAt: iso(r.firstReviewAt), aiAssisted: r.aiAssisted, labels: r.labels,
      },
    }));
  },
  write: (tx, items, affected) =>
    writePullRequestRows(tx, items.map((p) => ({ ...p, firstCommitAt: p.firstCommitAt ?? null, firstReviewAt: p.firstReviewAt ?? null })), affected),
  async touch(_tx, affected, event) {
    affected.addDelivery(event.teamId, instants(event.image, "mergedAt"));
  },
  remove: (tx, id) => deletePullRequestById(id, tx),
  restore: (tx, id, image) => restorePullRequest(id, image as Prisma.PullRequestUncheckedUpdateInput, tx),
};

export const pullRequestsKind = eventKind(pullRequestEvents);
