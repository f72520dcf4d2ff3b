-- Sessions signed in before this instant are refused: set on a password change or reset, deactivation and role change.
-- AlterTable
ALTER TABLE "User" ADD COLUMN     "sessionsValidAfter" TIMESTAMP(3);
