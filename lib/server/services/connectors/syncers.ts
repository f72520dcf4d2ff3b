import "server-only";
import type { ProviderName } from "@/lib/connectors/providers";
import { syncGitlab } from "./gitlab";
import { syncPagerduty } from "./pagerduty";
import type { Syncer } from "./types";

/** Each provider's sync (one module per provider in this folder). */
export const SYNCERS: { [P in ProviderName]?: Syncer<P> } = {
  gitlab: syncGitlab,
  pagerduty: syncPagerduty,
};
