-- How many tasks each scope (unit or leader, as in "TaskScopeMember") has per year, status, stored
-- light, deadline and closed-on-time: a leader's counts read a few thousand rows at any number of
-- tasks instead of their whole scope (lib/server/dashboard/scope-figures.ts). The deadline in the
-- key makes overdue (open, deadline before today) a sum as well.
--
-- Writers never update a shared count: a statement trigger on "TaskScopeMember" appends its net
-- change per key to "TaskScopeFigureDelta" (one row per key a statement changes), so fifty writers
-- on different tasks of one leader never wait on each other. Readers add the deltas to the counts.
-- task_scope_figures_fold() moves the committed deltas into "TaskScopeFigures" in one statement
-- (readers see them in one place or the other, never both). The daily light refresh calls it.
-- Function bodies are E-strings with \073 for their semicolons: the migration runner splits on them.
CREATE TABLE "TaskScopeFigures" (
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "light" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "closedOnTime" BOOLEAN NOT NULL,
    "tasks" INTEGER NOT NULL,

    CONSTRAINT "TaskScopeFigures_pkey" PRIMARY KEY ("scopeKind","scopeId","year","status","light","deadline","closedOnTime")
);

CREATE TABLE "TaskScopeFigureDelta" (
    "id" BIGSERIAL NOT NULL,
    "scopeKind" TEXT NOT NULL,
    "scopeId" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "status" "TaskStatus" NOT NULL,
    "light" TEXT NOT NULL,
    "deadline" DATE NOT NULL,
    "closedOnTime" BOOLEAN NOT NULL,
    "tasks" INTEGER NOT NULL,

    CONSTRAINT "TaskScopeFigureDelta_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "TaskScopeFigureDelta_scope_idx" ON "TaskScopeFigureDelta"("scopeKind", "scopeId");

INSERT INTO "TaskScopeFigures" ("scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks")
SELECT m."scopeKind", m."scopeId", m."year", m."status", COALESCE(m."light", ''), m."deadline",
  (m."status" = 'CLOSED' AND m."closedAt" IS NOT NULL AND (m."closedAt" + interval '8 hours')::date <= m."deadline"), count(*)::int
FROM "TaskScopeMember" m GROUP BY 1, 2, 3, 4, 5, 6, 7;

CREATE FUNCTION "task_scope_figure_delta"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO "TaskScopeFigureDelta" ("scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks")
  SELECT k."scopeKind", k."scopeId", k."year", k."status", k."light", k."deadline", k."closedOnTime", sum(k.d)::int
  FROM (
    SELECT "scopeKind", "scopeId", "year", "status", COALESCE("light", '''') AS "light", "deadline",
      ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline") AS "closedOnTime", -1 AS d
    FROM old_rows
    UNION ALL
    SELECT "scopeKind", "scopeId", "year", "status", COALESCE("light", '''') AS "light", "deadline",
      ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline") AS "closedOnTime", 1 AS d
    FROM new_rows
  ) k
  GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(k.d) <> 0\073
  RETURN NULL\073
END';

-- INSERT and DELETE have one transition table each: their own functions.
CREATE FUNCTION "task_scope_figure_delta_insert"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO "TaskScopeFigureDelta" ("scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks")
  SELECT "scopeKind", "scopeId", "year", "status", COALESCE("light", ''''), "deadline",
    ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline"), count(*)::int
  FROM new_rows GROUP BY 1, 2, 3, 4, 5, 6, 7\073
  RETURN NULL\073
END';

CREATE FUNCTION "task_scope_figure_delta_delete"() RETURNS trigger LANGUAGE plpgsql AS E'BEGIN
  INSERT INTO "TaskScopeFigureDelta" ("scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks")
  SELECT "scopeKind", "scopeId", "year", "status", COALESCE("light", ''''), "deadline",
    ("status" = ''CLOSED'' AND "closedAt" IS NOT NULL AND ("closedAt" + interval ''8 hours'')::date <= "deadline"), -count(*)::int
  FROM old_rows GROUP BY 1, 2, 3, 4, 5, 6, 7\073
  RETURN NULL\073
END';

CREATE FUNCTION "task_scope_figures_fold"() RETURNS void LANGUAGE plpgsql AS E'BEGIN
  WITH moved AS (DELETE FROM "TaskScopeFigureDelta" RETURNING "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks")
  INSERT INTO "TaskScopeFigures" AS f ("scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", "tasks")
  SELECT "scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime", sum("tasks")::int
  FROM moved GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum("tasks") <> 0 ORDER BY 1, 2, 3, 4, 5, 6, 7
  ON CONFLICT ("scopeKind", "scopeId", "year", "status", "light", "deadline", "closedOnTime") DO UPDATE SET "tasks" = f."tasks" + EXCLUDED."tasks"\073
  DELETE FROM "TaskScopeFigures" WHERE "tasks" = 0\073
END';

CREATE TRIGGER "TaskScopeMember_figures_insert" AFTER INSERT ON "TaskScopeMember" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_figure_delta_insert"();
CREATE TRIGGER "TaskScopeMember_figures_update" AFTER UPDATE ON "TaskScopeMember" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_figure_delta"();
CREATE TRIGGER "TaskScopeMember_figures_delete" AFTER DELETE ON "TaskScopeMember" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "task_scope_figure_delta_delete"();
