-- The summary's overdue figure subtracts, per lead unit, the red tasks not yet past their deadline
-- (task-figure-summary.ts): with the lead unit, status and year in the (light, deadline) index that
-- count is one index-only range (~0.4 ms at 100k) instead of a skip scan of the figures index.
DROP INDEX "Task_light_deadline_idx";
CREATE INDEX "Task_light_deadline_idx" ON "Task"("light", "deadline", "leadUnitId", "status", "year");
