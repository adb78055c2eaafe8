-- A leader's or unit's task list by deadline (the default order) reads its member rows in that order
-- and stops at the page (lib/server/tasks/list-tasks.ts), instead of sorting the whole scope.
CREATE INDEX "TaskScopeMember_deadline_idx" ON "TaskScopeMember"("scopeKind", "scopeId", "deadline", "code", "status", "light", "taskId");
