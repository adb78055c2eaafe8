-- Per lead unit, year, status, stored light and closed-on-time: how many tasks (TaskFigureSummary in
-- schema.prisma). Statement triggers with transition tables keep it in the same transaction as every
-- INSERT, UPDATE or DELETE of "Task", one grouped upsert per statement, touching only the keys whose
-- count changes (an edit that moves no task between keys locks no summary row), in key order.
-- The function bodies are E-strings with \073 for their semicolons, as the migration runner splits
-- the script on every semicolon.
CREATE TABLE "TaskFigureSummary" (
    "leadUnitId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "light" TEXT NOT NULL,
    "closedOnTime" BOOLEAN NOT NULL,
    "tasks" INTEGER NOT NULL,

    CONSTRAINT "TaskFigureSummary_pkey" PRIMARY KEY ("leadUnitId","year","status","light","closedOnTime")
);

INSERT INTO "TaskFigureSummary" ("leadUnitId", "year", "status", "light", "closedOnTime", "tasks")
SELECT k."leadUnitId", k."year", k."status", k."light", k."closedOnTime", count(*)::int
FROM (SELECT "leadUnitId", "year", "status", COALESCE("light", '') AS "light", ("status" = 'CLOSED' AND "closedAt" IS NOT NULL AND ("closedAt" + interval '8 hours')::date <= "deadline") AS "closedOnTime" FROM "Task") k
GROUP BY 1, 2, 3, 4, 5;

CREATE FUNCTION "task_figure_summary_insert"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TaskFigureSummary" AS f ("leadUnitId", "year", "status", "light", "closedOnTime", "tasks") SELECT k."leadUnitId", k."year", k."status", k."light", k."closedOnTime", sum(k.d)::int FROM (SELECT "leadUnitId", "year", "status", COALESCE("light", '''') AS "light", ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline") AS "closedOnTime", 1 AS d FROM new_rows) k GROUP BY 1, 2, 3, 4, 5 HAVING sum(k.d) <> 0 ORDER BY 1, 2, 3, 4, 5 ON CONFLICT ("leadUnitId", "year", "status", "light", "closedOnTime") DO UPDATE SET "tasks" = f."tasks" + EXCLUDED."tasks"\073 RETURN NULL\073 END';

CREATE FUNCTION "task_figure_summary_update"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TaskFigureSummary" AS f ("leadUnitId", "year", "status", "light", "closedOnTime", "tasks") SELECT k."leadUnitId", k."year", k."status", k."light", k."closedOnTime", sum(k.d)::int FROM (SELECT "leadUnitId", "year", "status", COALESCE("light", '''') AS "light", ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline") AS "closedOnTime", -1 AS d FROM old_rows UNION ALL SELECT "leadUnitId", "year", "status", COALESCE("light", '''') AS "light", ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline") AS "closedOnTime", 1 AS d FROM new_rows) k GROUP BY 1, 2, 3, 4, 5 HAVING sum(k.d) <> 0 ORDER BY 1, 2, 3, 4, 5 ON CONFLICT ("leadUnitId", "year", "status", "light", "closedOnTime") DO UPDATE SET "tasks" = f."tasks" + EXCLUDED."tasks"\073 RETURN NULL\073 END';

CREATE FUNCTION "task_figure_summary_delete"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN INSERT INTO "TaskFigureSummary" AS f ("leadUnitId", "year", "status", "light", "closedOnTime", "tasks") SELECT k."leadUnitId", k."year", k."status", k."light", k."closedOnTime", sum(k.d)::int FROM (SELECT "leadUnitId", "year", "status", COALESCE("light", '''') AS "light", ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline") AS "closedOnTime", -1 AS d FROM old_rows) k GROUP BY 1, 2, 3, 4, 5 HAVING sum(k.d) <> 0 ORDER BY 1, 2, 3, 4, 5 ON CONFLICT ("leadUnitId", "year", "status", "light", "closedOnTime") DO UPDATE SET "tasks" = f."tasks" + EXCLUDED."tasks"\073 RETURN NULL\073 END';

CREATE TRIGGER "Task_figure_summary_insert" AFTER INSERT ON "Task" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_figure_summary_insert"();

CREATE TRIGGER "Task_figure_summary_update" AFTER UPDATE ON "Task" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_figure_summary_update"();

CREATE TRIGGER "Task_figure_summary_delete" AFTER DELETE ON "Task" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_figure_summary_delete"();
