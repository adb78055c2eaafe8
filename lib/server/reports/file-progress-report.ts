import 'server-only';
import { db } from '@/lib/server/db';
import { can, type SessionUser } from '@/lib/server/auth/permissions';
import { forbidden, parseInput, staleVersion, UserFacingError } from '@/lib/server/errors';
import { recordAuditEvents, type AuditInput } from '@/lib/server/audit/record-audit-event';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { assertTransition, loadTaskForActor } from '@/lib/server/tasks/task-actor';
import { TASK_ACTION_PERMISSIONS } from '@/lib/server/auth/abilities';
import { commitStaged, discardStaged, stageFile, type StagedFile } from '@/lib/server/attachments/attachment-store';
import { progressReportSchema } from '@/lib/core/schemas/report';
import {
  MAX_ATTACHMENT_BYTES,
  SNIFF_BYTES,
  checkAttachment,
  checkAttachmentCount,
  storedFileName,
  type StoredAttachment,
} from '@/lib/core/attachments/policy';
import { resolveReportPeriod } from '@/lib/core/schedule/report-period';
import { actualProgress } from '@/lib/core/schedule/progress';
import { numberFromDecimal, storedTargetFigure } from '@/lib/core/targets/stored-target';
import { canReportProgress, statusAfterProgressReport, transition, TRANSITION_MESSAGES } from '@/lib/core/workflow/task-status';
import { refreshTaskLightsOf } from '@/lib/server/tasks/refresh-task-lights';

/** A file as a server action receives it, or as tests and scripts pass it. */
export type UploadedFile = File | { name: string; type?: string; bytes: Uint8Array };

type CheckedFile = StoredAttachment & { bytes: Uint8Array };

const invalidFiles = (message: string) => new UserFacingError(message, 'INVALID', { files: [message] });

async function checkFiles(files: readonly UploadedFile[]): Promise<CheckedFile[]> {
  const count = checkAttachmentCount(files.length);
  if (!count.ok) throw invalidFiles(count.message);
  const checked: CheckedFile[] = [];
  for (const file of files) {
    const size = file instanceof Blob ? file.size : file.bytes.length;
    // An oversize file is refused on its declared size, before it is read into memory.
    const bytes = size > MAX_ATTACHMENT_BYTES ? new Uint8Array() : file instanceof Blob ? new Uint8Array(await file.arrayBuffer()) : file.bytes;
    const result = checkAttachment({ name: file.name, size, head: bytes.subarray(0, SNIFF_BYTES) });
    if (!result.ok) throw invalidFiles(result.message);
    checked.push({ name: result.name, storedName: storedFileName(result.extension), size, type: result.mime, bytes });
  }
  return checked;
}

/**
 * 进度报送 by the lead unit or a co-unit, for the task's current period unless another is chosen.
 *
 * Only the lead unit's report speaks for the task: it sets the targets' actual values, the
 * reported percent and the derived progress, and moves 交办/已签收 to 办理中. A co-unit's report
 * records its contribution (its figures stay on the report) and leaves the task as it is, so
 * co-units never overwrite the lead unit's figures or collide with its edits.
 *
 * With `closureRequest` (lead unit only) the report is the 申请销号: its attachments are the
 * evidence, so at least one is required. Attachments are written outside the database under a
 * temporary name and renamed once the report is committed; on any failure they are removed.
 */
export async function fileProgressReport({
  user,
  input,
  files = [],
  ip,
  today = new Date(),
}: {
  user: SessionUser;
  input: unknown;
  files?: readonly UploadedFile[];
  ip?: string | null;
  today?: Date;
}) {
  if (!can(user, 'task.report')) throw forbidden('报送进度');
  const data = parseInput(progressReportSchema, input);
  const checked = await checkFiles(files);

  const staged: StagedFile[] = [];
  try {
    const report = await db.$transaction(async (tx) => {
      const { task, actor } = await loadTaskForActor(tx, { user, taskId: data.taskId });
      if (!user.unitId || (actor !== 'LEAD_UNIT' && actor !== 'CO_UNIT')) throw forbidden('报送进度');
      const isLead = actor === 'LEAD_UNIT';
      if (isLead && data.version !== task.version) throw staleVersion();
      if (!canReportProgress(task.status, actor)) throw new UserFacingError('当前状态不能报送进度', 'CONFLICT');

      const period = resolveReportPeriod({ cadence: task.cadence, requested: data.periodKey, start: task.startDate, today });
      if (!period.ok) throw new UserFacingError(period.message, 'INVALID', { periodKey: [period.message] });

      const targetIds = new Set(task.targets.map((t) => t.id));
      if (data.targetActuals.some((t) => !targetIds.has(t.targetId))) {
        throw new UserFacingError('指标不属于该任务', 'INVALID', { targetActuals: ['指标不属于该任务'] });
      }
      const reported = data.targetActuals.filter((t): t is { targetId: string; actual: number } => t.actual !== null);

      // Reporting starts the work; a closure request then needs the report's attachments as evidence.
      let status = isLead ? statusAfterProgressReport(task.status) : task.status;
      if (data.closureRequest) {
        if (!can(user, TASK_ACTION_PERMISSIONS.requestClosure)) throw forbidden('申请销号');
        const closing = transition(statusAfterProgressReport(task.status), 'requestClosure', actor, { evidence: checked });
        if (!closing.ok && closing.message === TRANSITION_MESSAGES.forbidden) throw new UserFacingError('只有牵头单位可以申请销号', 'FORBIDDEN');
        assertTransition(closing, 'files');
        status = closing.status;
      }

      for (const file of checked) staged.push(await stageFile(task.id, file.storedName, file.bytes));
      const attachments: StoredAttachment[] = checked.map(({ name, storedName, size, type }) => ({ name, storedName, size, type }));
      const now = new Date();
      const created = await tx.progressReport.create({
        data: {
          taskId: task.id,
          unitId: user.unitId,
          authorId: user.id,
          periodKey: period.periodKey,
          closureRequest: data.closureRequest,
          narrative: data.narrative,
          percent: data.percent,
          targetActuals: reported,
          attachments,
          createdAt: now,
        },
      });
      // Appended together just before commit: the audit chain's lock is then held only for the append.
      const audit: AuditInput[] = [{ actorId: user.id, action: 'report.file', entity: 'ProgressReport', entityId: created.id, after: created, ip }];

      if (isLead) {
        const actuals = new Map(reported.map((t) => [t.targetId, t.actual]));
        // One statement for all the reported targets (ids checked above to belong to the task).
        if (actuals.size > 0) {
          await tx.$executeRaw`UPDATE "Target" t SET "actualValue" = a."actual"
            FROM unnest(${[...actuals.keys()]}::text[], ${[...actuals.values()].map(String)}::numeric[]) AS a("id", "actual")
            WHERE t."id" = a."id" AND t."taskId" = ${task.id}`;
        }
        const progressPercent = actualProgress({
          targets: task.targets.map((t) => ({ ...storedTargetFigure(t), actual: actuals.get(t.id) ?? numberFromDecimal(t.actualValue) })),
          reportedPercent: data.percent,
        });
        const updated = await tx.task.updateMany({
          where: { id: task.id, version: task.version },
          data: { status, reportedPercent: data.percent, progressPercent, lastReportAt: now, version: { increment: 1 } },
        });
        if (updated.count === 0) throw staleVersion();
        await refreshTaskLightsOf(tx, [task.id]);
        audit.push({
          actorId: user.id,
          action: data.closureRequest ? 'task.requestClosure' : 'task.progress',
          entity: 'Task',
          entityId: task.id,
          before: {
            status: task.status,
            reportedPercent: task.reportedPercent,
            progressPercent: task.progressPercent,
            version: task.version,
            targets: task.targets.filter((t) => actuals.has(t.id)).map((t) => ({ id: t.id, actualValue: t.actualValue })),
          },
          after: {
            status,
            reportedPercent: data.percent,
            progressPercent,
            version: task.version + 1,
            targets: [...actuals].map(([id, actualValue]) => ({ id, actualValue })),
            reportId: created.id,
          },
          ip,
        });
      }

      const subject = `${task.code} ${task.title}`;
      await createNotifications(
        tx,
        { admins: true },
        data.closureRequest
          ? { kind: 'task.closureRequested', title: `申请销号：${subject}`, body: data.narrative.slice(0, 200), link: `/tasks/${task.id}` }
          : { kind: 'report.filed', title: `进度报送：${subject}`, body: data.narrative.slice(0, 200), link: `/tasks/${task.id}` },
        user.id,
      );
      await recordAuditEvents(tx, audit);
      return created;
    });
    await commitStaged(staged);
    return report;
  } catch (error) {
    await discardStaged(staged);
    throw error;
  }
}
