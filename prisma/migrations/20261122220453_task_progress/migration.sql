-- AlterTable
ALTER TABLE "ProgressReport" ADD COLUMN     "closureRequest" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "progressPercent" DOUBLE PRECISION NOT NULL DEFAULT 0;
