/**
 * What `GET /api/v1/admin/connectors` answers: each connector as an admin sees it (never its token), and the
 * providers' descriptions that drive the form. Pure types: the server builds them, Admin → Connectors reads them.
 */
import type { ProviderInfo, ProviderName } from "./providers";

/** A finished sync's counts, as the sync engine records them (lib/server/services/connectors/sync.ts). */
export interface ConnectorCounts {
  deployments?: { received: number; created: number; updated: number };
  pullRequests?: { received: number; created: number; updated: number };
  incidents?: { received: number; created: number; updated: number };
  workItems?: { received: number; created: number; updated: number };
  skipped?: number;
  pages?: number;
  problems?: string[];
}

/** The queued or running sync, with its progress and, while a retry waits, the failed run's error. */
export interface ConnectorJob {
  id: string;
  url: string;
  status: string;
  progress: number;
  total: number;
  attempts: number;
  error: string | null;
}

export interface ConnectorView {
  id: string;
  name: string;
  provider: ProviderName;
  providerLabel: string;
  apiUrl: string;
  options: Record<string, unknown>;
  defaultTeam: { id: string; name: string } | null;
  backfillDays: number;
  intervalMinutes: number;
  enabled: boolean;
  nextSyncAt: string;
  lastSyncAt: string | null;
  lastSyncStatus: "DONE" | "FAILED" | null;
  lastError: string | null;
  lastCounts: ConnectorCounts | null;
  job: ConnectorJob | null;
  createdAt: string;
}

export interface ConnectorList {
  connectors: ConnectorView[];
  providers: Record<ProviderName, ProviderInfo>;
}
