-- CreateTable
CREATE TABLE "ImportBatch" (
    "id" BIGSERIAL NOT NULL,
    "importId" TEXT NOT NULL,
    "metricIds" TEXT[],
    "teamIds" TEXT[],
    "weeks" DATE[],
    "before" JSONB NOT NULL,

    CONSTRAINT "ImportBatch_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ImportBatch_importId_idx" ON "ImportBatch"("importId");

-- CreateIndex
CREATE INDEX "ImportBatch_metricIds_idx" ON "ImportBatch" USING GIN ("metricIds");

-- AddForeignKey
ALTER TABLE "ImportBatch" ADD CONSTRAINT "ImportBatch_importId_fkey" FOREIGN KEY ("importId") REFERENCES "Import"("id") ON DELETE CASCADE ON UPDATE CASCADE;

