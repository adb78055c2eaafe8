-- The homes' monthly trend, counted per scope by the scheduled job 'month-lights'
-- (lib/server/dashboard/record-month-lights.ts). Derived: not backed up, refilled by the job.
CREATE TABLE "MonthLightFigures" (
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "asOfDay" DATE NOT NULL,
    "red" INTEGER NOT NULL,
    "yellow" INTEGER NOT NULL,
    "green" INTEGER NOT NULL,
    "closed" INTEGER NOT NULL,
    "countedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonthLightFigures_pkey" PRIMARY KEY ("scopeKind","scopeId","year","month")
);
