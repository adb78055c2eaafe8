import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { digestDue } from '@/lib/core/notify/delivery-schedule';
import { composeDigest, type DigestSection } from '@/lib/core/notify/digest';
import { absoluteLink } from '@/lib/core/notify/format-message';
import { formatInShanghai, shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { taskScopeWhere } from '@/lib/server/auth/permissions';
import { db } from '@/lib/server/db';
import { readNotifySettings } from '@/lib/server/notifications/notify-settings';
import { shanghaiDbDate } from '@/lib/server/tasks/light-sql';
import { taskLightColumnSql } from '@/lib/server/tasks/refresh-task-lights';
import { OPEN_STATUSES } from '@/lib/core/workflow/task-status';

const DIGEST_MARKER_KEY = 'notifyDigestDay';
const DAY_MS = 86_400_000;

type TaskLine = { code: string; title: string; deadline: Date; leadUnit: { shortName: string } };
const taskLine = (task: TaskLine) => ({ text: `${task.title}（${task.leadUnit.shortName}，时限${shanghaiIsoDate(task.deadline)}）` });
const TASK_LINE_SELECT = { code: true, title: true, deadline: true, leadUnit: { select: { shortName: true } } } as const;

/**
 * The morning digests, once a day after the office's configured time (the job runs every 15
 * minutes): per leader, by email if they gave one, their red and overdue tasks and yesterday's new
 * reports; per unit, to its robots and addresses (and its users who asked for email), tasks due this
 * week, returned reports and unanswered 督办. Empty digests are not sent. Each digest is one outbox
 * row per recipient, channel and day (dedupe key), so a repeated run writes nothing twice.
 */
export async function sendDigests(now = new Date()) {
  const settings = await readNotifySettings(db);
  const day = shanghaiIsoDate(now);
  if (!digestDue(now, settings.digestMinute)) return { digests: 0 };
  const marker = await db.setting.findUnique({ where: { key: DIGEST_MARKER_KEY } });
  if (marker?.value === day) return { digests: 0 };

  const channels = await db.notifyChannel.findMany({ where: { active: true, kind: { not: 'SMS' } }, select: { id: true, kind: true }, orderBy: { createdAt: 'asc' } });
  const email = channels.find((channel) => channel.kind === 'EMAIL');
  const dateLabel = formatInShanghai(now, 'M月d日');
  const link = absoluteLink(settings.baseUrl, '/');
  const rows: Prisma.OutboxMessageCreateManyInput[] = [];
  const push = (channelId: string, target: { unitId?: string; userId?: string; address?: string | null }, recipientKey: string, content: NonNullable<ReturnType<typeof composeDigest>>) =>
    rows.push({ ...target, kind: 'digest.daily', channelId, subject: content.subject, text: content.text, link: content.link, dedupeKey: `digest:${day}:${recipientKey}:${channelId}`, dueAt: now });

  const redIds = (await db.$queryRaw<{ id: string }[]>(Prisma.sql`SELECT t."id" FROM "Task" t WHERE t."status" NOT IN ('CLOSED', 'CANCELLED') AND ${await taskLightColumnSql(now)} = 'red'`)).map((row) => row.id);
  const since = new Date(now.getTime() - DAY_MS);

  if (email) {
    const leaders = await db.user.findMany({ where: { role: 'LEADER', active: true, notifyPreference: { digest: true, email: { not: null } } }, include: { notifyPreference: true } });
    for (const leader of leaders) {
      const scope = taskScopeWhere({ id: leader.id, username: leader.username, name: leader.name, role: leader.role, unitId: leader.unitId });
      const [red, reports] = await Promise.all([
        db.task.findMany({ where: { AND: [scope, { id: { in: redIds } }] }, select: TASK_LINE_SELECT, orderBy: { deadline: 'asc' } }),
        db.progressReport.findMany({ where: { createdAt: { gte: since }, task: scope }, select: { unit: { select: { shortName: true } }, task: { select: { title: true } }, percent: true }, orderBy: { createdAt: 'desc' } }),
      ]);
      const content = composeDigest({
        recipientName: leader.name,
        dateLabel,
        link,
        sections: [
          { title: '红灯和逾期任务', items: red.map(taskLine) },
          { title: '新报送的进度', items: reports.map((report) => ({ text: `${report.task.title}（${report.unit.shortName}，${report.percent}%）` })) },
        ],
      });
      if (content && leader.notifyPreference?.email) push(email.id, { userId: leader.id, address: leader.notifyPreference.email }, `user:${leader.id}`, content);
    }
  }

  const units = await db.unit.findMany({
    where: { active: true, OR: [{ notifyRoutes: { some: { channel: { active: true, kind: { not: 'SMS' } } } } }, ...(email ? [{ users: { some: { active: true, notifyPreference: { digest: true, email: { not: null } } } } }] : [])] },
    select: {
      id: true,
      shortName: true,
      notifyRoutes: { where: { channel: { active: true, kind: { not: 'SMS' } } }, select: { channelId: true, address: true } },
      users: { where: { active: true, role: { in: ['UNIT_HEAD', 'UNIT_STAFF'] }, notifyPreference: { digest: true, email: { not: null } } }, select: { id: true, notifyPreference: { select: { email: true } } } },
    },
  });
  for (const unit of units) {
    const [dueThisWeek, returned, unanswered] = await Promise.all([
      db.task.findMany({ where: { leadUnitId: unit.id, status: { in: [...OPEN_STATUSES] }, deadline: { gte: shanghaiDbDate(now), lte: shanghaiDbDate(now, 6) } }, select: TASK_LINE_SELECT, orderBy: { deadline: 'asc' } }),
      db.progressReport.findMany({ where: { unitId: unit.id, reviewState: 'RETURNED', reviewedAt: { gte: new Date(now.getTime() - 7 * DAY_MS) } }, select: { task: { select: { title: true } }, reviewReason: true } }),
      db.supervisionAction.findMany({ where: { recipientUnitId: unit.id, kind: 'SUPERVISE', respondedAt: null, task: { status: { not: 'CANCELLED' } } }, select: { task: { select: { title: true } }, responseDue: true } }),
    ]);
    const sections: DigestSection[] = [
      { title: '本周到期', items: dueThisWeek.map(taskLine) },
      { title: '被退回的进度报告', items: returned.map((report) => ({ text: `${report.task.title}${report.reviewReason ? `：${report.reviewReason}` : ''}` })) },
      { title: '未答复的督办', items: unanswered.map((item) => ({ text: `${item.task.title}${item.responseDue ? `（请于${shanghaiIsoDate(item.responseDue)}前答复）` : ''}` })) },
    ];
    const content = composeDigest({ recipientName: unit.shortName, dateLabel, link, sections });
    if (!content) continue;
    for (const route of unit.notifyRoutes) push(route.channelId, { unitId: unit.id, address: route.address }, `unit:${unit.id}`, content);
    if (email) for (const user of unit.users) push(email.id, { userId: user.id, unitId: unit.id, address: user.notifyPreference!.email }, `user:${user.id}`, content);
  }

  const written = rows.length === 0 ? 0 : (await db.outboxMessage.createMany({ data: rows, skipDuplicates: true })).count;
  await db.setting.upsert({ where: { key: DIGEST_MARKER_KEY }, create: { key: DIGEST_MARKER_KEY, value: day }, update: { value: day } });
  return { digests: written };
}
