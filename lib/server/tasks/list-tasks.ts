import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { scopeMemberKey, taskInScopeSql, taskScopeSql } from '@/lib/server/tasks/task-scope-sql';
import { storedLightsAreFor, taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { isoFromDate } from '@/lib/core/schemas/common';
import { filtersBeyondStatus, type TaskListParams, type TaskListSort } from '@/lib/core/schemas/task-list';
import { isoDateFromDayNumber, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';
import { expectedProgress, type TrafficLight } from '@/lib/core/schedule/progress';
import type { TaskStatus } from '@/lib/core/workflow/task-status';
import { storedTargetFigure } from '@/lib/core/targets/stored-target';
import type { DbComparator } from '@/lib/core/targets/comparator';
import { targetText } from '@/lib/core/targets/target-text';

// Whitelisted sort keys → SQL. Ties break on the unique code so pages never overlap.
const ORDER_COLUMNS: Record<TaskListSort, Prisma.Sql> = {
  deadline: Prisma.sql`t."deadline"`,
  code: Prisma.sql`t."code"`,
  title: Prisma.sql`t."title"`,
  status: Prisma.sql`t."status"`, // enum order: 交办 → 已销号
  progress: Prisma.sql`t."progressPercent"`,
  leadUnit: Prisma.sql`(SELECT u."sortOrder" FROM "Unit" u WHERE u."id" = t."leadUnitId")`,
  updatedAt: Prisma.sql`t."updatedAt"`,
};

function likePattern(text: string) {
  return `%${text.replace(/[\\%_]/g, '\\$&')}%`;
}

function hasCasedLetters(text: string) {
  return text.toLowerCase() !== text.toUpperCase();
}

/** The list's status filter on the "status" column of the row aliased `alias` ("Task" or "TaskFigureSummary"). */
function statusSql(params: Pick<TaskListParams, 'status'>, alias: Prisma.Sql): Prisma.Sql {
  if (params.status.length > 0) {
    return Prisma.sql`${alias}."status" IN (${Prisma.join(params.status.map((status) => Prisma.sql`${status}::"TaskStatus"`))})`;
  }
  // 已撤销 tasks stay in the ledger for the record but only show when that status is asked for.
  return Prisma.sql`${alias}."status" <> 'CANCELLED'`;
}

/**
 * The number of tasks the list holds (`where` being taskListWhereSql's). When the user sees every
 * task and only the status filter may narrow the list, it is summed from "TaskFigureSummary" (tasks
 * per lead unit, year, status…, kept by triggers in the transaction of every write to "Task"): a
 * few hundred rows instead of counting every task.
 */
function countSql({ user, params, where }: { user: SessionUser; params: TaskListParams; where: Prisma.Sql }): Prisma.Sql {
  if (can(user, 'task.viewAll') && !filtersBeyondStatus(params)) {
    return Prisma.sql`SELECT coalesce(sum(f."tasks"), 0)::int AS "total" FROM "TaskFigureSummary" f WHERE ${statusSql(params, Prisma.sql`f`)}`;
  }
  return Prisma.sql`SELECT count(*)::int AS "total" FROM "Task" t WHERE ${where}`;
}

const MEMBER_ORDER_COLUMNS: Partial<Record<TaskListSort, Prisma.Sql>> = {
  deadline: Prisma.sql`m."deadline"`,
  code: Prisma.sql`m."code"`,
  status: Prisma.sql`m."status"`,
};

/**
 * The list as a condition and order on "TaskScopeMember" m, when its rows alone can answer it: a
 * unit's tasks (the unit filter, or a unit user's scope) or a leader's, filtered only by what the
 * rows carry (status, the stored light, deadline, overdue) and sorted by deadline, code or status.
 * Then count and page are one index range instead of a lookup into "Task" per task in scope (a
 * leader reaches a sixth of the county). The same tasks and order as taskListWhereSql and
 * taskListOrderSql (tests/integration/task-list.test.ts compares them); null otherwise, and the
 * caller checks that the stored lights are today's. `count` sums the same rows from the scope's
 * figures (TaskScopeFigures and its unfolded deltas, keyed by status, light and deadline, kept with
 * the rows by triggers) rather than counting them: a unit's ten thousand tasks at 1M took 5 ms.
 */
export function memberTaskListSql({ user, params, today }: { user: SessionUser; params: TaskListParams; today: Date }): { where: Prisma.Sql; order: Prisma.Sql; count: Prisma.Sql } | null {
  const sortColumn = MEMBER_ORDER_COLUMNS[params.sort];
  if (!sortColumn || params.q || params.planId || params.leaderId) return null;
  const own = scopeMemberKey(user);
  if (!own && !can(user, 'task.viewAll')) return null;
  const rows = params.unitId ? { kind: 'unit', id: params.unitId } : own;
  if (!rows) return null; // the office's whole list: "Task" and its own indexes
  // The conditions the rows and the figures both carry, on the row aliased `alias`.
  const carried = (alias: Prisma.Sql) => {
    const conditions = [Prisma.sql`${alias}."scopeKind" = ${rows.kind}`, Prisma.sql`${alias}."scopeId" = ${rows.id}`, statusSql(params, alias)];
    if (params.light) conditions.push(Prisma.sql`${alias}."light" = ${params.light}`);
    if (params.overdue) conditions.push(Prisma.sql`(${alias}."status" NOT IN ('CLOSED', 'CANCELLED') AND ${alias}."deadline" < ${isoDateFromDayNumber(shanghaiDayNumber(today))}::date)`);
    if (params.deadlineFrom) conditions.push(Prisma.sql`${alias}."deadline" >= ${params.deadlineFrom}::date`);
    if (params.deadlineTo) conditions.push(Prisma.sql`${alias}."deadline" <= ${params.deadlineTo}::date`);
    return conditions;
  };
  const conditions = carried(Prisma.sql`m`);
  // Another unit's tasks, as far as they are also the user's: a condition the figures do not carry.
  const alsoOwn = params.unitId && own;
  if (alsoOwn) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "TaskScopeMember" s WHERE s."scopeKind" = ${own.kind} AND s."scopeId" = ${own.id} AND s."taskId" = m."taskId")`);
  }
  const where = Prisma.join(conditions, ' AND ');
  const ofFigures = Prisma.join(carried(Prisma.sql`f`), ' AND ');
  const count = alsoOwn
    ? Prisma.sql`SELECT count(*)::int AS "total" FROM "TaskScopeMember" m WHERE ${where}`
    : Prisma.sql`SELECT coalesce(sum(f."tasks"), 0)::int AS "total" FROM (
        SELECT f."tasks" FROM "TaskScopeFigures" f WHERE ${ofFigures} UNION ALL SELECT f."tasks" FROM "TaskScopeFigureDelta" f WHERE ${ofFigures}) f`;
  const direction = Prisma.raw(params.dir === 'desc' ? 'DESC' : 'ASC');
  return { where, order: Prisma.sql`${sortColumn} ${direction}, m."code" ASC`, count };
}

/**
 * The list's filters and the user's scope as one SQL condition on "Task" t. `light` is
 * `taskLightColumnSql(today)` (the stored, indexed column, or computed) so colour filters run in the database.
 */
export async function taskListWhereSql({ user, params, today, light }: { user: SessionUser; params: TaskListParams; today: Date; light: Prisma.Sql }): Promise<Prisma.Sql> {
  const todayIso = isoDateFromDayNumber(shanghaiDayNumber(today));
  const conditions: Prisma.Sql[] = [taskScopeSql(user)];
  if (params.planId) conditions.push(Prisma.sql`t."planId" = ${params.planId}`);
  if (params.unitId) {
    // One id set rather than `lead = X OR id IN (…)`, so PostgreSQL can start from the two indexes.
    conditions.push(Prisma.sql`t."id" IN (
      SELECT l."id" FROM "Task" l WHERE l."leadUnitId" = ${params.unitId}
      UNION ALL SELECT c."taskId" FROM "TaskCoUnit" c WHERE c."unitId" = ${params.unitId})`);
  }
  if (params.leaderId) conditions.push(Prisma.sql`t."id" IN (SELECT tl."taskId" FROM "TaskLeader" tl WHERE tl."leaderId" = ${params.leaderId})`);
  conditions.push(statusSql(params, Prisma.sql`t`));
  if (params.light) conditions.push(Prisma.sql`${light} = ${params.light}`);
  if (params.overdue) conditions.push(Prisma.sql`(t."status" NOT IN ('CLOSED', 'CANCELLED') AND t."deadline" < ${todayIso}::date)`);
  if (params.deadlineFrom) conditions.push(Prisma.sql`t."deadline" >= ${params.deadlineFrom}::date`);
  if (params.deadlineTo) conditions.push(Prisma.sql`t."deadline" <= ${params.deadlineTo}::date`);
  if (params.q) {
    // Case folding only matters for text with cased letters; plain LIKE is several times faster than
    // ILIKE on 100k rows and gives the same answer for Chinese, digits and codes.
    const like = Prisma.raw(hasCasedLetters(params.q) ? 'ILIKE' : 'LIKE');
    // A query typed in traditional characters finds simplified tasks and the reverse. The converter's
    // dictionaries are loaded only when a search asks for them.
    const { searchForms } = await import('@/lib/core/plan/chinese-script');
    const matches = searchForms(params.q).map((form) => {
      const pattern = likePattern(form);
      return Prisma.sql`t."title" ${like} ${pattern} OR t."code" ${like} ${pattern} OR t."sourceText" ${like} ${pattern}`;
    });
    conditions.push(Prisma.sql`(${Prisma.join(matches, ' OR ')})`);
  }
  return Prisma.join(conditions, ' AND ');
}

export function taskListOrderSql(params: Pick<TaskListParams, 'sort' | 'dir'>): Prisma.Sql {
  const direction = Prisma.raw(params.dir === 'desc' ? 'DESC' : 'ASC');
  return Prisma.sql`${ORDER_COLUMNS[params.sort]} ${direction}, t."code" ASC`;
}

export type TaskListRow = {
  id: string;
  code: string;
  title: string;
  leadUnit: string;
  coUnits: string[];
  leaders: string[];
  /** Targets in order as text, e.g. 全年建设项目200个以上（不低于200个）. */
  targets: string[];
  startDate: string;
  deadline: string;
  status: TaskStatus;
  /** Actual progress (0–100). */
  progressPercent: number;
  /** 序时进度 today (0–100). */
  expectedPercent: number;
  light: TrafficLight;
};

type ListedTargetJson = { metric: string; comparator: DbComparator; value: number | null; valueMax: number | null; unit: string; placeholder: boolean };

/**
 * What the list and the ledger both show of tasks, by id, in one statement (through the scope as
 * well): the lead unit's and co-units' names (co-units in directory order), the 包抓领导, and the
 * targets as text. `unitName` is the list's short name or the ledger's full one.
 */
export async function loadListedTasks({ user, ids, unitName }: { user: SessionUser; ids: string[]; unitName: 'shortName' | 'name' }) {
  if (ids.length === 0) return [];
  const name = Prisma.raw(`"${unitName}"`);
  const rows = await db.$queryRaw<
    {
      id: string;
      code: string;
      year: number;
      title: string;
      startDate: Date;
      deadline: Date;
      status: TaskStatus;
      progressPercent: number;
      leadUnit: string;
      coUnits: string[];
      leaders: string[];
      targets: ListedTargetJson[];
    }[]
  >`
    SELECT t."id", t."code", t."year", t."title", t."startDate", t."deadline", t."status"::text AS "status", t."progressPercent",
      lu.${name} AS "leadUnit",
      ARRAY(SELECT u.${name} FROM "TaskCoUnit" c JOIN "Unit" u ON u."id" = c."unitId" WHERE c."taskId" = t."id" ORDER BY u."sortOrder", u."id") AS "coUnits",
      ARRAY(SELECT u."name" FROM "TaskLeader" l JOIN "User" u ON u."id" = l."leaderId" WHERE l."taskId" = t."id" ORDER BY l."leaderId") AS "leaders",
      coalesce((SELECT json_agg(json_build_object('metric', g."metric", 'comparator', g."comparator", 'value', g."value", 'valueMax', g."valueMax",
          'unit', g."unit", 'placeholder', g."placeholder") ORDER BY g."position") FROM "Target" g WHERE g."taskId" = t."id"), '[]') AS "targets"
    FROM "Task" t JOIN "Unit" lu ON lu."id" = t."leadUnitId"
    WHERE t."id" = ANY(${ids}::text[]) AND ${taskInScopeSql(user)}`;
  return rows.map(({ targets, ...task }) => ({ ...task, targets: targets.map((target) => targetText(target.metric, storedTargetFigure(target))) }));
}

/** Loads the shown fields of tasks by id, in the given order. */
async function loadTaskListRows({ user, ids, lights, today }: { user: SessionUser; ids: string[]; lights: Map<string, TrafficLight>; today: Date }) {
  const tasks = await loadListedTasks({ user, ids, unitName: 'shortName' });
  const byId = new Map(tasks.map((task) => [task.id, task]));
  return ids.flatMap((id): TaskListRow[] => {
    const task = byId.get(id);
    const light = lights.get(id);
    if (!task || !light) return [];
    return [
      {
        id: task.id,
        code: task.code,
        title: task.title,
        leadUnit: task.leadUnit,
        coUnits: task.coUnits,
        leaders: task.leaders,
        targets: task.targets,
        startDate: isoFromDate(task.startDate),
        deadline: isoFromDate(task.deadline),
        status: task.status,
        progressPercent: task.progressPercent,
        expectedPercent: expectedProgress(task.startDate, task.deadline, today),
        light,
      },
    ];
  });
}

/**
 * One page of the task list (台账) in the user's scope, filtered and sorted by the URL parameters,
 * and the total number of matching tasks. The page's ids and the count come from one query pair
 * with the same condition, on the scope's member rows where memberTaskListSql can answer, else on
 * "Task" (the count from the summary where countSql can); the shown fields are then loaded for
 * those ids only.
 */
export async function listTasks({ user, params, today = new Date() }: { user: SessionUser; params: TaskListParams; today?: Date }) {
  const offset = (params.page - 1) * params.pageSize;
  const members = (await storedLightsAreFor(today)) ? memberTaskListSql({ user, params, today }) : null;
  if (members) {
    const [rows, counted] = await Promise.all([
      db.$queryRaw<{ id: string; light: TrafficLight }[]>`
        SELECT m."taskId" AS "id", m."light" FROM "TaskScopeMember" m
        WHERE ${members.where} ORDER BY ${members.order} LIMIT ${params.pageSize} OFFSET ${offset}`.then((page) =>
        loadTaskListRows({ user, ids: page.map((row) => row.id), lights: new Map(page.map((row) => [row.id, row.light])), today }),
      ),
      db.$queryRaw<{ total: number }[]>(members.count),
    ]);
    return { rows, total: counted[0]?.total ?? 0 };
  }
  const light = await taskLightColumnSql(today);
  const where = await taskListWhereSql({ user, params, today, light });
  // The count runs while the page's ids are found and their fields loaded.
  const [rows, counted] = await Promise.all([
    db.$queryRaw<{ id: string; light: TrafficLight }[]>`
      SELECT t."id", ${light} AS "light" FROM "Task" t
      WHERE ${where} ORDER BY ${taskListOrderSql(params)} LIMIT ${params.pageSize} OFFSET ${offset}`.then((page) =>
      loadTaskListRows({ user, ids: page.map((row) => row.id), lights: new Map(page.map((row) => [row.id, row.light])), today }),
    ),
    db.$queryRaw<{ total: number }[]>(countSql({ user, params, where })),
  ]);
  return { rows, total: counted[0]?.total ?? 0 };
}
