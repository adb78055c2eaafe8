import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { taskScopeWhere, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';

type NamedUnit = { id: string; name: string; shortName: string };
/** The task's plan, plan item, units and leaders by name, in one statement (json columns). */
type TaskNames = {
  plan: { id: string; title: string } | null;
  planItem: { id: string; text: string; numbering: string | null } | null;
  leadUnit: NamedUnit;
  coUnits: { taskId: string; unitId: string; unit: NamedUnit }[];
  leaders: { taskId: string; leaderId: string; leader: { id: string; name: string; title: string | null } }[];
};

function taskNamesSql(taskId: string): Prisma.Sql {
  const unit = (alias: string) => Prisma.raw(`json_build_object('id', ${alias}."id", 'name', ${alias}."name", 'shortName', ${alias}."shortName")`);
  return Prisma.sql`
    SELECT (SELECT json_build_object('id', p."id", 'title', p."title") FROM "Plan" p WHERE p."id" = t."planId") AS "plan",
      (SELECT json_build_object('id', i."id", 'text', i."text", 'numbering', i."numbering") FROM "PlanItem" i WHERE i."id" = t."planItemId") AS "planItem",
      (SELECT ${unit('u')} FROM "Unit" u WHERE u."id" = t."leadUnitId") AS "leadUnit",
      (SELECT coalesce(json_agg(json_build_object('taskId', c."taskId", 'unitId', c."unitId", 'unit', ${unit('u')}) ORDER BY c."unitId"), '[]')
        FROM "TaskCoUnit" c JOIN "Unit" u ON u."id" = c."unitId" WHERE c."taskId" = t."id") AS "coUnits",
      (SELECT coalesce(json_agg(json_build_object('taskId', l."taskId", 'leaderId', l."leaderId", 'leader', json_build_object('id', u."id", 'name', u."name", 'title', u."title")) ORDER BY l."leaderId"), '[]')
        FROM "TaskLeader" l JOIN "User" u ON u."id" = l."leaderId" WHERE l."taskId" = t."id") AS "leaders"
    FROM "Task" t WHERE t."id" = ${taskId}`;
}

/**
 * One task with everything its page shows; a task outside the user's scope is "not found". Its parts
 * load side by side, the names in one statement; nothing is returned unless the scoped read finds it.
 */
export async function getTask({ user, taskId }: { user: SessionUser; taskId: string }) {
  const scoped = taskScopeWhere(user);
  const split = { select: { id: true, code: true, title: true }, orderBy: { code: 'asc' as const } };
  const [task, [names], splitInto] = await Promise.all([
    db.task.findFirst({ where: { AND: [{ id: taskId }, scoped] }, include: { targets: { orderBy: { position: 'asc' } } } }),
    db.$queryRaw<TaskNames[]>(taskNamesSql(taskId)),
    // The parts it was split into and the task it was split from, as far as the user may see them.
    db.task.findMany({ where: { AND: [{ splitFromId: taskId }, scoped] }, ...split }),
  ]);
  if (!task || !names) throw notFound();
  const splitFrom = task.splitFromId ? await db.task.findFirst({ where: { AND: [{ id: task.splitFromId }, scoped] }, ...split }) : null;
  return { ...task, ...names, splitFrom, splitInto };
}

export type TaskDetail = Awaited<ReturnType<typeof getTask>>;
