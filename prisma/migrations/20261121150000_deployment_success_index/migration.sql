-- Successful production deployments of a service in finish order: the recompute's "last success before" and
-- "first success after" lookups (lib/server/data/events.ts) read one index entry per service instead of
-- every deployment of it. The predicate is written exactly as those queries write it.
CREATE INDEX "Deployment_success_production_idx" ON "Deployment" ("serviceId", "finishedAt")
  WHERE "status" = 'success' AND lower(btrim("environment")) = 'production';
