/**
 * Task state machine: 交办 → 已签收 → 办理中 → 申请销号 → 已销号; the office may 撤销 (cancel) an open task.
 *
 * Pure rules only; the data layer loads the task and user, derives the actor kind with
 * `actorKindFor`, and persists whatever `transition` returns.
 */

/** Values match the Prisma `TaskStatus` enum. */
export const TASK_STATUSES = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'CLOSURE_REQUESTED', 'CLOSED', 'CANCELLED'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  ASSIGNED: '交办',
  ACKNOWLEDGED: '已签收',
  IN_PROGRESS: '办理中',
  CLOSURE_REQUESTED: '申请销号',
  CLOSED: '已销号',
  CANCELLED: '已撤销',
};

export const TASK_ACTIONS = [
  'acknowledge',
  'start',
  'requestClosure',
  'approveClosure',
  'returnToProgress',
  'reopen',
  'cancel',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Actions taken with a button; 申请销号 is filed as a progress report, which carries its evidence. */
export const DIRECT_TASK_ACTIONS = ['acknowledge', 'start', 'approveClosure', 'returnToProgress', 'reopen'] as const satisfies readonly TaskAction[];
export type DirectTaskAction = (typeof DIRECT_TASK_ACTIONS)[number];

export const TASK_ACTION_LABELS: Record<TaskAction, string> = {
  acknowledge: '签收',
  start: '开始办理',
  requestClosure: '申请销号',
  approveClosure: '同意销号',
  returnToProgress: '退回',
  reopen: '重新办理',
  cancel: '撤销',
};

/**
 * Who is acting, relative to one task. ADMIN is the supervision office (督查室);
 * LEAD_UNIT / CO_UNIT are users of the task's lead unit / a co-unit.
 */
export const ACTOR_KINDS = ['ADMIN', 'LEADER', 'LEAD_UNIT', 'CO_UNIT'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const ACTOR_KIND_LABELS: Record<ActorKind, string> = {
  ADMIN: '督查室',
  LEADER: '县领导',
  LEAD_UNIT: '牵头单位',
  CO_UNIT: '配合单位',
};

/** Values match the Prisma `Role` enum. */
export type UserRole = 'ADMIN' | 'LEADER' | 'UNIT_HEAD' | 'UNIT_STAFF';

type Requirement = 'reason' | 'evidence';

/** Statuses of a task still being worked on: neither 已销号 nor 已撤销. */
export const OPEN_STATUSES = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'CLOSURE_REQUESTED'] as const satisfies readonly TaskStatus[];

export function isOpenStatus(status: TaskStatus): boolean {
  return (OPEN_STATUSES as readonly TaskStatus[]).includes(status);
}

interface TransitionRule {
  from: readonly TaskStatus[];
  to: TaskStatus;
  actors: readonly ActorKind[];
  requires?: Requirement;
}

const TRANSITIONS: Record<TaskAction, TransitionRule> = {
  acknowledge: { from: ['ASSIGNED'], to: 'ACKNOWLEDGED', actors: ['LEAD_UNIT'] },
  start: { from: ['ACKNOWLEDGED'], to: 'IN_PROGRESS', actors: ['LEAD_UNIT'] },
  // Only the lead unit answers for the task as a whole, so only it may ask to close it.
  requestClosure: { from: ['IN_PROGRESS'], to: 'CLOSURE_REQUESTED', actors: ['LEAD_UNIT'], requires: 'evidence' },
  approveClosure: { from: ['CLOSURE_REQUESTED'], to: 'CLOSED', actors: ['ADMIN'] },
  returnToProgress: { from: ['CLOSURE_REQUESTED'], to: 'IN_PROGRESS', actors: ['ADMIN'], requires: 'reason' },
  reopen: { from: ['CLOSED'], to: 'IN_PROGRESS', actors: ['ADMIN'], requires: 'reason' },
  // 撤销 (also how a split ends the original): only open tasks; a closed task is history already.
  cancel: { from: OPEN_STATUSES, to: 'CANCELLED', actors: ['ADMIN'], requires: 'reason' },
};

export const TRANSITION_MESSAGES = {
  invalidState: '当前状态不能执行该操作',
  forbidden: '无权执行该操作',
  returnReasonRequired: '请填写退回理由',
  reopenReasonRequired: '请填写重新办理理由',
  cancelReasonRequired: '请填写撤销理由',
  evidenceRequired: '申请销号须提供佐证材料',
} as const;

export function isTaskStatus(value: unknown): value is TaskStatus {
  return typeof value === 'string' && (TASK_STATUSES as readonly string[]).includes(value);
}

export function isTaskAction(value: unknown): value is TaskAction {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(TRANSITIONS, value);
}

/** The status `action` leads to from `status`, or null when the action does not apply there. */
export function nextStatus(status: TaskStatus, action: TaskAction): TaskStatus | null {
  const rule = isTaskAction(action) ? TRANSITIONS[action] : undefined;
  if (!rule || !rule.from.includes(status)) return null;
  return rule.to;
}

/** State and permission check only; reason/evidence are checked by `transition`. */
export function canTransition(status: TaskStatus, action: TaskAction, actor: ActorKind | null): boolean {
  if (nextStatus(status, action) === null || actor === null) return false;
  return TRANSITIONS[action].actors.includes(actor);
}

/** Actions `actor` may take on a task in `status`, in workflow order (for rendering buttons). */
export function availableActions(status: TaskStatus, actor: ActorKind | null): TaskAction[] {
  return TASK_ACTIONS.filter((action) => canTransition(status, action, actor));
}

export interface TransitionInput {
  /** 退回 / 重新办理 reason; blank (including full-width spaces) counts as missing. */
  reason?: string | null;
  /** Closure evidence: attachment ids or a written description; must be non-empty. */
  evidence?: readonly unknown[] | string | null;
}

export type TransitionResult = { ok: true; status: TaskStatus } | { ok: false; message: string };

function hasText(value: string | null | undefined): boolean {
  // String.prototype.trim removes all Unicode spaces, including U+3000.
  return typeof value === 'string' && value.trim().length > 0;
}

function hasEvidence(evidence: TransitionInput['evidence']): boolean {
  if (typeof evidence === 'string') return hasText(evidence);
  return Array.isArray(evidence) && evidence.length > 0;
}

/**
 * Validates a transition. Checks run in the order a user can fix them:
 * wrong state first (nothing to do), then permission, then missing input.
 */
export function transition(
  status: TaskStatus,
  action: TaskAction,
  actor: ActorKind | null,
  input: TransitionInput = {},
): TransitionResult {
  const to = nextStatus(status, action);
  if (to === null) return { ok: false, message: TRANSITION_MESSAGES.invalidState };
  if (!canTransition(status, action, actor)) return { ok: false, message: TRANSITION_MESSAGES.forbidden };

  const requirement = TRANSITIONS[action].requires;
  if (requirement === 'reason' && !hasText(input.reason)) {
    const message =
      action === 'reopen'
        ? TRANSITION_MESSAGES.reopenReasonRequired
        : action === 'cancel'
          ? TRANSITION_MESSAGES.cancelReasonRequired
          : TRANSITION_MESSAGES.returnReasonRequired;
    return { ok: false, message };
  }
  if (requirement === 'evidence' && !hasEvidence(input.evidence)) {
    return { ok: false, message: TRANSITION_MESSAGES.evidenceRequired };
  }
  return { ok: true, status: to };
}

/** Statuses in which units file progress reports (not after asking to close). */
const REPORTABLE_STATUSES: readonly TaskStatus[] = ['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS'];

/** The lead unit and co-units report progress; only the lead unit's report speaks for the task as a whole. */
export function canReportProgress(status: TaskStatus, actor: ActorKind | null): boolean {
  return (actor === 'LEAD_UNIT' || actor === 'CO_UNIT') && REPORTABLE_STATUSES.includes(status);
}

/**
 * Status after a progress report is filed: reporting is proof work has begun, so a task
 * still at 交办 or 已签收 moves to 办理中 (implicitly signing for it); others are unchanged.
 */
export function statusAfterProgressReport(status: TaskStatus): TaskStatus {
  return status === 'ASSIGNED' || status === 'ACKNOWLEDGED' ? 'IN_PROGRESS' : status;
}

/** 申请延期: the lead unit, for any open task (not closed or cancelled). */
export function canRequestExtension(status: TaskStatus, actor: ActorKind | null): boolean {
  return actor === 'LEAD_UNIT' && isTaskStatus(status) && isOpenStatus(status);
}

/**
 * Changing a published task itself (修改, 拆分) is the office's: editing any task not cancelled,
 * splitting an open one (the original is cancelled by it).
 */
export function canEditTask(status: TaskStatus, actor: ActorKind | null): boolean {
  return actor === 'ADMIN' && status !== 'CANCELLED';
}

export function canSplitTask(status: TaskStatus, actor: ActorKind | null): boolean {
  return canTransition(status, 'cancel', actor);
}

/** Extension requests are approved or rejected by the supervision office. */
export function canDecideExtension(actor: ActorKind | null): boolean {
  return actor === 'ADMIN';
}

export interface ActorUser {
  role: UserRole;
  unitId: string | null;
}

export interface ActorTask {
  leadUnitId: string;
  coUnitIds: readonly string[];
}

/**
 * How `user` relates to `task`, or null when a unit user's unit is neither the lead unit
 * nor a co-unit. Office staff and county leaders relate to every task by role.
 * A unit listed as both lead and co-unit (bad data) is treated as lead: the stronger duty.
 */
export function actorKindFor(user: ActorUser, task: ActorTask): ActorKind | null {
  switch (user.role) {
    case 'ADMIN':
      return 'ADMIN';
    case 'LEADER':
      return 'LEADER';
    case 'UNIT_HEAD':
    case 'UNIT_STAFF':
      if (user.unitId === null) return null;
      if (user.unitId === task.leadUnitId) return 'LEAD_UNIT';
      if (task.coUnitIds.includes(user.unitId)) return 'CO_UNIT';
      return null;
    default:
      return null;
  }
}
