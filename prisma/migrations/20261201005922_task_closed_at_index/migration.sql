-- The task figure summary counts status CLOSED as closed, true while nothing is closed after today;
-- this index makes that guard one probe (lib/server/dashboard/task-figure-summary.ts).
CREATE INDEX "Task_closedAt_idx" ON "Task"("closedAt");
