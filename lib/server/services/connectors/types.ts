import "server-only";
import type { ProviderName } from "@/lib/connectors/providers";
import type { ProviderOptions } from "@/lib/validation/connectors";
import type { DeploymentInput, IncidentInput, PullRequestInput, WorkItemInput } from "@/lib/validation/ingest";
import type { StreamCursor } from "./cursor";

/**
 * What a provider's sync yields: pages of events in the ingestion API's shapes (so the same writers, keys and
 * mapping rules apply as for the API and webhooks), each with the cursor of its stream after it. The engine
 * (sync.ts) writes a page and its cursor in one transaction, so a failed sync resumes after the last committed
 * page. A page's cursor must mean "every item of this stream updated up to here has been yielded": providers
 * list oldest update first, or give the cursor only with a stream's last page.
 */
export interface SyncPage {
  /** e.g. `acme/api:pulls`; one cursor per stream. */
  stream: string;
  cursor: StreamCursor | null;
  deployments?: DeploymentInput[];
  pullRequests?: PullRequestInput[];
  incidents?: IncidentInput[];
  workItems?: WorkItemInput[];
  /** Items read and left out (drafts, unmerged, non-production, pending, unlabelled issues…). */
  skipped?: number;
  /** Why items were left out when someone must act (e.g. an issue with no team); shown with the sync's counts. */
  problems?: string[];
}

export interface SyncContext<P extends ProviderName> {
  connectorName: string;
  apiUrl: string;
  token: string;
  options: ProviderOptions[P];
  /** The stream's committed cursor; null when it was never synced. */
  cursorOf(stream: string): StreamCursor | null;
  /** Where a stream without a cursor starts: now − the backfill window, or the `--since` date. */
  since: Date;
  now: Date;
  /** Issues with this label are incidents (Admin → Webhooks). */
  incidentLabel: string;
  /** The default team's slug, for items that need a team and have no mapping (Jira). */
  defaultTeamSlug: string | null;
  /** Reports progress in the provider's units (repositories, projects, services). */
  progress(done: number, total: number): Promise<void>;
  /** Waits `ms` (rate limits, retries); tests shorten nothing: fakes send small Retry-After values. */
  sleep(ms: number): Promise<void>;
}

export type Syncer<P extends ProviderName> = (ctx: SyncContext<P>) => AsyncIterable<SyncPage>;
