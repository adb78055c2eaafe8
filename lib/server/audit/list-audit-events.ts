import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { notFound } from '@/lib/server/errors';
import { AUDIT_PAGE_SIZE, type AuditListParams } from '@/lib/core/schemas/audit';
import { referencedIds } from '@/lib/core/audit/describe-change';
import { dayNumberFromIsoDate, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';
import type { Prisma } from '@/lib/generated/prisma/client';

/** What an event concerns, as a reader names it, and where to see it. */
export type AuditSubject = { name: string; href: string | null };

const taskName = (task: { code: string; title: string }) => `${task.code} ${task.title}`;
const taskHref = (taskId: string) => `/tasks/${taskId}`;

/** Events on a task, its progress reports, 督办 and extension requests; null when no task has the code. */
async function taskEventsWhere(code: string): Promise<Prisma.AuditEventWhereInput | null> {
  const task = await db.task.findUnique({
    where: { code },
    select: { id: true, reports: { select: { id: true } }, supervisions: { select: { id: true } }, extensions: { select: { id: true } } },
  });
  if (!task) return null;
  return {
    OR: [
      { entity: 'Task', entityId: task.id },
      { entity: 'ProgressReport', entityId: { in: task.reports.map((r) => r.id) } },
      { entity: 'SupervisionAction', entityId: { in: task.supervisions.map((s) => s.id) } },
      { entity: 'ExtensionRequest', entityId: { in: task.extensions.map((e) => e.id) } },
    ],
  };
}

async function filterWhere(params: AuditListParams): Promise<Prisma.AuditEventWhereInput | null> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (params.action) and.push({ action: params.action });
  if (params.entity) and.push({ entity: params.entity });
  if (params.entityId) and.push({ entityId: params.entityId });
  if (params.user) and.push({ actorId: params.user });
  if (params.unit) and.push({ OR: [{ actor: { unitId: params.unit } }, { entity: 'Unit', entityId: params.unit }] });
  if (params.from) and.push({ createdAt: { gte: shanghaiMidnight(dayNumberFromIsoDate(params.from)) } });
  if (params.to) and.push({ createdAt: { lt: shanghaiMidnight(dayNumberFromIsoDate(params.to) + 1) } });
  if (params.task) {
    const onTask = await taskEventsWhere(params.task);
    if (!onTask) return null;
    and.push(onTask);
  }
  return { AND: and };
}

type Row = { entity: string; entityId: string };

const idsOf = (rows: Row[], entity: string) => [...new Set(rows.filter((r) => r.entity === entity).map((r) => r.entityId))];

/** Names and links for a page of events' subjects: one query per kind of record on the page. */
async function subjectsOf(rows: Row[]): Promise<Map<string, AuditSubject>> {
  const subjects = new Map<string, AuditSubject>();
  const put = (entity: string, id: string, subject: AuditSubject) => subjects.set(`${entity}:${id}`, subject);
  const task = { select: { id: true, code: true, title: true } } as const;
  const letter = (v: { version: number; commitment: { unitId: string; year: number; unit: { name: string } } }) => ({
    name: `${v.commitment.unit.name} ${v.commitment.year}年度承诺书 第${v.version}版`,
    href: `/commitments/${v.commitment.unitId}/${v.commitment.year}`,
  });
  const letterSelect = { version: true, commitment: { select: { unitId: true, year: true, unit: { select: { name: true } } } } } as const;

  const [tasks, reports, supervision, extensions, plans, items, units, users, versions, signatures, bulletins, notifications] = await Promise.all([
    db.task.findMany({ where: { id: { in: idsOf(rows, 'Task') } }, select: task.select }),
    db.progressReport.findMany({ where: { id: { in: idsOf(rows, 'ProgressReport') } }, select: { id: true, task } }),
    db.supervisionAction.findMany({ where: { id: { in: idsOf(rows, 'SupervisionAction') } }, select: { id: true, task } }),
    db.extensionRequest.findMany({ where: { id: { in: idsOf(rows, 'ExtensionRequest') } }, select: { id: true, task } }),
    db.plan.findMany({ where: { id: { in: idsOf(rows, 'Plan') } }, select: { id: true, title: true } }),
    db.planItem.findMany({ where: { id: { in: idsOf(rows, 'PlanItem') } }, select: { id: true, text: true, plan: { select: { id: true, title: true } } } }),
    db.unit.findMany({ where: { id: { in: idsOf(rows, 'Unit') } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: idsOf(rows, 'User') } }, select: { id: true, name: true } }),
    db.commitmentVersion.findMany({ where: { id: { in: idsOf(rows, 'CommitmentVersion') } }, select: { id: true, ...letterSelect } }),
    db.signature.findMany({ where: { id: { in: idsOf(rows, 'Signature') } }, select: { id: true, signerName: true, version: { select: letterSelect } } }),
    db.bulletin.findMany({ where: { id: { in: idsOf(rows, 'Bulletin') } }, select: { id: true, title: true } }),
    db.notification.findMany({ where: { id: { in: idsOf(rows, 'Notification') } }, select: { id: true, title: true } }),
  ]);
  for (const t of tasks) put('Task', t.id, { name: taskName(t), href: taskHref(t.id) });
  for (const [entity, list] of [['ProgressReport', reports], ['SupervisionAction', supervision], ['ExtensionRequest', extensions]] as const) {
    for (const r of list) put(entity, r.id, { name: taskName(r.task), href: taskHref(r.task.id) });
  }
  for (const p of plans) put('Plan', p.id, { name: p.title, href: `/plans/${p.id}` });
  for (const i of items) put('PlanItem', i.id, { name: `${i.plan.title}：${[...i.text].slice(0, 30).join('')}`, href: `/plans/${i.plan.id}` });
  for (const u of units) put('Unit', u.id, { name: u.name, href: null });
  for (const u of users) put('User', u.id, { name: u.name, href: null });
  for (const v of versions) put('CommitmentVersion', v.id, letter(v));
  for (const s of signatures) {
    const { name, href } = letter(s.version);
    put('Signature', s.id, { name: `${s.signerName}签署 ${name}`, href });
  }
  for (const b of bulletins) put('Bulletin', b.id, { name: b.title, href: `/bulletins/${b.id}` });
  for (const n of notifications) put('Notification', n.id, { name: n.title, href: null });
  return subjects;
}

/** Names for the unit, user, task and letter ids inside the snapshots, for describeChange. */
async function snapshotNames(rows: { before: unknown; after: unknown }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((r) => referencedIds(r.before, r.after)))];
  if (ids.length === 0) return new Map();
  const where = { id: { in: ids } };
  const [units, users, tasks, versions] = await Promise.all([
    db.unit.findMany({ where, select: { id: true, name: true } }),
    db.user.findMany({ where, select: { id: true, name: true } }),
    db.task.findMany({ where, select: { id: true, code: true, title: true } }),
    db.commitmentVersion.findMany({ where, select: { id: true, version: true } }),
  ]);
  return new Map([
    ...units.map((u) => [u.id, u.name] as const),
    ...users.map((u) => [u.id, u.name] as const),
    ...tasks.map((t) => [t.id, taskName(t)] as const),
    ...versions.map((v) => [v.id, `第${v.version}版`] as const),
  ]);
}

/**
 * The audit record, newest first, for the office: one page of events with what each concerns
 * named (not its id) and the names of the ids inside its snapshots, and the total for paging.
 */
export async function listAuditEvents({ user, params }: { user: SessionUser; params: AuditListParams }) {
  if (!can(user, 'audit.view')) throw notFound();
  const where = await filterWhere(params);
  if (!where) return { rows: [], total: 0, subjects: new Map<string, AuditSubject>(), names: new Map<string, string>() };
  const [rows, total] = await db.$transaction([
    db.auditEvent.findMany({
      where,
      orderBy: { seq: 'desc' },
      skip: (params.page - 1) * AUDIT_PAGE_SIZE,
      take: AUDIT_PAGE_SIZE,
      select: {
        id: true,
        seq: true,
        action: true,
        entity: true,
        entityId: true,
        before: true,
        after: true,
        ip: true,
        via: true,
        hash: true,
        createdAt: true,
        actor: { select: { name: true, unit: { select: { shortName: true } } } },
      },
    }),
    db.auditEvent.count({ where }),
  ]);
  const [subjects, names] = await Promise.all([subjectsOf(rows), snapshotNames(rows)]);
  return { rows, total, subjects, names };
}

/** The choices of the record's filters: every user (with their unit) and every unit. */
export async function listAuditFilterChoices({ user }: { user: SessionUser }) {
  if (!can(user, 'audit.view')) throw notFound();
  const [users, units] = await Promise.all([
    db.user.findMany({ orderBy: [{ unit: { sortOrder: 'asc' } }, { name: 'asc' }], select: { id: true, name: true, unit: { select: { shortName: true } } } }),
    db.unit.findMany({ orderBy: { sortOrder: 'asc' }, select: { id: true, name: true } }),
  ]);
  return { users, units };
}
