-- Survey results as published snapshots (disclosure rule 3): answers carry the snapshot that first published them,
-- and each snapshot records its new respondents per team and the blocks they were pooled into.
-- AlterTable
ALTER TABLE "SurveyResponse" ADD COLUMN     "epoch" INTEGER;

-- AlterTable
ALTER TABLE "SurveyComment" ADD COLUMN     "epoch" INTEGER;

-- CreateTable
CREATE TABLE "SurveySnapshot" (
    "runId" TEXT NOT NULL,
    "epoch" INTEGER NOT NULL,
    "week" DATE NOT NULL,
    "final" BOOLEAN NOT NULL DEFAULT false,
    "publishedOn" DATE NOT NULL,
    "publishedById" TEXT,
    "counts" JSONB NOT NULL,
    "blocks" JSONB NOT NULL,

    CONSTRAINT "SurveySnapshot_pkey" PRIMARY KEY ("runId","epoch")
);

-- CreateIndex
CREATE INDEX "SurveySnapshot_week_idx" ON "SurveySnapshot"("week");

-- AddForeignKey
ALTER TABLE "SurveySnapshot" ADD CONSTRAINT "SurveySnapshot_runId_fkey" FOREIGN KEY ("runId") REFERENCES "SurveyRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Dashboards read snapshots (which groups of a run may be shown): writes advance the data version.
CREATE TRIGGER "pillars_data_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "SurveySnapshot"
  FOR EACH STATEMENT EXECUTE FUNCTION "pillars_bump_data_version"();

-- From now on a used invitation is deleted when it is used (an updated row moves to the end of its table, in the
-- order answers arrive, which the answers' own storage order mirrors). Rows stored before keep their data but are
-- rewritten in an order unrelated to when they were stored (random keys), so no position matches another.
CLUSTER "SurveyInvitation" USING "SurveyInvitation_tokenHash_key";
CLUSTER "SurveyResponse" USING "SurveyResponse_pkey";
CLUSTER "SurveyComment" USING "SurveyComment_pkey";
