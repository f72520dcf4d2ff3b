import "server-only";
import { finishesListingShas, storedDeploymentFinishes, teamsListingCommits, upsertDeployments } from "@/lib/server/data/ingest/deployments";
import { mergesOfShas, shasMergedAround } from "@/lib/server/data/ingest/pull-requests";
import type { AffectedTeams } from "@/lib/server/services/delivery/affected";
import type { SqlRunner } from "@/lib/server/sql-runner";
import type { DeploymentInput } from "@/lib/validation/ingest";
import { fromEpoch, type IngestResult } from "./batch";
import { lastPerKey, resolveServices } from "./services";

/**
 * Upserts a batch of deployments in one statement, keyed by (service, externalId): resending a
 * deployment updates it. Records the teams and instants touched (old and new finish) for the recompute.
 */
export async function writeDeployments(tx: SqlRunner, items: readonly DeploymentInput[], affected: AffectedTeams): Promise<IngestResult> {
  const services = await resolveServices(tx, items.map((d, index) => ({ index, service: d.service, team: d.team })), affected);
  const rows = lastPerKey(
    items.map((d, index) => ({ ...d, index, serviceId: (services.get(d.service) as { id: string }).id })),
    (d) => `${d.serviceId}\u0000${d.externalId}`,
  );

  const previous = await storedDeploymentFinishes(tx, { ownerIds: rows.map((r) => r.serviceId), externalIds: rows.map((r) => r.externalId) });

  const written = await upsertDeployments(
    tx,
    rows.map((r) => ({
      serviceId: r.serviceId,
      externalId: r.externalId,
      environment: r.environment,
      status: r.status,
      kind: r.kind,
      startedAt: r.startedAt ?? null,
      finishedAt: r.finishedAt,
      commitSha: r.commitSha,
      commits: r.commits ?? null,
    })),
  );

  const teamOf = new Map([...services.values()].map((s) => [s.id, s.teamId]));
  for (const r of rows) affected.addDelivery(teamOf.get(r.serviceId) ?? null, [new Date(r.finishedAt)]);
  for (const p of previous) affected.addDelivery(teamOf.get(p.serviceId) ?? null, [fromEpoch(p.finishedAt)]);
  // A deployment listing commits ships the team's pull requests merged as them, wherever they merged: the
  // weeks of their merges (where another deployment shipped them, or will) change too — for the commits listed
  // now and before.
  const listedShas = [
    ...rows.flatMap((r) => ((r.commits?.length ?? 0) > 0 ? [...(r.commits ?? []), r.commitSha] : [])),
    ...previous.flatMap((p) => p.shas),
  ];
  const teams = [...new Set(rows.flatMap((r) => teamOf.get(r.serviceId) ?? []))];
  for (const m of await mergesOfShas(tx, teams, [...new Set(listedShas)])) affected.addDelivery(m.teamId, [fromEpoch(m.mergedAt)]);
  // And a deployment shipping by its window, where it finishes now and did before, passes the pull requests
  // merged around it between itself and its neighbours: one no longer shipped there goes to a deployment
  // listing it, whose week changes too.
  // Only teams with deployments that list commits can hand a pull request on that way.
  const listing = await teamsListingCommits(tx, teams);
  const listingService = (serviceId: string) => listing.has(teamOf.get(serviceId) ?? "");
  const around = await shasMergedAround(tx, [
    ...rows.filter((r) => listingService(r.serviceId)).map((r) => ({ serviceId: r.serviceId, instant: Date.parse(r.finishedAt) })),
    ...previous.filter((p) => listingService(p.serviceId)).map((p) => ({ serviceId: p.serviceId, instant: p.finishedAt })),
  ]);
  for (const d of await finishesListingShas(tx, [...listing], around)) affected.addDelivery(d.teamId, [fromEpoch(d.finishedAt)]);

  const created = written.filter((w) => w.inserted).length;
  return {
    received: items.length,
    created,
    updated: written.length - created,
    unassignedServices: [...services.entries()].filter(([, s]) => s.teamId === null).map(([name]) => name),
  };
}
