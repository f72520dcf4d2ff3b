import type { FakeRepo } from "./fake-github";

/**
 * Three weeks of one service's delivery on GitHub (March 2026), with a real account's noise: a pull request
 * closed without merging, a draft, a pending review, a staging deployment, a deployment still pending, a
 * deployment ending in "error", an issue without the incident label, a pull request carrying the label (the
 * issues listing includes pull requests), and history older than the backfill window. The DORA figures it
 * must give are worked by hand in github.int.test.ts.
 */
export function shopRepo(): FakeRepo {
  return {
    pulls: [
      // Older than the backfill window: never read.
      { number: 7, title: "Old work", user: "ann", createdAt: "2026-01-08T10:00:00Z", updatedAt: "2026-01-10T10:00:00Z", state: "closed", mergedAt: "2026-01-10T10:00:00Z", mergeCommitSha: "m7", commits: [{ sha: "c7a", authoredAt: "2026-01-08T09:00:00Z" }] },
      {
        number: 1, title: "Faster checkout", user: "ann", createdAt: "2026-03-03T10:00:00Z", updatedAt: "2026-03-05T10:00:00Z", state: "closed", mergedAt: "2026-03-05T10:00:00Z", mergeCommitSha: "m1", labels: ["ai-assisted"],
        commits: [{ sha: "c1a", authoredAt: "2026-03-03T09:00:00Z" }, { sha: "c1b", authoredAt: "2026-03-04T09:00:00Z" }],
        reviews: [{ user: "bob", state: "APPROVED", submittedAt: "2026-03-04T15:00:00Z" }],
      },
      // Closed without merging: skipped.
      { number: 5, title: "Abandoned idea", user: "bob", createdAt: "2026-03-06T10:00:00Z", updatedAt: "2026-03-07T10:00:00Z", state: "closed", closedAt: "2026-03-07T10:00:00Z", commits: [{ sha: "c5a", authoredAt: "2026-03-06T09:00:00Z" }] },
      {
        number: 2, title: "Payment retries", user: "ann", createdAt: "2026-03-10T09:00:00Z", updatedAt: "2026-03-11T10:05:00Z", state: "closed", mergedAt: "2026-03-11T10:00:00Z", mergeCommitSha: "m2",
        commits: [{ sha: "c2a", authoredAt: "2026-03-10T08:00:00Z" }],
        // A review still being written has no submission time: not a review yet.
        reviews: [{ user: "bob", state: "APPROVED", submittedAt: "2026-03-10T15:00:00Z" }, { user: "carol", state: "PENDING" }],
      },
      { number: 3, title: "Basket totals", user: "carol", createdAt: "2026-03-13T10:00:00Z", updatedAt: "2026-03-16T09:00:00Z", state: "closed", mergedAt: "2026-03-16T09:00:00Z", mergeCommitSha: "m3", commits: [{ sha: "c3a", authoredAt: "2026-03-13T09:00:00Z" }] },
      // Merged, not deployed yet.
      { number: 4, title: "Receipts", user: "bob", createdAt: "2026-03-17T10:00:00Z", updatedAt: "2026-03-17T16:00:00Z", state: "closed", mergedAt: "2026-03-17T16:00:00Z", mergeCommitSha: "m4", commits: [{ sha: "c4a", authoredAt: "2026-03-17T09:00:00Z" }] },
      // A draft is work in progress: stored as an open pull request, as the webhook's "opened" stores it.
      { number: 6, title: "WIP: wallets", user: "ann", createdAt: "2026-03-18T10:00:00Z", updatedAt: "2026-03-18T11:00:00Z", state: "open", draft: true, commits: [{ sha: "c6a", authoredAt: "2026-03-18T09:00:00Z" }] },
    ],
    deployments: [
      { id: 1008, sha: "m7", environment: "production", createdAt: "2026-01-10T11:00:00Z", statuses: [{ state: "success", at: "2026-01-10T11:10:00Z" }] },
      { id: 1001, sha: "m0", environment: "production", createdAt: "2026-03-02T09:50:00Z", statuses: [{ state: "pending", at: "2026-03-02T09:50:00Z" }, { state: "success", at: "2026-03-02T10:00:00Z" }] },
      { id: 1002, sha: "m1", environment: "production", createdAt: "2026-03-09T09:50:00Z", statuses: [{ state: "in_progress", at: "2026-03-09T09:55:00Z" }, { state: "success", at: "2026-03-09T10:00:00Z" }] },
      { id: 1003, sha: "m2", environment: "production", createdAt: "2026-03-12T09:50:00Z", statuses: [{ state: "error", at: "2026-03-12T10:00:00Z" }] },
      { id: 1004, sha: "m2", environment: "production", createdAt: "2026-03-12T11:50:00Z", statuses: [{ state: "success", at: "2026-03-12T12:00:00Z" }] },
      { id: 1006, sha: "m3", environment: "staging", createdAt: "2026-03-16T08:00:00Z", statuses: [{ state: "success", at: "2026-03-16T08:10:00Z" }] },
      { id: 1005, sha: "m3", environment: "production", createdAt: "2026-03-16T09:50:00Z", statuses: [{ state: "success", at: "2026-03-16T10:00:00Z" }] },
      // Not finished: skipped until it is.
      { id: 1007, sha: "m4", environment: "production", createdAt: "2026-03-19T10:00:00Z", statuses: [{ state: "queued", at: "2026-03-19T10:00:00Z" }, { state: "pending", at: "2026-03-19T10:01:00Z" }] },
    ],
    issues: [
      { number: 20, title: "Checkout down", labels: ["incident", "sev2"], createdAt: "2026-03-16T12:00:00Z", updatedAt: "2026-03-16T14:00:00Z", closedAt: "2026-03-16T14:00:00Z" },
      { number: 21, title: "Typo on the basket page", labels: ["bug"], createdAt: "2026-03-14T10:00:00Z", updatedAt: "2026-03-14T10:00:00Z" },
      { number: 22, title: "Fix the outage", labels: ["incident"], createdAt: "2026-03-15T10:00:00Z", updatedAt: "2026-03-15T10:00:00Z", isPullRequest: true },
    ],
    releases: [],
    tags: {},
  };
}

/** A repository with no deployments that releases instead: two published releases (one with an annotated tag), a prerelease and a draft. */
export function siteRepo(): FakeRepo {
  return {
    pulls: [],
    deployments: [],
    issues: [],
    releases: [
      { id: 51, tag: "v1.0.0", name: "v1.0.0", createdAt: "2026-03-04T09:00:00Z", publishedAt: "2026-03-04T10:00:00Z" },
      { id: 52, tag: "v1.1.0", name: "v1.1.0", createdAt: "2026-03-18T09:00:00Z", publishedAt: "2026-03-18T10:00:00Z" },
      { id: 53, tag: "v1.2.0-rc.1", name: "v1.2.0 RC 1", createdAt: "2026-03-20T09:00:00Z", publishedAt: "2026-03-20T10:00:00Z", prerelease: true },
      { id: 54, tag: "v1.2.0", name: "v1.2.0", createdAt: "2026-03-21T09:00:00Z", publishedAt: null, draft: true },
    ],
    tags: { "v1.0.0": "t100", "v1.2.0-rc.1": "t120rc1" },
    annotatedTags: { "v1.1.0": "t110" },
  };
}
