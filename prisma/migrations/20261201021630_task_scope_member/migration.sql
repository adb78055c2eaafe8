-- Who sees each task, with the columns the dashboards count and sort by (TaskScopeMember in
-- schema.prisma): one row per (unit, task) for its lead unit and co-units, and per (leader, task)
-- for the leaders reaching it — as 包抓领导, or overseeing (分管) its lead unit or a co-unit: the same
-- sets as taskScopeWhere (lib/server/auth/permissions.ts). A leader's 17k tasks at 100k are then one
-- index-only range instead of 17k lookups into "Task" (lib/server/dashboard/figure-rows-sql.ts).
--
-- Kept by statement triggers in the transaction of every write:
--   * a change of "TaskLeader", "TaskCoUnit", "LeaderUnit" or a task's lead unit recomputes the
--     membership of the tasks it touches (task_scope_refresh),
--   * any other change of a task copies its counted columns to its rows.
-- task_scope_refresh first takes the tasks' row locks (NO KEY UPDATE: compatible with the key-share
-- locks of foreign keys), so a concurrent edit of the same task waits and then sees these rows.
-- Function bodies are E-strings with \073 for their semicolons: the migration runner splits on them.
CREATE TABLE "TaskScopeMember" (
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "leadUnitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "light" TEXT,
    "deadline" DATE NOT NULL,
    "closedAt" TIMESTAMP(3),
    "code" TEXT NOT NULL,

    CONSTRAINT "TaskScopeMember_pkey" PRIMARY KEY ("scopeKind","scopeId","taskId"),
    CONSTRAINT "TaskScopeMember_scopeKind_check" CHECK ("scopeKind" IN ('unit', 'leader'))
);

CREATE INDEX "TaskScopeMember_taskId_idx" ON "TaskScopeMember"("taskId");
-- Covering: counts and the most-urgent page read the index alone.
CREATE INDEX "TaskScopeMember_figures_idx" ON "TaskScopeMember"("scopeKind", "scopeId", "light", "deadline", "code", "status", "closedAt", "year", "leadUnitId", "taskId");

ALTER TABLE "TaskScopeMember" ADD CONSTRAINT "TaskScopeMember_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- The scope pairs of some tasks: the one definition the triggers, the backfill and the tests use.
CREATE FUNCTION "task_scope_pairs"(ids TEXT[]) RETURNS TABLE ("scopeKind" TEXT, "scopeId" TEXT, "taskId" TEXT) LANGUAGE sql STABLE AS E'
  SELECT ''unit'', t."leadUnitId", t."id" FROM "Task" t WHERE t."id" = ANY(ids)
  UNION SELECT ''unit'', c."unitId", c."taskId" FROM "TaskCoUnit" c WHERE c."taskId" = ANY(ids)
  UNION SELECT ''leader'', tl."leaderId", tl."taskId" FROM "TaskLeader" tl WHERE tl."taskId" = ANY(ids)
  UNION SELECT ''leader'', lu."leaderId", t."id" FROM "Task" t JOIN "LeaderUnit" lu ON lu."unitId" = t."leadUnitId" WHERE t."id" = ANY(ids)
  UNION SELECT ''leader'', lu."leaderId", c."taskId" FROM "TaskCoUnit" c JOIN "LeaderUnit" lu ON lu."unitId" = c."unitId" WHERE c."taskId" = ANY(ids)';

CREATE FUNCTION "task_scope_refresh"(ids TEXT[]) RETURNS void LANGUAGE plpgsql AS E'BEGIN
  IF cardinality(ids) = 0 THEN RETURN\073 END IF\073
  PERFORM 1 FROM "Task" t WHERE t."id" = ANY(ids) ORDER BY t."id" FOR NO KEY UPDATE\073
  WITH p AS MATERIALIZED (SELECT * FROM "task_scope_pairs"(ids))
  DELETE FROM "TaskScopeMember" m WHERE m."taskId" = ANY(ids)
    AND NOT EXISTS (SELECT 1 FROM p WHERE p."scopeKind" = m."scopeKind" AND p."scopeId" = m."scopeId" AND p."taskId" = m."taskId")\073
  INSERT INTO "TaskScopeMember" AS m ("scopeKind", "scopeId", "taskId", "leadUnitId", "year", "status", "light", "deadline", "closedAt", "code")
    SELECT p."scopeKind", p."scopeId", p."taskId", t."leadUnitId", t."year", t."status", t."light", t."deadline", t."closedAt", t."code"
    FROM "task_scope_pairs"(ids) p JOIN "Task" t ON t."id" = p."taskId" ORDER BY 1, 2, 3
    ON CONFLICT ("scopeKind", "scopeId", "taskId") DO UPDATE SET "leadUnitId" = EXCLUDED."leadUnitId", "year" = EXCLUDED."year", "status" = EXCLUDED."status",
      "light" = EXCLUDED."light", "deadline" = EXCLUDED."deadline", "closedAt" = EXCLUDED."closedAt", "code" = EXCLUDED."code"
    WHERE (m."leadUnitId", m."year", m."status", m."light", m."deadline", m."closedAt", m."code")
      IS DISTINCT FROM (EXCLUDED."leadUnitId", EXCLUDED."year", EXCLUDED."status", EXCLUDED."light", EXCLUDED."deadline", EXCLUDED."closedAt", EXCLUDED."code")\073
END';

SELECT "task_scope_refresh"(ARRAY(SELECT "id" FROM "Task"));

CREATE FUNCTION "task_scope_task_insert"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(SELECT n."id" FROM new_rows n))\073
  RETURN NULL\073
END';

CREATE FUNCTION "task_scope_task_update"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(SELECT n."id" FROM new_rows n JOIN old_rows o ON o."id" = n."id" WHERE n."leadUnitId" IS DISTINCT FROM o."leadUnitId"))\073
  UPDATE "TaskScopeMember" m SET "leadUnitId" = n."leadUnitId", "year" = n."year", "status" = n."status", "light" = n."light", "deadline" = n."deadline", "closedAt" = n."closedAt", "code" = n."code"
    FROM new_rows n WHERE m."taskId" = n."id"
      AND (m."leadUnitId", m."year", m."status", m."light", m."deadline", m."closedAt", m."code")
        IS DISTINCT FROM (n."leadUnitId", n."year", n."status", n."light", n."deadline", n."closedAt", n."code")\073
  RETURN NULL\073
END';

-- "TaskLeader" and "TaskCoUnit": the tasks of the rows written.
CREATE FUNCTION "task_scope_link_insert"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(SELECT DISTINCT n."taskId" FROM new_rows n))\073
  RETURN NULL\073
END';
CREATE FUNCTION "task_scope_link_update"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(SELECT n."taskId" FROM new_rows n UNION SELECT o."taskId" FROM old_rows o))\073
  RETURN NULL\073
END';
CREATE FUNCTION "task_scope_link_delete"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(SELECT DISTINCT o."taskId" FROM old_rows o))\073
  RETURN NULL\073
END';

-- "LeaderUnit": every task the units lead or co-own.
CREATE FUNCTION "task_scope_oversight_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(
    SELECT t."id" FROM "Task" t WHERE t."leadUnitId" IN (SELECT "unitId" FROM changed_rows)
    UNION SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" IN (SELECT "unitId" FROM changed_rows)))\073
  RETURN NULL\073
END';

CREATE FUNCTION "task_scope_oversight_update"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "task_scope_refresh"(ARRAY(
    SELECT t."id" FROM "Task" t WHERE t."leadUnitId" IN (SELECT "unitId" FROM new_rows UNION SELECT "unitId" FROM old_rows)
    UNION SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" IN (SELECT "unitId" FROM new_rows UNION SELECT "unitId" FROM old_rows)))\073
  RETURN NULL\073
END';

CREATE TRIGGER "Task_scope_insert" AFTER INSERT ON "Task" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_task_insert"();
CREATE TRIGGER "Task_scope_update" AFTER UPDATE ON "Task" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_task_update"();

CREATE TRIGGER "TaskLeader_scope_insert" AFTER INSERT ON "TaskLeader" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_link_insert"();
CREATE TRIGGER "TaskLeader_scope_update" AFTER UPDATE ON "TaskLeader" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_link_update"();
CREATE TRIGGER "TaskLeader_scope_delete" AFTER DELETE ON "TaskLeader" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_link_delete"();

CREATE TRIGGER "TaskCoUnit_scope_insert" AFTER INSERT ON "TaskCoUnit" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_link_insert"();
CREATE TRIGGER "TaskCoUnit_scope_update" AFTER UPDATE ON "TaskCoUnit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_link_update"();
CREATE TRIGGER "TaskCoUnit_scope_delete" AFTER DELETE ON "TaskCoUnit" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_link_delete"();

CREATE TRIGGER "LeaderUnit_scope_insert" AFTER INSERT ON "LeaderUnit" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_oversight_change"();
CREATE TRIGGER "LeaderUnit_scope_delete" AFTER DELETE ON "LeaderUnit" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_oversight_change"();
CREATE TRIGGER "LeaderUnit_scope_update" AFTER UPDATE ON "LeaderUnit" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_oversight_update"();
