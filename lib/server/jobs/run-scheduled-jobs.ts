import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/server/db';
import { recordAuditEvent } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { enqueueOutboundMessages } from '@/lib/server/notifications/enqueue-outbound-messages';
import { runIntegrityCheck } from '@/lib/server/verify/run-integrity-check';
import { shanghaiDbDate, taskReportMissedSql } from '@/lib/server/tasks/light-sql';
import { OPEN_STATUSES } from '@/lib/core/workflow/task-status';
import { dueReminders, REMINDER_KIND_LABELS, supervisionEscalationDue, type ReminderKind } from '@/lib/core/schedule/reminders';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { periodLabel, previousPeriod, type CalendarCadence } from '@/lib/core/schedule/cadence';

export type JobSummary = {
  /** New deadline reminders (notifications) created. */
  reminders: number;
  /** 督办 escalated to leaders on this run. */
  escalations: number;
  /** New missed-report notices (one per unit and period). */
  missedReportNotices: number;
  /** Problems found by the integrity check (0: clean, and the audit chain was anchored by a new checkpoint). */
  integrityProblems: number;
};

const REMINDER_NOTIFICATION_KINDS: Record<ReminderKind, string> = {
  DEADLINE_7D: 'deadline.7d',
  DEADLINE_1D: 'deadline.1d',
  OVERDUE: 'deadline.overdue',
};

const INSERT_CHUNK = 5000;

/**
 * 7-day, 1-day and overdue reminders to the lead unit's head and liaison, and through the outbox to
 * the unit's robots and addresses and the users' own email/SMS. Only tasks whose deadline is today+7,
 * today+1 or yesterday can be due (the deadline index finds them); each notification carries the
 * reminder key as dedupeKey (the unit's outbox rows a key derived from it), so a re-run the same day
 * creates nothing new.
 */
async function sendDeadlineReminders(today: Date) {
  const tasks = await db.task.findMany({
    where: { status: { in: [...OPEN_STATUSES] }, deadline: { in: [7, 1, -1].map((offset) => shanghaiDbDate(today, offset)) } },
    select: { id: true, title: true, deadline: true, status: true, leadUnitId: true, leadUnit: { select: { shortName: true } } },
  });
  const reminders = tasks.flatMap((task) =>
    dueReminders({ taskId: task.id, deadline: task.deadline, status: task.status, today }).map((reminder) => ({
      unitId: task.leadUnitId,
      kind: REMINDER_NOTIFICATION_KINDS[reminder.kind],
      title: `【${REMINDER_KIND_LABELS[reminder.kind]}】${task.title}`,
      body: `牵头单位：${task.leadUnit.shortName}；完成时限：${reminder.deadline}`,
      link: `/tasks/${task.id}`,
      dedupeKey: reminder.key,
    })),
  );
  if (reminders.length === 0) return 0;

  // Recipients are resolved once for all units (createNotifications would query per task).
  const users = await db.user.findMany({
    where: { active: true, role: { in: ['UNIT_HEAD', 'UNIT_STAFF'] }, unitId: { in: [...new Set(reminders.map((r) => r.unitId))] } },
    select: { id: true, unitId: true },
  });
  const data = reminders.flatMap(({ unitId, ...message }) => users.filter((user) => user.unitId === unitId).map((user) => ({ userId: user.id, ...message })));
  return db.$transaction(async (tx) => {
    const newUserIds = new Map<string, string[]>();
    for (let i = 0; i < data.length; i += INSERT_CHUNK) {
      const rows = await tx.notification.createManyAndReturn({ data: data.slice(i, i + INSERT_CHUNK), skipDuplicates: true, select: { userId: true, dedupeKey: true } });
      for (const row of rows) newUserIds.set(row.dedupeKey!, [...(newUserIds.get(row.dedupeKey!) ?? []), row.userId]);
    }
    const created = [...newUserIds.values()].reduce((sum, ids) => sum + ids.length, 0);
    // Unit routes are enqueued for every reminder (a unit without users still has its robot); their dedupeKey keeps a re-run from adding rows.
    const outbound = await enqueueOutboundMessages(
      tx,
      reminders.map(({ unitId, ...message }) => ({ ...message, unitIds: [unitId], userIds: newUserIds.get(message.dedupeKey) ?? [] })),
    );
    if (created > 0 || outbound > 0) {
      await recordAuditEvent(tx, { actorId: null, action: 'job.deadlineReminders', entity: 'Job', entityId: `deadline-reminders:${shanghaiIsoDate(today)}`, after: { tasks: tasks.length, created, outbound } });
    }
    return created;
  });
}

/**
 * A 督办 still unanswered after its response day escalates once: escalatedAt is set (the WHERE on
 * escalatedAt keeps concurrent runs from doing it twice) and the task's leaders and the leaders who
 * oversee the recipient unit are notified.
 */
async function escalateUnansweredSupervision(today: Date) {
  const candidates = await db.supervisionAction.findMany({
    where: { kind: 'SUPERVISE', respondedAt: null, escalatedAt: null, responseDue: { lt: shanghaiDbDate(today) }, task: { status: { not: 'CANCELLED' } } },
    select: {
      id: true,
      responseDue: true,
      respondedAt: true,
      recipientUnitId: true,
      recipientUnit: { select: { shortName: true } },
      task: { select: { id: true, title: true, leadUnitId: true, leaders: { select: { leaderId: true } } } },
    },
  });
  let escalated = 0;
  for (const item of candidates) {
    if (!item.responseDue || !supervisionEscalationDue({ responseDue: item.responseDue, respondedAt: item.respondedAt, today })) continue;
    const unitId = item.recipientUnitId ?? item.task.leadUnitId;
    const done = await db.$transaction(async (tx) => {
      const updated = await tx.supervisionAction.updateMany({ where: { id: item.id, escalatedAt: null, respondedAt: null }, data: { escalatedAt: new Date() } });
      if (updated.count === 0) return false;
      const overseers = await tx.leaderUnit.findMany({ where: { unitId }, select: { leaderId: true } });
      await recordAuditEvent(tx, { actorId: null, action: 'supervision.escalate', entity: 'SupervisionAction', entityId: item.id, before: { escalatedAt: null }, after: { escalatedAt: new Date(), today: shanghaiIsoDate(today) } });
      await createNotifications(
        tx,
        { userIds: [...new Set([...item.task.leaders.map((l) => l.leaderId), ...overseers.map((o) => o.leaderId)])] },
        {
          kind: 'supervision.escalated',
          title: `【督办逾期未复】${item.task.title}`,
          body: `${item.recipientUnit?.shortName ?? '承办单位'}未在${shanghaiIsoDate(item.responseDue!)}前答复督办`,
          link: `/tasks/${item.task.id}`,
          dedupeKey: `${item.id}:ESCALATED`,
        },
      );
      return true;
    });
    if (done) escalated += 1;
  }
  return escalated;
}

/**
 * One notice per unit and cadence for the tasks that missed the previous period's report ("N 项任务
 * 未报送上期进度"), by the SQL light's rule (taskReportMissedSql), grouped in SQL so the cost does not
 * grow with the number of tasks. The period is in the dedupeKey: one notice per unit and period.
 */
async function noticeMissedReports(today: Date) {
  const groups = await db.$queryRaw<{ unitId: string; cadence: CalendarCadence; missed: number }[]>(Prisma.sql`
    SELECT t."leadUnitId" AS "unitId", t."cadence"::text AS "cadence", count(*)::int AS "missed" FROM "Task" t
    WHERE ${taskReportMissedSql(today)}
    GROUP BY t."leadUnitId", t."cadence"`);
  let created = 0;
  for (const group of groups) {
    const period = previousPeriod(group.cadence, today)!;
    created += await db.$transaction(async (tx) => {
      const count = await createNotifications(tx, { unitIds: [group.unitId] }, {
        kind: 'report.missed',
        title: `【未按期报送】${group.missed}项任务未报送${periodLabel(period)}进度`,
        body: '请尽快报送进度；未按期报送的任务显示为黄灯。',
        link: '/',
        dedupeKey: `report-missed:${group.unitId}:${period}`,
      });
      if (count > 0) {
        await recordAuditEvent(tx, { actorId: null, action: 'job.missedReportNotice', entity: 'Unit', entityId: group.unitId, after: { period, missed: group.missed, created: count } });
      }
      return count;
    });
  }
  return created;
}

/**
 * The scheduled jobs, for the Asia/Shanghai calendar day of `today`. Idempotent: running them again
 * on the same day creates no new notifications and escalates nothing twice.
 */
export async function runScheduledJobs({ today = new Date() }: { today?: Date } = {}): Promise<JobSummary> {
  const reminders = await sendDeadlineReminders(today);
  const escalations = await escalateUnansweredSupervision(today);
  const missedReportNotices = await noticeMissedReports(today);
  // Last, so the checkpoint anchors what this run wrote.
  const { report } = await runIntegrityCheck(db);
  return { reminders, escalations, missedReportNotices, integrityProblems: report.problems.length };
}
