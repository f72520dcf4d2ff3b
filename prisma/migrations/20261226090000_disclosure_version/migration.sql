-- Disclosure version: a second sequence, advanced by every statement that can change a disclosure decision (the
-- roster, the organisation's structure and settings, surveys, the values of people and survey metrics…), so the
-- inputs of those decisions are kept in memory across writes that cannot change them: delivery events, their
-- roll-ups and the values of metrics without people in them (lib/server/cache.ts, cachedByDisclosureVersion).
-- The data version is untouched: every dashboard result still follows every write.
CREATE SEQUENCE "pillars_disclosure_version";

CREATE FUNCTION "pillars_bump_disclosure_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('"pillars_disclosure_version"');
  RETURN NULL;
END
$$;

-- Metric values: only statements that touch a value of a metric with people in it (sensitivity PEOPLE or SURVEY)
-- advance it, judged on the rows as they were and as they are.
CREATE FUNCTION "pillars_bump_disclosure_version_values"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- One statement per transition table: an INSERT has no old rows and a DELETE no new ones.
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    IF EXISTS (SELECT 1 FROM "pillars_new_values" v JOIN "MetricDefinition" d ON d."id" = v."metricId" WHERE d."sensitivity" <> 'NONE') THEN
      PERFORM nextval('"pillars_disclosure_version"');
      RETURN NULL;
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    IF EXISTS (SELECT 1 FROM "pillars_old_values" v JOIN "MetricDefinition" d ON d."id" = v."metricId" WHERE d."sensitivity" <> 'NONE') THEN
      PERFORM nextval('"pillars_disclosure_version"');
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "pillars_disclosure_version_insert" AFTER INSERT ON "MetricValue"
  REFERENCING NEW TABLE AS "pillars_new_values"
  FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_disclosure_version_values"();
CREATE TRIGGER "pillars_disclosure_version_update" AFTER UPDATE ON "MetricValue"
  REFERENCING OLD TABLE AS "pillars_old_values" NEW TABLE AS "pillars_new_values"
  FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_disclosure_version_values"();
CREATE TRIGGER "pillars_disclosure_version_delete" AFTER DELETE ON "MetricValue"
  REFERENCING OLD TABLE AS "pillars_old_values"
  FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_disclosure_version_values"();
CREATE TRIGGER "pillars_disclosure_version" AFTER TRUNCATE ON "MetricValue"
  FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_disclosure_version"();

-- Every other table the data version follows, except delivery events and metric roll-ups, which no disclosure
-- decision reads (lib/server/cache.int.test.ts hides them and makes every decision's inputs again).
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT c.relname FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
    WHERE g.tgname = 'pillars_data_version' AND c.relnamespace = current_schema()::regnamespace
      AND c.relname NOT IN ('MetricValue', 'Deployment', 'PullRequest', 'PullRequestCommit', 'PullRequestReview', 'Incident',
                            'WorkItem', 'MetricRollup')
  LOOP
    EXECUTE format('CREATE TRIGGER "pillars_disclosure_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_disclosure_version"()', t);
  END LOOP;
END
$$;
