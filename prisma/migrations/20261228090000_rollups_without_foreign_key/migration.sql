-- Roll-ups are derived rows, written only by joining the metric definitions (lib/server/data/rollups.ts), so a
-- roll-up of an unknown metric cannot be written. The foreign key checked that again for every roll-up row, one
-- lookup and row lock each: about 0.4 s of an import of 100,000 values (32,400 roll-up rows). What it did on
-- delete is kept by a trigger: deleting metric definitions deletes their roll-ups in the same statement.

-- DropForeignKey
ALTER TABLE "MetricRollup" DROP CONSTRAINT "MetricRollup_metricId_fkey";

CREATE FUNCTION "pillars_delete_metric_rollups"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "MetricRollup" r USING deleted_metrics d WHERE r."metricId" = d."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "pillars_metric_rollups_deleted" AFTER DELETE ON "MetricDefinition"
  REFERENCING OLD TABLE AS deleted_metrics
  FOR EACH STATEMENT EXECUTE FUNCTION "pillars_delete_metric_rollups"();
