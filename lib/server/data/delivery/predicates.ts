import "server-only";

/**
 * Predicates on "Deployment" written exactly as its partial indexes are, so the planner uses them: the
 * successful production deployments (migration deployment_success_index: the chain's "last success before" and
 * "first success after") and those listing the commits they ship (migration deployment_listing_index).
 */
export const successfulProduction = (d: string) => `${d}."status" = 'success' AND lower(btrim(${d}."environment")) = 'production'`;

export const listsCommits = (d: string) => `coalesce(cardinality(${d}."commits"), 0) > 0`;
