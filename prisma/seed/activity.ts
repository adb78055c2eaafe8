// A few months of plausible work on the demo's tasks, so every role's screens have something to
// show: acknowledged and reported tasks (some behind 序时进度), closure requests, closed tasks,
// an extension request, 催办 and a leader's 批示. Everything goes through the data layer.
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
import { dbDateOfDay, shanghaiDayNumber } from '@/lib/core/schedule/calendar-day';

/** Deterministic 0..1 from a task code, so every seed run tells the same story. */
function chance(code: string, salt: string) {
  return createHash('sha256').update(`${code}:${salt}`).digest().readUInt32BE(0) / 2 ** 32;
}

// The smallest PDF the attachment policy accepts as evidence.
const EVIDENCE_PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

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
    const targetActuals = task.targets
      .filter((t) => !t.placeholder && t.value !== null)
      .map((t) => ({ targetId: t.id, actual: Math.round(t.value!.toNumber() * percent) / 100 }));
    await fileProgressReport({
      user: staff,
      input: {
        taskId: task.id,
        version: await version(task.id),
        narrative: closing ? '各项目标任务已全部完成，佐证材料见附件。' : `按计划推进，已完成全年任务的${percent}%，下一步将加快进度。`,
        percent,
        targetActuals,
        closureRequest: closing,
      },
      files: closing ? [{ name: '完成情况佐证.pdf', type: 'application/pdf', bytes: EVIDENCE_PDF }] : [],
      today,
    });
    counts.reported++;

    if (closing) {
      counts.closureRequested++;
      if (chance(task.code, 'close') < 0.6) {
        const report = await db.progressReport.findFirstOrThrow({ where: { taskId: task.id, closureRequest: true } });
        await reviewProgressReport({ user: admin, input: { reportId: report.id, decision: 'accept', version: await version(task.id) } });
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
  return `${counts.reported} reports, ${counts.closureRequested} closure requests (${counts.closed} closed), ${counts.extension} extension requests`;
}
