-- A unit's open tasks by deadline (the home page's target chart and due-this-week list) read only
-- open member rows: at 1M tasks the unit's earliest deadlines are mostly closed tasks, and walking
-- past them in the full deadline index took 10 ms. The predicate is OPEN_STATUSES, written as the
-- queries write it (lib/server/dashboard/figure-rows-sql.ts OPEN_MEMBER_SQL, a test keeps them equal).
CREATE INDEX "TaskScopeMember_open_deadline_idx" ON "TaskScopeMember"("scopeKind", "scopeId", "deadline", "code", "leadUnitId", "taskId")
  WHERE "status" IN ('ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'CLOSURE_REQUESTED');
