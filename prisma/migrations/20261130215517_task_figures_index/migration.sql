-- A covering index for the dashboard figures: the office counts, the ranking and the leader's scope
-- read every column they need from it (index-only scans, a third of the pages of the table). Its
-- first three columns are the index it replaces, which the task list's unit × light filter uses.
-- DropIndex
DROP INDEX "Task_leadUnitId_light_deadline_idx";

-- CreateIndex
CREATE INDEX "Task_figures_idx" ON "Task"("leadUnitId", "light", "deadline", "status", "closedAt", "year", "id", "code");
