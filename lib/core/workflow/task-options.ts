/**
 * What a user may do on one task's page, from the pure rules in task-status.ts. The page shows
 * only these forms; the data layer re-checks every one of them.
 */

import {
  availableActions,
  canDecideExtension,
  canEditTask,
  canSplitTask,
  DIRECT_TASK_ACTIONS,
  canReportProgress,
  canRequestExtension,
  canTransition,
  statusAfterProgressReport,
  type ActorKind,
  type DirectTaskAction,
  type TaskStatus,
} from '@/lib/core/workflow/task-status';

export interface TaskOptionsInput {
  status: TaskStatus;
  actor: ActorKind | null;
  /** A closure-request report awaits the office's review. */
  pendingClosureReport: boolean;
  /** An extension request awaits the office's decision. */
  pendingExtension: boolean;
}

export interface TaskOptions {
  /** Buttons: 签收, 开始办理, 重新办理 (and 同意销号/退回 when no closure report carries them). */
  directActions: DirectTaskAction[];
  report: boolean;
  /** The report form offers 申请销号. */
  requestClosure: boolean;
  requestExtension: boolean;
  /** The office reviews pending reports (a closure request is decided on its report). */
  reviewReports: boolean;
  decideExtension: boolean;
  /** The office's changes to the task itself: 修改, 拆分, 撤销 (each on the edit page). */
  edit: boolean;
  split: boolean;
  cancel: boolean;
}

export function taskOptions({ status, actor, pendingClosureReport, pendingExtension }: TaskOptionsInput): TaskOptions {
  const directActions = availableActions(status, actor).filter(
    (a): a is DirectTaskAction =>
      (DIRECT_TASK_ACTIONS as readonly string[]).includes(a) && !(pendingClosureReport && (a === 'approveClosure' || a === 'returnToProgress')),
  );
  return {
    directActions,
    report: canReportProgress(status, actor),
    requestClosure: canTransition(statusAfterProgressReport(status), 'requestClosure', actor),
    requestExtension: canRequestExtension(status, actor) && !pendingExtension,
    reviewReports: actor === 'ADMIN',
    decideExtension: canDecideExtension(actor) && pendingExtension,
    edit: canEditTask(status, actor),
    split: canSplitTask(status, actor),
    cancel: canTransition(status, 'cancel', actor),
  };
}
