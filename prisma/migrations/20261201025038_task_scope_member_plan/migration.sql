-- The task's plan on its scope rows too: the task list's plan choices (plans with a task in the
-- user's scope) become one probe per plan of the user's member rows (lib/server/tasks/list-task-choices.ts).
ALTER TABLE "TaskScopeMember" ADD COLUMN "planId" TEXT;

UPDATE "TaskScopeMember" m SET "planId" = t."planId" FROM "Task" t WHERE t."id" = m."taskId" AND t."planId" IS NOT NULL;

CREATE INDEX "TaskScopeMember_plan_idx" ON "TaskScopeMember"("scopeKind", "scopeId", "planId");

CREATE OR REPLACE FUNCTION "task_scope_refresh"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS E'BEGIN
  IF cardinality(ids) = 0 THEN RETURN\073 END IF\073
  PERFORM 1 FROM "Task" t WHERE t."id" = ANY(ids) ORDER BY t."id" FOR NO KEY UPDATE\073
  WITH p AS MATERIALIZED (SELECT * FROM "task_scope_pairs"(ids))
  DELETE FROM "TaskScopeMember" m WHERE m."taskId" = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM p WHERE p."scopeKind" = m."scopeKind" AND p."scopeId" = m."scopeId" AND p."taskId" = m."taskId")\073
  INSERT INTO "TaskScopeMember" AS m ("scopeKind", "scopeId", "taskId", "leadUnitId", "year", "status", "light", "deadline", "closedAt", "code", "planId")
    SELECT p."scopeKind", p."scopeId", p."taskId", t."leadUnitId", t."year", t."status", t."light", t."deadline", t."closedAt", t."code", t."planId"
    FROM "task_scope_pairs"(ids) p JOIN "Task" t ON t."id" = p."taskId" ORDER BY 1, 2, 3
    ON CONFLICT ("scopeKind", "scopeId", "taskId") DO UPDATE SET "leadUnitId" = EXCLUDED."leadUnitId", "year" = EXCLUDED."year", "status" = EXCLUDED."status",
      "light" = EXCLUDED."light", "deadline" = EXCLUDED."deadline", "closedAt" = EXCLUDED."closedAt", "code" = EXCLUDED."code", "planId" = EXCLUDED."planId"
    WHERE (m."leadUnitId", m."year", m."status", m."light", m."deadline", m."closedAt", m."code", m."planId")
      IS DISTINCT FROM (EXCLUDED."leadUnitId", EXCLUDED."year", EXCLUDED."status", EXCLUDED."light", EXCLUDED."deadline", EXCLUDED."closedAt", EXCLUDED."code", EXCLUDED."planId")\073
END';

CREATE OR REPLACE FUNCTION "task_scope_task_update"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."leadUnitId" IS DISTINCT FROM o."leadUnitId"))\073
  UPDATE "TaskScopeMember" m SET "leadUnitId" = n."leadUnitId", "year" = n."year", "status" = n."status", "light" = n."light", "deadline" = n."deadline", "closedAt" = n."closedAt", "code" = n."code", "planId" = n."planId"
    FROM new_rows n WHERE m."taskId" = n."id"
      AND (m."leadUnitId", m."year", m."status", m."light", m."deadline", m."closedAt", m."code", m."planId")
        IS DISTINCT FROM (n."leadUnitId", n."year", n."status", n."light", n."deadline", n."closedAt", n."code", n."planId")\073
  RETURN NULL\073
END';
