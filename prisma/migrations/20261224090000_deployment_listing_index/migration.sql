-- Deployments that list the commits they ship, by service in finish order: what ingestion looks up to find the
-- weeks a written pull request or deployment moves (lib/server/data/ingest/deployments.ts), and what a recompute
-- looks up for pull requests shipped before its weeks (lib/server/data/delivery/shipped-earlier.ts). Most
-- deployments list none, so the index is small and a team without any costs one empty probe per service. The
-- predicate is written exactly as those queries write it.
CREATE INDEX "Deployment_listing_idx" ON "Deployment" ("serviceId", "finishedAt")
  WHERE coalesce(cardinality("commits"), 0) > 0;
