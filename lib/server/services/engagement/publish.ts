import "server-only";
import { localDate } from "@/lib/domain/time";
import { runClosingDay } from "@/lib/server/data/engagement/runs";
import { disclosureOrg } from "@/lib/server/disclosure/org";
import { publishSnapshot, type PublishedSnapshot } from "@/lib/server/disclosure/surveys";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/http/actor";

/**
 * The run's publish action: a snapshot of its results (disclosure.md rule 3) — the final one once the run has
 * closed, an interim one while it is open. Dashboards, results pages and exports show the run only as of its
 * snapshots; the answers in between stay unpublished.
 */
export async function publishRunResults(actor: Actor, runId: string, now = new Date()): Promise<PublishedSnapshot> {
  const run = await runClosingDay(runId);
  if (!run) throw notFound("Survey run");
  const today = localDate(now, (await disclosureOrg()).timeZone);
  return publishSnapshot(actor, runId, { final: run.closesOn.toISOString().slice(0, 10) < today, now });
}
