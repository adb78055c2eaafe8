-- How many of the tasks in each unit's scope (its 'unit' rows of "TaskScopeMember": led or co-owned)
-- each leader leads as 包抓领导 ("TaskLeader"): a unit user's leader choices on the task list are the
-- unit's rows here (lib/server/tasks/list-task-choices.ts) instead of a join of its ~10k member rows
-- at 1M tasks to their leaders (50 ms). A row whose count reaches 0 is deleted.
--
-- Kept by statement triggers with transition tables, each reading the other table as it is after
-- the statement, so a task's creation (member rows first, then its leaders) counts every
-- (unit, leader, task) once whichever side is written first:
--   * "TaskScopeMember" INSERT and DELETE of 'unit' rows: plus or minus their tasks' leaders.
--     Not UPDATE: the column copies on every report change no unit or task of a row.
--   * "TaskLeader" INSERT, UPDATE, DELETE: plus or minus the rows' tasks' units.
--   * "Task" DELETE, per row before it goes: minus the task's pairs. Its member rows and leaders both
--     go by cascade, and the cascades' triggers fire only once both are gone (foreign key actions
--     queue their triggers to the end of the deleting statement): each finds the other side empty.
-- The changes are summed per (unit, leader) and applied in key order (concurrent writers lock the
-- shared rows in one order). Function bodies are E-strings with \073 for their semicolons: the
-- migration runner splits on them.
CREATE TABLE "UnitTaskLeader" (
    "unitId" TEXT NOT NULL,
    "leaderId" TEXT NOT NULL,
    "tasks" INTEGER NOT NULL,

    CONSTRAINT "UnitTaskLeader_pkey" PRIMARY KEY ("unitId","leaderId")
);

INSERT INTO "UnitTaskLeader" ("unitId", "leaderId", "tasks")
SELECT m."scopeId", tl."leaderId", count(*)::int
FROM "TaskScopeMember" m JOIN "TaskLeader" tl ON tl."taskId" = m."taskId"
WHERE m."scopeKind" = 'unit' GROUP BY 1, 2;

-- Adds the changes (unit, leader, +n or -n): summed per key, upserted in key order, zeros removed.
CREATE FUNCTION "unit_task_leader_apply"(units TEXT[], leaders TEXT[], deltas INTEGER[]) RETURNS void LANGUAGE plpgsql AS E'BEGIN
  IF coalesce(cardinality(units), 0) = 0 THEN RETURN\073 END IF\073
  INSERT INTO "UnitTaskLeader" AS k ("unitId", "leaderId", "tasks")
    SELECT c.u, c.l, sum(c.d)::int FROM unnest(units, leaders, deltas) AS c(u, l, d)
    GROUP BY 1, 2 HAVING sum(c.d) <> 0 ORDER BY 1, 2
    ON CONFLICT ("unitId", "leaderId") DO UPDATE SET "tasks" = k."tasks" + EXCLUDED."tasks"\073
  DELETE FROM "UnitTaskLeader" k USING (SELECT DISTINCT c.u, c.l FROM unnest(units, leaders) AS c(u, l)) c
    WHERE k."unitId" = c.u AND k."leaderId" = c.l AND k."tasks" = 0\073
END';

CREATE FUNCTION "unit_task_leader_member_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "unit_task_leader_apply"(array_agg(m."scopeId"), array_agg(tl."leaderId"), array_fill(CASE TG_OP WHEN ''INSERT'' THEN 1 ELSE -1 END, ARRAY[count(*)::int]))
    FROM changed_rows m JOIN "TaskLeader" tl ON tl."taskId" = m."taskId" WHERE m."scopeKind" = ''unit''\073
  RETURN NULL\073
END';

CREATE FUNCTION "unit_task_leader_leader_change"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "unit_task_leader_apply"(array_agg(m."scopeId"), array_agg(tl."leaderId"), array_fill(CASE TG_OP WHEN ''INSERT'' THEN 1 ELSE -1 END, ARRAY[count(*)::int]))
    FROM changed_rows tl JOIN "TaskScopeMember" m ON m."taskId" = tl."taskId" WHERE m."scopeKind" = ''unit''\073
  RETURN NULL\073
END';

CREATE FUNCTION "unit_task_leader_leader_update"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "unit_task_leader_apply"(array_agg(m."scopeId"), array_agg(tl."leaderId"), array_agg(tl.d))
    FROM (SELECT n."taskId", n."leaderId", 1 AS d FROM new_rows n UNION ALL SELECT o."taskId", o."leaderId", -1 FROM old_rows o) tl
    JOIN "TaskScopeMember" m ON m."taskId" = tl."taskId" WHERE m."scopeKind" = ''unit''\073
  RETURN NULL\073
END';

CREATE TRIGGER "TaskScopeMember_count_unit_leader_insert" AFTER INSERT ON "TaskScopeMember" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "unit_task_leader_member_change"();
CREATE TRIGGER "TaskScopeMember_count_unit_leader_delete" AFTER DELETE ON "TaskScopeMember" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "unit_task_leader_member_change"();

CREATE TRIGGER "TaskLeader_count_unit_leader_insert" AFTER INSERT ON "TaskLeader" REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "unit_task_leader_leader_change"();
CREATE TRIGGER "TaskLeader_count_unit_leader_update" AFTER UPDATE ON "TaskLeader" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "unit_task_leader_leader_update"();
CREATE TRIGGER "TaskLeader_count_unit_leader_delete" AFTER DELETE ON "TaskLeader" REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION "unit_task_leader_leader_change"();

CREATE FUNCTION "unit_task_leader_task_delete"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  PERFORM "unit_task_leader_apply"(array_agg(m."scopeId"), array_agg(tl."leaderId"), array_agg(-1))
    FROM "TaskScopeMember" m JOIN "TaskLeader" tl ON tl."taskId" = m."taskId" WHERE m."taskId" = OLD."id" AND m."scopeKind" = ''unit''\073
  RETURN OLD\073
END';

CREATE TRIGGER "Task_count_unit_leader_delete" BEFORE DELETE ON "Task" FOR EACH ROW EXECUTE FUNCTION "unit_task_leader_task_delete"();
