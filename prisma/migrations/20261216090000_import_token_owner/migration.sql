-- An import uploaded with an API token belongs to that token: it sees (previews, runs, reads) only its own.
-- AlterTable
ALTER TABLE "Import" ADD COLUMN     "createdByTokenId" TEXT;
