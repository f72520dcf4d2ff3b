import type { DeploymentInput, PullRequestInput } from "@/lib/validation/ingest";
import { serviceName } from "./dataset";

/**
 * New delivery events for the ingestion and incremental-recompute measurements: spread round-robin over
 * the dataset's services, finishing within the week before `before`, with external ids no generated
 * event uses (`tag` keeps separate runs apart).
 */
function instant(before: Date, i: number, count: number): string {
  const spanMs = 6 * 86_400_000;
  return new Date(before.getTime() - spanMs + Math.floor(((i + 0.5) / count) * spanMs)).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export function newDeployments(tag: string, count: number, teams: number, servicesPerTeam: number, before: Date): DeploymentInput[] {
  const services = teams * servicesPerTeam;
  return Array.from({ length: count }, (_, i) => {
    const s = i % services;
    return {
      externalId: `${tag}-${i + 1}`,
      service: serviceName(Math.floor(s / servicesPerTeam), s % servicesPerTeam),
      environment: "production",
      status: i % 20 === 0 ? "failure" : "success",
      finishedAt: instant(before, i, count),
      commitSha: `${tag}${String(i).padStart(8, "0")}`,
      kind: "regular",
    };
  });
}

export function newPullRequests(tag: string, count: number, teams: number, servicesPerTeam: number, before: Date): PullRequestInput[] {
  const services = teams * servicesPerTeam;
  return Array.from({ length: count }, (_, i) => {
    const s = i % services;
    const merged = instant(before, i, count);
    const opened = new Date(Date.parse(merged) - 20 * 3_600_000).toISOString();
    const committed = new Date(Date.parse(merged) - 30 * 3_600_000).toISOString();
    const reviewed = new Date(Date.parse(merged) - 4 * 3_600_000).toISOString();
    return {
      externalId: `${tag}-${i + 1}`,
      service: serviceName(Math.floor(s / servicesPerTeam), s % servicesPerTeam),
      author: `dev-${i % 12}`,
      createdAt: opened,
      mergedAt: merged,
      mergeCommitSha: `${tag}m${String(i).padStart(8, "0")}`,
      commits: [
        { sha: `${tag}c${String(i).padStart(8, "0")}`, authoredAt: committed },
        { sha: `${tag}d${String(i).padStart(8, "0")}`, authoredAt: opened },
      ],
      reviews: [{ author: `rev-${i % 12}`, submittedAt: reviewed }],
      labels: i % 5 === 0 ? ["ai-assisted"] : [],
    };
  });
}

export function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
