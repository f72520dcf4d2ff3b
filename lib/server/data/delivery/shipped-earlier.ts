import "server-only";
import { listsCommits, successfulProduction } from "./predicates";

/**
 * Reading a team's delivery events from an instant on (an incremental recompute, a period's summary) sees the
 * deployments from then and the pull requests merged from then, plus older ones a loaded deployment lists by
 * SHA. But "the earliest shipping deployment wins" (lib/delivery/changes.ts), and a pull request the read
 * sees may have shipped before, by a deployment it does not see, or sees without its predecessor (the first of
 * its chain, which ships nothing in the read). Another deployment listing it again (a redeploy, a list carried
 * over) would then count it a second time, in a later week.
 *
 * The read states from when it keeps what it computes (`keptFrom`: its first week's start or earlier). A pull
 * request is shipped earlier when, over the whole history, a deployment of the team's services that finished
 * before `keptFrom` ships it:
 * - one listing commits (or being one) that include its merge commit and having a predecessor in its chain (an
 *   earlier successful production deployment of its service, in finish order: finish, start with unknown last,
 *   id bytewise) — a deployment may finish before the merge it lists (clock skew; its deploy span is then
 *   empty), so any merge time qualifies;
 * - or, for one of the team's services' pull requests merged before `keptFrom`, the first of its service's
 *   successful production deployments finishing at or after the merge, when that one lists no commits and
 *   another finished before the merge.
 * Its lead time belongs to a week before `keptFrom`: the read marks it, no deployment it sees ships it, and
 * the weeks it keeps are what the whole history gives.
 *
 * The statements below read a relation `team` ("teamId", "serviceIds" text[], "keptFrom" timestamp, UTC).
 */

const finishOrder = (d: string) => `(${d}."finishedAt", coalesce(${d}."startedAt", 'infinity'::timestamp), ${d}."id" COLLATE "C")`;

/** ("teamId", "sha"): the commits listed by each team's deployments that ship by list before its `keptFrom`. */
export const EARLIER_LISTED = `
  SELECT DISTINCT team."teamId", u.sha
  FROM team JOIN "Deployment" e ON e."serviceId" = ANY(team."serviceIds") AND e."finishedAt" < team."keptFrom"
  CROSS JOIN LATERAL unnest(array_append(e."commits", e."commitSha")) AS u(sha)
  WHERE ${successfulProduction("e")} AND ${listsCommits("e")} AND u.sha <> ''
    AND EXISTS (SELECT 1 FROM "Deployment" f WHERE f."serviceId" = e."serviceId" AND ${successfulProduction("f")} AND ${finishOrder("f")} < ${finishOrder("e")})`;

/**
 * The condition that the pull request `p` (with "teamId", "id", "serviceId", "mergedAt", "mergeCommitSha"),
 * joined to its `team` row, shipped earlier; `listed` names a relation of EARLIER_LISTED's rows.
 */
export function shippedEarlier(p: string, listed: string): string {
  // An uncorrelated IN, so the listed commits are hashed once rather than scanned per pull request.
  return `(coalesce((${p}."teamId", ${p}."mergeCommitSha") IN (SELECT l."teamId", l.sha FROM ${listed} l), false)
    OR (${p}."mergedAt" < team."keptFrom" AND ${p}."serviceId" = ANY(team."serviceIds")
      AND EXISTS (SELECT 1 FROM "Deployment" f WHERE f."serviceId" = ${p}."serviceId" AND ${successfulProduction("f")} AND f."finishedAt" < ${p}."mergedAt")
      AND coalesce((
        SELECT NOT (${listsCommits("n")}) AND n."finishedAt" < team."keptFrom"
        FROM "Deployment" n
        WHERE n."serviceId" = ${p}."serviceId" AND ${successfulProduction("n")} AND n."finishedAt" >= ${p}."mergedAt"
        ORDER BY n."finishedAt", n."startedAt" NULLS LAST, n."id" COLLATE "C" LIMIT 1
      ), false)))`;
}
