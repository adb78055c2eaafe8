-- The task page finds the parts a task was split into by "splitFromId" (lib/server/tasks/get-task.ts).
CREATE INDEX "Task_splitFromId_idx" ON "Task"("splitFromId");
