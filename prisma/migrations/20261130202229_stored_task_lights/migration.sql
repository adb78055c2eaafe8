-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "expectedPercent" DOUBLE PRECISION,
ADD COLUMN     "light" TEXT;

-- CreateTable
CREATE TABLE "TaskLightRefresh" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "day" DATE NOT NULL,
    "refreshedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TaskLightRefresh_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Task_leadUnitId_light_deadline_idx" ON "Task"("leadUnitId", "light", "deadline");

-- CreateIndex
CREATE INDEX "Task_light_deadline_idx" ON "Task"("light", "deadline");
