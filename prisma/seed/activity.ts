// A few months of plausible work on the demo's tasks, so every role's screens have something to
// show: acknowledged and reported tasks (some behind 序时进度), closure requests, closed tasks,
// an extension request, 催办 and a leader's 批示. Everything goes through the data layer; the
// reports are filed for the months they belong to (one per month, the older ones reviewed) and
// then dated in those months, and the tasks dated from their start, so that last month's 通报 and
// the timelines read as a county a few months into its year.
import { createHash } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SessionUser } from '@/lib/server/auth/permissions';
import { transitionTask } from '@/lib/server/tasks/transition-task';
import { fileProgressReport } from '@/lib/server/reports/file-progress-report';
import { reviewProgressReport } from '@/lib/server/reports/review-progress-report';
import { requestExtension } from '@/lib/server/extensions/request-extension';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';
import { expectedProgress } from '@/lib/core/schedule/progress';
import { isoFromDate } from '@/lib/core/schemas/common';
import { dayNumberFromYmd, dbDateOfDay, shanghaiDayNumber, shanghaiMidnight, ymdFromDayNumber } from '@/lib/core/schedule/calendar-day';

/** Deterministic 0..1 from a task code, so every seed run tells the same story. */
function chance(code: string, salt: string) {
  return createHash('sha256').update(`${code}:${salt}`).digest().readUInt32BE(0) / 2 ** 32;
}

// The smallest PDF the attachment policy accepts as evidence.
const EVIDENCE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

/** Counted in whole things: a target in these units never reports 12.6 家. */
const WHOLE_UNITS = new Set(['家', '个', '项', '所', '座', '户', '人', '名', '次', '条', '件', '台', '辆', '处', '场', '批', '期', '村', '镇', '宗', '套']);

const REPORT_TEXTS = [
  (p: number) => `已完成全年任务的${p}%。本月召开专题推进会1次，逐项梳理责任清单，下月重点推进剩余工作。`,
  (p: number) => `按计划推进，累计完成${p}%。已与相关部门对接协调，存在的用地、资金问题正在逐项解决。`,
  (p: number) => `完成${p}%。现场督导检查2次，发现问题已现场交办整改；下一步将加大调度频次。`,
  (p: number) => `累计完成${p}%。主体工作有序推进，受天气影响部分进度略有滞后，已制定赶工计划。`,
  (p: number) => `进度${p}%。已完成前期手续办理，正在组织实施；配合单位已按分工落实到位。`,
  (p: number) => `本期完成既定节点，累计${p}%。召开调度会研究解决难点问题3个，形成会议纪要并跟踪落实。`,
];
const CLOSING_TEXTS = [
  '各项目标任务已全部完成，佐证材料见附件。',
  '任务已按期完成并通过验收，验收报告及相关佐证材料见附件，申请销号。',
  '全年目标已提前完成，形成工作总结，附完成情况说明及佐证材料。',
];

/** Noon (Shanghai) of a day in the month `monthsAgo` before today's month; never later than today. */
function dayInPastMonth(today: Date, monthsAgo: number, dayOfMonth: number): Date {
  const { year, month } = ymdFromDayNumber(shanghaiDayNumber(today));
  const index = year * 12 + (month - 1) - monthsAgo;
  const day = dayNumberFromYmd(Math.floor(index / 12), (index % 12) + 1, dayOfMonth);
  return new Date(Math.min(shanghaiMidnight(day).getTime() + 4 * 3_600_000, today.getTime()));
}

/** Whole calendar months from the month of `from` to the month of `to` (0 in the same month). */
function monthsBetween(from: Date, to: Date): number {
  const a = ymdFromDayNumber(shanghaiDayNumber(from));
  const b = ymdFromDayNumber(shanghaiDayNumber(to));
  return (b.year - a.year) * 12 + (b.month - a.month);
}

export async function seedActivity(db: PrismaClient, admin: SessionUser, today = new Date()) {
  if (await db.progressReport.count()) return 'activity already present';
  const sessionOf = async (username: string): Promise<SessionUser> => {
    const u = await db.user.findUniqueOrThrow({ where: { username } });
    return { id: u.id, username: u.username, name: u.name, role: u.role, unitId: u.unitId };
  };
  const tasks = await db.task.findMany({
    orderBy: { code: 'asc' },
    include: { leadUnit: { select: { code: true } }, targets: true, leaders: true },
  });
  const leader = await sessionOf('leader');
  const counts = { reported: 0, closed: 0, closureRequested: 0, extension: 0 };
  const version = async (taskId: string) => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).version;

  for (const task of tasks) {
    if (task.leadUnit.code === 'xwb') continue; // the office's own items stay as assigned
    const staff = await sessionOf(`${task.leadUnit.code}_staff`);
    const roll = chance(task.code, 'scenario');
    if (roll < 0.15) continue; // 交办, not yet acknowledged
    await transitionTask({ user: staff, taskId: task.id, version: task.version, action: 'acknowledge' });
    if (roll < 0.3) continue;

    const expected = expectedProgress(task.startDate, task.deadline, today);
    const closing = roll >= 0.82;
    // Most units keep roughly to schedule; a few fall well behind.
    const lag = chance(task.code, 'lag') < 0.25 ? 35 : Math.round(chance(task.code, 'noise') * 20) - 8;
    const percent = closing ? 100 : Math.max(5, Math.min(95, Math.round(expected - lag)));
    // One report a month for up to three months (not before the task started), rising to `percent`;
    // a closing task asks for closure last month, so last month's 通报 has tasks closed in it.
    const startMonthsAgo = monthsBetween(task.startDate, today);
    const months = [2, 1, 0].filter((m) => m <= startMonthsAgo && !(closing && m === 0));
    if (months.length === 0) months.push(0);
    for (const [index, monthsAgo] of months.entries()) {
      const last = index === months.length - 1;
      const share = last ? percent : Math.round((percent * (index + 1)) / (months.length + 0.5));
      const filedAt = dayInPastMonth(today, monthsAgo, 10 + Math.floor(chance(task.code, `day${monthsAgo}`) * 15));
      const targetActuals = task.targets
        .filter((t) => !t.placeholder && t.value !== null)
        .map((t) => {
          const actual = (t.value!.toNumber() * share) / 100;
          return { targetId: t.id, actual: WHOLE_UNITS.has(t.unit) ? Math.round(actual) : Math.round(actual * 100) / 100 };
        });
      const closure = closing && last;
      const narrative = closure
        ? CLOSING_TEXTS[Math.floor(chance(task.code, 'closing') * CLOSING_TEXTS.length)]!
        : REPORT_TEXTS[Math.floor(chance(task.code, `text${monthsAgo}`) * REPORT_TEXTS.length)]!(share);
      const report = await fileProgressReport({
        user: staff,
        input: { taskId: task.id, version: await version(task.id), narrative, percent: share, targetActuals, closureRequest: closure },
        files: closure ? [{ name: '完成情况佐证.pdf', type: 'application/pdf', bytes: EVIDENCE_PDF }] : [],
        today: filedAt,
      });
      await db.progressReport.update({ where: { id: report.id }, data: { createdAt: filedAt } });
      await db.task.update({ where: { id: task.id }, data: { lastReportAt: filedAt } });
      // The office has reviewed the earlier months' reports; this month's wait in its queue.
      if (!closure && monthsAgo > 0) {
        await reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept', version: await version(task.id) } });
      }
      counts.reported++;
    }

    if (closing) {
      counts.closureRequested++;
      if (chance(task.code, 'close') < 0.6) {
        const report = await db.progressReport.findFirstOrThrow({ where: { taskId: task.id, closureRequest: true } });
        await reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept', version: await version(task.id) } });
        const closedAt = new Date(Math.min(report.createdAt.getTime() + 3 * 86_400_000, today.getTime()));
        await db.task.update({ where: { id: task.id }, data: { closedAt } });
        counts.closed++;
      }
      continue;
    }
    if (lag >= 30) {
      await createSupervisionAction({ user: admin, input: { taskId: task.id, kind: 'URGE', text: '该任务进度明显滞后于序时进度，请加快推进并于本周内报送整改措施。' }, today });
      if (task.leaders.length || chance(task.code, 'instruct') < 0.3) {
        await createSupervisionAction({ user: leader, input: { taskId: task.id, kind: 'INSTRUCTION', text: '请牵头单位主要负责同志亲自研究，倒排工期，确保按期完成。' }, today }).catch(() => {
          // The leader can only instruct on tasks in their scope; others are skipped.
        });
      }
    } else if (chance(task.code, 'extend') < 0.12 && task.deadline > today) {
      const later = dbDateOfDay(shanghaiDayNumber(task.deadline) + 30);
      await requestExtension({ user: staff, input: { taskId: task.id, requestedDeadline: isoFromDate(later), reason: '受项目审批进度影响，申请顺延一个月。' } });
      counts.extension++;
    }
  }
  // The tasks were assigned when their work started, not when the seed ran.
  await db.$executeRaw`UPDATE "Task" SET "createdAt" = LEAST("createdAt", "startDate"::timestamp - interval '8 hours')`;
  return `${counts.reported} reports, ${counts.closureRequested} closure requests (${counts.closed} closed), ${counts.extension} extension requests`;
}
