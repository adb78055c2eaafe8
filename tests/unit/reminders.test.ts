import { describe, expect, it } from 'vitest';
import {
  REMINDER_KIND_LABELS,
  dueReminders,
  reminderKey,
  supervisionEscalationDue,
  type DueRemindersInput,
} from '@/lib/core/schedule/reminders';
import { TASK_STATUSES } from '@/lib/core/workflow/task-status';

const day = (isoDate: string) => new Date(`${isoDate}T00:00:00+08:00`);

describe('dueReminders', () => {
  const base: DueRemindersInput = {
    taskId: 'task-42',
    deadline: day('2024-06-30'),
    status: 'IN_PROGRESS',
    today: day('2024-06-01'),
  };
  const due = (today: Date, overrides: Partial<DueRemindersInput> = {}) => dueReminders({ ...base, today, ...overrides });

  it('sends the 7-day reminder exactly 7 days before', () => {
    expect(due(day('2024-06-23'))).toEqual([
      { kind: 'DEADLINE_7D', key: 'task-42:DEADLINE_7D:2024-06-30', deadline: '2024-06-30' },
    ]);
  });

  it('sends the 1-day reminder the day before', () => {
    expect(due(day('2024-06-29'))).toEqual([
      { kind: 'DEADLINE_1D', key: 'task-42:DEADLINE_1D:2024-06-30', deadline: '2024-06-30' },
    ]);
  });

  it('sends the overdue reminder on the first day past the deadline only', () => {
    expect(due(day('2024-07-01'))).toEqual([
      { kind: 'OVERDUE', key: 'task-42:OVERDUE:2024-06-30', deadline: '2024-06-30' },
    ]);
    expect(due(day('2024-07-02'))).toEqual([]);
  });

  it('sends nothing on other days, including the deadline day', () => {
    for (const today of ['2024-06-01', '2024-06-22', '2024-06-24', '2024-06-28', '2024-06-30', '2024-08-01']) {
      expect(due(day(today)), today).toEqual([]);
    }
  });

  it('fires across the whole Shanghai day and not before it', () => {
    expect(due(new Date('2024-06-22T16:00:00Z')).map((r) => r.kind)).toEqual(['DEADLINE_7D']); // 06-23 00:00
    expect(due(new Date('2024-06-23T15:59:59Z')).map((r) => r.kind)).toEqual(['DEADLINE_7D']); // 06-23 23:59
    expect(due(new Date('2024-06-22T15:59:59Z'))).toEqual([]); // still 06-22
  });

  it('keys the deadline by its Shanghai date whatever its storage convention', () => {
    const utcMidnight = due(day('2024-06-29'), { deadline: new Date('2024-06-30T00:00:00Z') });
    expect(utcMidnight[0]?.key).toBe('task-42:DEADLINE_1D:2024-06-30');
  });

  it('gives a new key after the deadline is extended', () => {
    const before = due(day('2024-06-29'));
    const after = due(day('2024-07-30'), { deadline: day('2024-07-31') });
    expect(before[0]?.key).toBe('task-42:DEADLINE_1D:2024-06-30');
    expect(after[0]?.key).toBe('task-42:DEADLINE_1D:2024-07-31');
  });

  it('sends nothing for a closed or cancelled task, and sends for every other status', () => {
    for (const status of TASK_STATUSES) {
      expect(due(day('2024-07-01'), { status }).length, status).toBe(status === 'CLOSED' || status === 'CANCELLED' ? 0 : 1);
    }
  });

  it('is stable across re-runs on the same day', () => {
    expect(due(new Date('2024-06-23T08:00:00+08:00'))).toEqual(due(new Date('2024-06-23T20:00:00+08:00')));
  });

  it('labels every kind', () => {
    expect(Object.keys(REMINDER_KIND_LABELS)).toEqual(['DEADLINE_7D', 'DEADLINE_1D', 'OVERDUE']);
    expect(reminderKey('t', 'OVERDUE', '2024-01-02')).toBe('t:OVERDUE:2024-01-02');
  });
});

describe('supervisionEscalationDue', () => {
  const responseDue = day('2024-05-10');

  it('does not escalate on or before the response day', () => {
    expect(supervisionEscalationDue({ responseDue, respondedAt: null, today: day('2024-05-09') })).toBe(false);
    expect(supervisionEscalationDue({ responseDue, respondedAt: null, today: day('2024-05-10') })).toBe(false);
    expect(
      supervisionEscalationDue({ responseDue, respondedAt: null, today: new Date('2024-05-10T23:59:59+08:00') }),
    ).toBe(false);
  });

  it('escalates from the next Shanghai day when unanswered', () => {
    expect(supervisionEscalationDue({ responseDue, respondedAt: null, today: new Date('2024-05-10T16:00:00Z') })).toBe(
      true,
    );
    expect(supervisionEscalationDue({ responseDue, respondedAt: null, today: day('2024-06-01') })).toBe(true);
  });

  it('does not escalate once answered, even late', () => {
    expect(
      supervisionEscalationDue({ responseDue, respondedAt: day('2024-05-12'), today: day('2024-05-20') }),
    ).toBe(false);
  });
});
