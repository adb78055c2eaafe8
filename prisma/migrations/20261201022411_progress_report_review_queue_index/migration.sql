-- The office home's queues of pending reports and closure requests (oldest first), and its count of
-- both as an index-only scan (taskId for the anti-join on cancelled tasks): lib/server/dashboard/get-office-dashboard.ts.
CREATE INDEX "ProgressReport_reviewState_closureRequest_createdAt_taskId_idx" ON "ProgressReport"("reviewState", "closureRequest", "createdAt", "taskId");
