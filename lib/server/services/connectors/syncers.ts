import "server-only";
import type { ProviderName } from "@/lib/connectors/providers";
import { syncGithub } from "./github";
import { syncGitlab } from "./gitlab";
import { syncJira } from "./jira";
import { syncPagerduty } from "./pagerduty";
import type { Syncer } from "./types";

/** Each provider's sync (one module per provider in this folder). */
export const SYNCERS: { [P in ProviderName]: Syncer<P> } = {
  github: syncGithub,
  gitlab: syncGitlab,
  jira: syncJira,
  pagerduty: syncPagerduty,
};
