/**
 * The parts of GitHub and GitLab webhook payloads we read (the rest passes through untouched), and the
 * admin form for webhook sources. Shapes follow the providers' documented payloads:
 * docs.github.com/webhooks/webhook-events-and-payloads and docs.gitlab.com/user/project/integrations/webhook_events.
 */
import { z } from "zod";

const repository = z.looseObject({ full_name: z.string().min(1) });
const user = z.looseObject({ login: z.string().min(1) });
const label = z.looseObject({ name: z.string() });

// The objects themselves, as webhooks carry them and as the REST API lists them (the pull connector reads both
// through the same mapping, lib/server/services/ingest/github.ts).
export const githubDeploymentStatus = z.looseObject({ state: z.string(), environment: z.string().optional(), created_at: z.string(), updated_at: z.string().nullish() });
export const githubDeployment = z.looseObject({
  id: z.union([z.number(), z.string()]),
  sha: z.string().min(1),
  environment: z.string().min(1),
  created_at: z.string(),
  task: z.string().nullish(),
  description: z.string().nullish(),
});

export const githubDeploymentStatusEvent = z.looseObject({ deployment_status: githubDeploymentStatus, deployment: githubDeployment, repository });

export const githubPullRequest = z.looseObject({
  number: z.number(),
  title: z.string().nullish(),
  user,
  created_at: z.string(),
  merged: z.boolean().nullish(),
  merged_at: z.string().nullish(),
  merge_commit_sha: z.string().nullish(),
  labels: z.array(label).optional(),
});

export const githubPullRequestEvent = z.looseObject({ action: z.string(), pull_request: githubPullRequest, repository });

export const githubPullRequestReviewEvent = z.looseObject({
  action: z.string(),
  review: z.looseObject({ user, submitted_at: z.string().nullish(), state: z.string().optional() }),
  pull_request: githubPullRequest,
  repository,
});

export const githubIssue = z.looseObject({
  number: z.number(),
  title: z.string().nullish(),
  // Absent from some actions' payloads (e.g. "pinned"); then closed_at decides.
  state: z.string().optional(),
  created_at: z.string(),
  closed_at: z.string().nullish(),
  labels: z.array(label).optional(),
});

export const githubIssuesEvent = z.looseObject({ action: z.string(), issue: githubIssue, repository });

const gitlabProject = z.looseObject({ path_with_namespace: z.string().min(1) });
const gitlabLabel = z.looseObject({ title: z.string() });

export const gitlabDeploymentEvent = z.looseObject({
  object_kind: z.literal("deployment"),
  status: z.string(),
  deployment_id: z.union([z.number(), z.string()]),
  environment: z.string().min(1),
  status_changed_at: z.string(),
  short_sha: z.string().optional(),
  commit_url: z.string().optional(),
  project: gitlabProject,
});

export const gitlabMergeRequestEvent = z.looseObject({
  object_kind: z.literal("merge_request"),
  user: z.looseObject({ id: z.union([z.number(), z.string()]), username: z.string().optional() }),
  project: gitlabProject,
  labels: z.array(gitlabLabel).optional(),
  object_attributes: z.looseObject({
    iid: z.number(),
    title: z.string().nullish(),
    author_id: z.union([z.number(), z.string()]),
    state: z.string(),
    action: z.string().optional(),
    created_at: z.string(),
    updated_at: z.string().nullish(),
    merged_at: z.string().nullish(),
    merge_commit_sha: z.string().nullish(),
  }),
});

export const gitlabIssueEvent = z.looseObject({
  object_kind: z.enum(["issue", "work_item"]),
  project: gitlabProject,
  labels: z.array(gitlabLabel).optional(),
  object_attributes: z.looseObject({
    iid: z.number(),
    title: z.string().nullish(),
    state: z.string(),
    action: z.string().optional(),
    created_at: z.string(),
    updated_at: z.string().nullish(),
    closed_at: z.string().nullish(),
  }),
});

export const WEBHOOK_PROVIDERS = ["github", "gitlab"] as const;

export const webhookSourceInput = z.object({
  provider: z.enum(WEBHOOK_PROVIDERS, { message: "choose GitHub or GitLab" }),
  name: z.string().trim().min(1, "Enter a name").max(100),
  defaultTeamId: z.string().trim().max(100).optional().transform((v) => v || null),
});

export const incidentLabelInput = z.object({
  incidentLabel: z.string().trim().min(1, "Enter a label").max(50),
});
