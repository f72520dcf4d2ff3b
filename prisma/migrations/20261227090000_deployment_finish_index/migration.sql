-- Deployments by service in finish order, whatever their environment: what a recompute reads from `since`
-- (lib/server/data/delivery/weekly.ts and lib/server/data/events.ts). The index by environment serves reads of
-- one environment only; without this one, a recompute over many teams read every deployment of their services
-- and kept the recent ones.
CREATE INDEX "Deployment_serviceId_finishedAt_idx" ON "Deployment"("serviceId", "finishedAt");
