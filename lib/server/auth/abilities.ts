import 'server-only';
import { can, type Permission, type SessionUser } from '@/lib/server/auth/permissions';
import { actorKindFor, isOpenStatus, type ActorKind, type TaskAction, type TaskStatus } from '@/lib/core/workflow/task-status';
import { taskOptions, type TaskOptions } from '@/lib/core/workflow/task-options';

/*
 * What a user may do on one task or letter, computed in one place from the role's permissions
 * (ROLE_PERMISSIONS: what the role may ever do) and the pure workflow (what the user's relation to
 * this record allows in its current status). Pages render these flags; the data layer checks the
 * same functions before it writes, so a button shown and a write allowed cannot disagree.
 */

/** The permission each workflow step needs, on top of the workflow's rule for the user's relation to the task. */
export const TASK_ACTION_PERMISSIONS: Record<TaskAction, Permission> = {
  acknowledge: 'task.report',
  start: 'task.report',
  requestClosure: 'task.requestClosure',
  approveClosure: 'task.close',
  returnToProgress: 'task.close',
  reopen: 'task.close',
  cancel: 'task.edit',
};

export type AbilityTask = { status: TaskStatus; leadUnitId: string; coUnitIds: readonly string[] };

export type TaskAbilities = TaskOptions & {
  /** How the user relates to the task (lead unit, co-unit, office, leader), for wording. */
  actor: ActorKind | null;
  /** 催办 / 督办: only while the task is open. */
  urge: boolean;
  /** 批示: not on a cancelled task. */
  instruct: boolean;
};

/** Every flag the task page and the edit page render, for this user on this task. */
export function taskAbilities(
  user: SessionUser,
  task: AbilityTask,
  pending: { pendingClosureReport: boolean; pendingExtension: boolean } = { pendingClosureReport: false, pendingExtension: false },
): TaskAbilities {
  const actor = actorKindFor(user, task);
  const options = taskOptions({ status: task.status, actor, ...pending });
  return {
    actor,
    directActions: options.directActions.filter((action) => can(user, TASK_ACTION_PERMISSIONS[action])),
    report: options.report && can(user, 'task.report'),
    requestClosure: options.requestClosure && can(user, 'task.requestClosure'),
    requestExtension: options.requestExtension && can(user, 'task.requestExtension'),
    reviewReports: options.reviewReports && can(user, 'report.review'),
    decideExtension: options.decideExtension && can(user, 'extension.decide'),
    edit: options.edit && can(user, 'task.edit'),
    split: options.split && can(user, 'task.edit'),
    cancel: options.cancel && can(user, TASK_ACTION_PERMISSIONS.cancel),
    urge: can(user, 'supervision.urge') && isOpenStatus(task.status),
    instruct: can(user, 'supervision.instruct') && task.status !== 'CANCELLED',
  };
}

/** A unit's head or liaison: their view of units is their own unit (lists open straight on it). */
export function seesOwnUnitOnly(user: SessionUser): boolean {
  return can(user, 'dashboard.unit');
}

export type LetterAbilities = {
  /** Generate, edit, issue and amend; see drafts and signers' IP and browser. */
  manage: boolean;
  /** 签署 as the unit's head: an issued version of the user's own unit's letter. */
  sign: boolean;
  /** 会签 as a leader: a unit-signed version of a letter in the leader's scope (their 分管 units). */
  countersign: boolean;
};

/** What the user may do with a unit's letter whose shown version has `status` (null: none yet). */
export function letterAbilities(user: SessionUser, letter: { unitId: string; status: string | null }): LetterAbilities {
  return {
    manage: can(user, 'commitment.manage'),
    sign: can(user, 'commitment.signUnit') && user.unitId === letter.unitId && letter.status === 'ISSUED',
    countersign: can(user, 'commitment.countersign') && letter.status === 'SIGNED',
  };
}
