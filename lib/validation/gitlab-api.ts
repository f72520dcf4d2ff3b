/**
 * The parts of GitLab's REST API (v4) answers the connector reads: merge requests with their commits and
 * approvals, deployments and issues (docs.gitlab.com/api/merge_requests, /merge_request_approvals,
 * /deployments, /issues). Loose objects: GitLab adds fields freely.
 */
import { z } from "zod";

const id = z.union([z.number(), z.string()]);

/** What merge requests and issues share. */
const gitlabItem = {
  id,
  iid: z.number(),
  title: z.string().nullish(),
  state: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
  labels: z.array(z.string()).optional(),
};

export const gitlabMergeRequest = z.looseObject({
  ...gitlabItem,
  merged_at: z.string().nullish(),
  merge_commit_sha: z.string().nullish(),
  squash_commit_sha: z.string().nullish(),
  /** The head commit. */
  sha: z.string().nullish(),
  author: z.looseObject({ id, username: z.string().optional() }),
});

export const gitlabCommit = z.looseObject({ id: z.string().min(1), authored_date: z.string().nullish(), created_at: z.string().nullish() });

/** Newer GitLab versions answer `approved_at`; without it, the approval's time is read from the notes. */
export const gitlabApprovals = z.looseObject({
  approved_by: z.array(z.looseObject({ user: z.looseObject({ id }), approved_at: z.string().nullish() })).nullish(),
});

/** A merge request's note; GitLab records each approval as the system note "approved this merge request". */
export const gitlabNote = z.looseObject({ id, body: z.string(), system: z.boolean().nullish(), author: z.looseObject({ id }), created_at: z.string() });

export const gitlabDeployment = z.looseObject({
  id,
  sha: z.string().nullish(),
  status: z.string(),
  created_at: z.string().nullish(),
  updated_at: z.string(),
  finished_at: z.string().nullish(),
  environment: z.looseObject({ name: z.string() }),
  deployable: z.looseObject({ finished_at: z.string().nullish() }).nullish(),
});

export const gitlabIssue = z.looseObject({ ...gitlabItem, closed_at: z.string().nullish() });

export type GitlabMergeRequest = z.infer<typeof gitlabMergeRequest>;
export type GitlabDeployment = z.infer<typeof gitlabDeployment>;
export type GitlabIssue = z.infer<typeof gitlabIssue>;
