import "server-only";
import { client, type Tx } from "@/lib/server/data/runner";

/** One pull request of a service, with its service and team, and its commits and reviews in time order. */
export async function pullRequestWithHistory(externalId: string, serviceName: string, tx: Tx = client) {
  return tx.pullRequest.findFirst({
    where: { externalId, service: { name: serviceName } },
    select: {
      id: true, externalId: true, title: true, author: true, createdAt: true, mergedAt: true, mergeCommitSha: true, aiAssisted: true, labels: true,
      serviceId: true, service: { select: { name: true, teamId: true, team: { select: { slug: true, name: true } } } },
      commits: { select: { sha: true, authoredAt: true }, orderBy: { authoredAt: "asc" } },
      reviews: { select: { author: true, submittedAt: true }, orderBy: { submittedAt: "asc" } },
    },
  });
}
