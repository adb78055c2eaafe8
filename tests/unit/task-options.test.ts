import { describe, expect, it } from 'vitest';
import { taskOptions } from '@/lib/core/workflow/task-options';

const none = { pendingClosureReport: false, pendingExtension: false };

describe('taskOptions', () => {
  it('lead unit on a new task: 签收, report (may ask to close), request an extension', () => {
    expect(taskOptions({ status: 'ASSIGNED', actor: 'LEAD_UNIT', ...none })).toEqual({
      directActions: ['acknowledge'],
      report: true,
      requestClosure: true,
      requestExtension: true,
      reviewReports: false,
      decideExtension: false,
      edit: false,
      split: false,
      cancel: false,
    });
  });

  it('co-unit: reports only', () => {
    expect(taskOptions({ status: 'IN_PROGRESS', actor: 'CO_UNIT', ...none })).toEqual({
      directActions: [],
      report: true,
      requestClosure: false,
      requestExtension: false,
      reviewReports: false,
      decideExtension: false,
      edit: false,
      split: false,
      cancel: false,
    });
  });

  it('lead unit once closure is requested: nothing but waiting (and an extension)', () => {
    expect(taskOptions({ status: 'CLOSURE_REQUESTED', actor: 'LEAD_UNIT', pendingClosureReport: true, pendingExtension: false })).toMatchObject({
      directActions: [],
      report: false,
      requestClosure: false,
      requestExtension: true,
    });
  });

  it('one pending extension at a time', () => {
    expect(taskOptions({ status: 'IN_PROGRESS', actor: 'LEAD_UNIT', pendingClosureReport: false, pendingExtension: true }).requestExtension).toBe(false);
  });

  it('office: decides a closure on its report, not with separate buttons; decides extensions; reopens closed tasks', () => {
    expect(taskOptions({ status: 'CLOSURE_REQUESTED', actor: 'ADMIN', pendingClosureReport: true, pendingExtension: true })).toEqual({
      directActions: [],
      report: false,
      requestClosure: false,
      requestExtension: false,
      reviewReports: true,
      decideExtension: true,
      edit: true,
      split: true,
      cancel: true,
    });
    expect(taskOptions({ status: 'CLOSURE_REQUESTED', actor: 'ADMIN', ...none }).directActions).toEqual(['approveClosure', 'returnToProgress']);
    expect(taskOptions({ status: 'CLOSED', actor: 'ADMIN', ...none }).directActions).toEqual(['reopen']);
  });

  it('office: edits any task but a cancelled one; cancels and splits only open tasks', () => {
    expect(taskOptions({ status: 'CLOSED', actor: 'ADMIN', ...none })).toMatchObject({ edit: true, split: false, cancel: false });
    expect(taskOptions({ status: 'CANCELLED', actor: 'ADMIN', ...none })).toMatchObject({ directActions: [], edit: false, split: false, cancel: false });
    expect(taskOptions({ status: 'IN_PROGRESS', actor: 'LEAD_UNIT', ...none })).toMatchObject({ edit: false, split: false, cancel: false });
  });

  it('a cancelled task takes no more reports, extensions or steps', () => {
    expect(taskOptions({ status: 'CANCELLED', actor: 'LEAD_UNIT', ...none })).toMatchObject({
      directActions: [],
      report: false,
      requestClosure: false,
      requestExtension: false,
    });
  });

  it('leaders and outsiders get nothing', () => {
    for (const actor of ['LEADER', null] as const) {
      expect(taskOptions({ status: 'IN_PROGRESS', actor, pendingClosureReport: true, pendingExtension: true })).toEqual({
        directActions: [],
        report: false,
        requestClosure: false,
        requestExtension: false,
        reviewReports: false,
        decideExtension: false,
        edit: false,
        split: false,
        cancel: false,
      });
    }
  });
});
