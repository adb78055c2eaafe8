import { describe, expect, it } from 'vitest';
import {
  ACTOR_KINDS,
  TASK_ACTIONS,
  TASK_ACTION_LABELS,
  TASK_STATUSES,
  TASK_STATUS_LABELS,
  actorKindFor,
  availableActions,
  canDecideExtension,
  canReportProgress,
  canRequestExtension,
  canTransition,
  isTaskAction,
  isTaskStatus,
  nextStatus,
  statusAfterProgressReport,
  transition,
  type ActorKind,
  type TaskAction,
  type TaskStatus,
} from '@/lib/core/workflow/task-status';

/** Every allowed (status, action, actor) triple, written out independently of the table. */
const ALLOWED = new Set([
  'ASSIGNED acknowledge LEAD_UNIT',
  'ACKNOWLEDGED start LEAD_UNIT',
  'IN_PROGRESS requestClosure LEAD_UNIT',
  'CLOSURE_REQUESTED approveClosure ADMIN',
  'CLOSURE_REQUESTED returnToProgress ADMIN',
  'CLOSED reopen ADMIN',
  'ASSIGNED cancel ADMIN',
  'ACKNOWLEDGED cancel ADMIN',
  'IN_PROGRESS cancel ADMIN',
  'CLOSURE_REQUESTED cancel ADMIN',
]);

/** Each action's from-statuses and the status it leads to. */
const EXPECTED_NEXT: Record<TaskAction, [TaskStatus[], TaskStatus]> = {
  acknowledge: [['ASSIGNED'], 'ACKNOWLEDGED'],
  start: [['ACKNOWLEDGED'], 'IN_PROGRESS'],
  requestClosure: [['IN_PROGRESS'], 'CLOSURE_REQUESTED'],
  approveClosure: [['CLOSURE_REQUESTED'], 'CLOSED'],
  returnToProgress: [['CLOSURE_REQUESTED'], 'IN_PROGRESS'],
  reopen: [['CLOSED'], 'IN_PROGRESS'],
  cancel: [['ASSIGNED', 'ACKNOWLEDGED', 'IN_PROGRESS', 'CLOSURE_REQUESTED'], 'CANCELLED'],
};

describe('labels', () => {
  it('labels every status in Chinese', () => {
    expect(TASK_STATUS_LABELS).toEqual({
      ASSIGNED: '交办',
      ACKNOWLEDGED: '已签收',
      IN_PROGRESS: '办理中',
      CLOSURE_REQUESTED: '申请销号',
      CLOSED: '已销号',
      CANCELLED: '已撤销',
    });
  });

  it('labels every action', () => {
    expect(Object.keys(TASK_ACTION_LABELS).sort()).toEqual([...TASK_ACTIONS].sort());
    expect(TASK_ACTION_LABELS.returnToProgress).toBe('退回');
    expect(TASK_ACTION_LABELS.requestClosure).toBe('申请销号');
  });
});

describe('nextStatus', () => {
  it.each(Object.entries(EXPECTED_NEXT))('%s goes %j', (action, [from, to]) => {
    for (const status of from) expect(nextStatus(status, action as TaskAction)).toBe(to);
  });

  it('is null from every other status', () => {
    for (const action of TASK_ACTIONS) {
      for (const status of TASK_STATUSES) {
        if (EXPECTED_NEXT[action][0].includes(status)) continue;
        expect(nextStatus(status, action), `${status} ${action}`).toBeNull();
      }
    }
  });

  it('is null for an unknown action at runtime', () => {
    expect(nextStatus('ASSIGNED', 'toString' as TaskAction)).toBeNull();
    expect(nextStatus('ASSIGNED', 'delete' as TaskAction)).toBeNull();
  });
});

describe('canTransition', () => {
  it('matches the allowed matrix exactly (all 6×7×4 combinations)', () => {
    let allowedCount = 0;
    for (const status of TASK_STATUSES) {
      for (const action of TASK_ACTIONS) {
        for (const actor of ACTOR_KINDS) {
          const expected = ALLOWED.has(`${status} ${action} ${actor}`);
          if (expected) allowedCount++;
          expect(canTransition(status, action, actor), `${status} ${action} ${actor}`).toBe(expected);
        }
      }
    }
    expect(allowedCount).toBe(ALLOWED.size);
  });

  it('refuses an actor with no relation to the task', () => {
    for (const status of TASK_STATUSES) {
      for (const action of TASK_ACTIONS) expect(canTransition(status, action, null)).toBe(false);
    }
  });

  it('does not let co-units or leaders request closure', () => {
    expect(canTransition('IN_PROGRESS', 'requestClosure', 'CO_UNIT')).toBe(false);
    expect(canTransition('IN_PROGRESS', 'requestClosure', 'LEADER')).toBe(false);
    expect(canTransition('IN_PROGRESS', 'requestClosure', 'ADMIN')).toBe(false);
  });
});

describe('availableActions', () => {
  it.each<[TaskStatus, ActorKind | null, TaskAction[]]>([
    ['ASSIGNED', 'LEAD_UNIT', ['acknowledge']],
    ['ASSIGNED', 'ADMIN', ['cancel']],
    ['ACKNOWLEDGED', 'LEAD_UNIT', ['start']],
    ['IN_PROGRESS', 'LEAD_UNIT', ['requestClosure']],
    ['IN_PROGRESS', 'CO_UNIT', []],
    ['CLOSURE_REQUESTED', 'ADMIN', ['approveClosure', 'returnToProgress', 'cancel']],
    ['CLOSURE_REQUESTED', 'LEAD_UNIT', []],
    ['CLOSED', 'ADMIN', ['reopen']],
    ['CANCELLED', 'ADMIN', []],
    ['CANCELLED', 'LEAD_UNIT', []],
    ['CLOSED', 'LEADER', []],
    ['CLOSED', null, []],
  ])('%s as %s → %j', (status, actor, expected) => {
    expect(availableActions(status, actor)).toEqual(expected);
  });
});

describe('transition', () => {
  it('cancels an open task for the office with a reason, and nothing after', () => {
    expect(transition('IN_PROGRESS', 'cancel', 'ADMIN', { reason: '任务已由上级取消' })).toEqual({ ok: true, status: 'CANCELLED' });
    expect(transition('IN_PROGRESS', 'cancel', 'ADMIN', { reason: '\u3000 ' })).toEqual({ ok: false, message: '请填写撤销理由' });
    expect(transition('IN_PROGRESS', 'cancel', 'LEAD_UNIT', { reason: '不想做' })).toEqual({ ok: false, message: '无权执行该操作' });
    expect(transition('IN_PROGRESS', 'cancel', 'LEADER', { reason: '不想做' })).toEqual({ ok: false, message: '无权执行该操作' });
    expect(transition('CLOSED', 'cancel', 'ADMIN', { reason: '理由' })).toEqual({ ok: false, message: '当前状态不能执行该操作' });
    for (const action of TASK_ACTIONS) expect(nextStatus('CANCELLED', action), action).toBeNull();
  });

  it('acknowledges, starts, requests closure, approves', () => {
    expect(transition('ASSIGNED', 'acknowledge', 'LEAD_UNIT')).toEqual({ ok: true, status: 'ACKNOWLEDGED' });
    expect(transition('ACKNOWLEDGED', 'start', 'LEAD_UNIT')).toEqual({ ok: true, status: 'IN_PROGRESS' });
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT', { evidence: ['att-1'] })).toEqual({
      ok: true,
      status: 'CLOSURE_REQUESTED',
    });
    expect(transition('CLOSURE_REQUESTED', 'approveClosure', 'ADMIN')).toEqual({ ok: true, status: 'CLOSED' });
  });

  it('reports a wrong state before a missing permission', () => {
    expect(transition('CLOSED', 'acknowledge', 'CO_UNIT')).toEqual({ ok: false, message: '当前状态不能执行该操作' });
    expect(transition('ASSIGNED', 'approveClosure', 'ADMIN')).toEqual({ ok: false, message: '当前状态不能执行该操作' });
  });

  it('reports a missing permission before missing input', () => {
    expect(transition('CLOSURE_REQUESTED', 'returnToProgress', 'LEAD_UNIT')).toEqual({
      ok: false,
      message: '无权执行该操作',
    });
    expect(transition('IN_PROGRESS', 'requestClosure', 'CO_UNIT', { evidence: ['x'] })).toEqual({
      ok: false,
      message: '无权执行该操作',
    });
    expect(transition('ASSIGNED', 'acknowledge', null)).toEqual({ ok: false, message: '无权执行该操作' });
  });

  it('requires a non-blank reason to return a closure request', () => {
    const refused = { ok: false, message: '请填写退回理由' };
    expect(transition('CLOSURE_REQUESTED', 'returnToProgress', 'ADMIN')).toEqual(refused);
    expect(transition('CLOSURE_REQUESTED', 'returnToProgress', 'ADMIN', { reason: null })).toEqual(refused);
    expect(transition('CLOSURE_REQUESTED', 'returnToProgress', 'ADMIN', { reason: '' })).toEqual(refused);
    expect(transition('CLOSURE_REQUESTED', 'returnToProgress', 'ADMIN', { reason: ' \u3000\n\t' })).toEqual(refused);
    expect(transition('CLOSURE_REQUESTED', 'returnToProgress', 'ADMIN', { reason: '佐证材料不全' })).toEqual({
      ok: true,
      status: 'IN_PROGRESS',
    });
  });

  it('requires a reason to reopen', () => {
    expect(transition('CLOSED', 'reopen', 'ADMIN', { reason: '\u3000' })).toEqual({
      ok: false,
      message: '请填写重新办理理由',
    });
    expect(transition('CLOSED', 'reopen', 'ADMIN', { reason: '群众反映问题反弹' })).toEqual({
      ok: true,
      status: 'IN_PROGRESS',
    });
  });

  it('requires evidence to request closure', () => {
    const refused = { ok: false, message: '申请销号须提供佐证材料' };
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT')).toEqual(refused);
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT', { evidence: [] })).toEqual(refused);
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT', { evidence: '  ' })).toEqual(refused);
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT', { evidence: null })).toEqual(refused);
    // A reason is not evidence.
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT', { reason: '已完成' })).toEqual(refused);
    expect(transition('IN_PROGRESS', 'requestClosure', 'LEAD_UNIT', { evidence: '验收报告已上传' })).toEqual({
      ok: true,
      status: 'CLOSURE_REQUESTED',
    });
  });

  it('agrees with canTransition for every combination when inputs are supplied', () => {
    for (const status of TASK_STATUSES) {
      for (const action of TASK_ACTIONS) {
        for (const actor of [...ACTOR_KINDS, null]) {
          const result = transition(status, action, actor, { reason: '理由', evidence: ['e'] });
          expect(result.ok).toBe(canTransition(status, action, actor));
          if (result.ok) expect(result.status).toBe(nextStatus(status, action));
        }
      }
    }
  });
});

describe('progress reports', () => {
  it('moves 交办 and 已签收 to 办理中 on the first report, leaves the rest', () => {
    expect(statusAfterProgressReport('ASSIGNED')).toBe('IN_PROGRESS');
    expect(statusAfterProgressReport('ACKNOWLEDGED')).toBe('IN_PROGRESS');
    expect(statusAfterProgressReport('IN_PROGRESS')).toBe('IN_PROGRESS');
    expect(statusAfterProgressReport('CLOSURE_REQUESTED')).toBe('CLOSURE_REQUESTED');
    expect(statusAfterProgressReport('CLOSED')).toBe('CLOSED');
  });

  it('lets the lead unit and co-units report, and only before closure is requested', () => {
    for (const status of TASK_STATUSES) {
      const open = status === 'ASSIGNED' || status === 'ACKNOWLEDGED' || status === 'IN_PROGRESS';
      expect(canReportProgress(status, 'LEAD_UNIT'), `${status} lead`).toBe(open);
      expect(canReportProgress(status, 'CO_UNIT'), `${status} co`).toBe(open);
      expect(canReportProgress(status, 'ADMIN'), `${status} admin`).toBe(false);
      expect(canReportProgress(status, 'LEADER'), `${status} leader`).toBe(false);
      expect(canReportProgress(status, null), `${status} none`).toBe(false);
    }
  });
});

describe('extensions', () => {
  it('lets the lead unit request an extension until the task is closed or cancelled', () => {
    for (const status of TASK_STATUSES) {
      expect(canRequestExtension(status, 'LEAD_UNIT'), status).toBe(status !== 'CLOSED' && status !== 'CANCELLED');
      expect(canRequestExtension(status, 'CO_UNIT')).toBe(false);
      expect(canRequestExtension(status, 'ADMIN')).toBe(false);
      expect(canRequestExtension(status, 'LEADER')).toBe(false);
      expect(canRequestExtension(status, null)).toBe(false);
    }
  });

  it('lets only the office decide', () => {
    expect(canDecideExtension('ADMIN')).toBe(true);
    expect(canDecideExtension('LEADER')).toBe(false);
    expect(canDecideExtension('LEAD_UNIT')).toBe(false);
    expect(canDecideExtension('CO_UNIT')).toBe(false);
    expect(canDecideExtension(null)).toBe(false);
  });
});

describe('actorKindFor', () => {
  const task = { leadUnitId: 'u-lead', coUnitIds: ['u-co1', 'u-co2'] };

  it.each<[Parameters<typeof actorKindFor>[0], ActorKind | null]>([
    [{ role: 'ADMIN', unitId: null }, 'ADMIN'],
    [{ role: 'ADMIN', unitId: 'u-co1' }, 'ADMIN'],
    [{ role: 'LEADER', unitId: null }, 'LEADER'],
    [{ role: 'UNIT_HEAD', unitId: 'u-lead' }, 'LEAD_UNIT'],
    [{ role: 'UNIT_STAFF', unitId: 'u-lead' }, 'LEAD_UNIT'],
    [{ role: 'UNIT_STAFF', unitId: 'u-co2' }, 'CO_UNIT'],
    [{ role: 'UNIT_HEAD', unitId: 'u-co1' }, 'CO_UNIT'],
    [{ role: 'UNIT_HEAD', unitId: 'u-other' }, null],
    [{ role: 'UNIT_STAFF', unitId: null }, null],
  ])('%j → %s', (user, expected) => {
    expect(actorKindFor(user, task)).toBe(expected);
  });

  it('prefers lead over co-unit when a unit is listed as both', () => {
    expect(actorKindFor({ role: 'UNIT_STAFF', unitId: 'u-x' }, { leadUnitId: 'u-x', coUnitIds: ['u-x'] })).toBe(
      'LEAD_UNIT',
    );
  });

  it('returns null for an unknown role at runtime', () => {
    expect(actorKindFor({ role: 'GUEST' as 'ADMIN', unitId: 'u-lead' }, task)).toBeNull();
  });
});

describe('guards', () => {
  it('recognise statuses and actions', () => {
    expect(isTaskStatus('CLOSED')).toBe(true);
    expect(isTaskStatus('closed')).toBe(false);
    expect(isTaskStatus(undefined)).toBe(false);
    expect(isTaskAction('reopen')).toBe(true);
    expect(isTaskAction('constructor')).toBe(false);
  });
});
