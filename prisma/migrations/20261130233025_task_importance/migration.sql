-- CreateEnum
CREATE TYPE "TaskImportance" AS ENUM ('NORMAL', 'IMPORTANT', 'KEY');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "importance" "TaskImportance" NOT NULL DEFAULT 'NORMAL';
