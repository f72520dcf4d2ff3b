-- Data version: every statement that changes what dashboards read advances one sequence, so each app
-- instance can keep computed dashboard results in memory and learn with one query whether they are still
-- current (lib/server/cache.ts). Sequences are not transactional: the bump happens inside the writer's
-- transaction, and readers only keep a result when no writing transaction was open after they read the version.
CREATE SEQUENCE "pillars_data_version";

CREATE FUNCTION "pillars_bump_data_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('"pillars_data_version"');
  RETURN NULL;
END
$$;

-- Every table except sign-in bookkeeping, logs, import staging and job state, which no dashboard reads.
DO $$
DECLARE
  t text;
BEGIN
  FOR t IN
    SELECT tablename FROM pg_tables
    WHERE schemaname = current_schema()
      AND tablename NOT IN ('_prisma_migrations', 'RevokedSession', 'SignInThrottle', 'ApiToken', 'AuditLog', 'Import', 'ImportChunk',
                            'ImportChange', 'Job', 'WebhookDelivery', 'SurveyInvitation')
  LOOP
    EXECUTE format('CREATE TRIGGER "pillars_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                    FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_data_version"()', t);
  END LOOP;
END
$$;
