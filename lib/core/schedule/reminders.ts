/**
 * Which reminders a daily job should send today.
 *
 * Each reminder fires on exactly one Shanghai calendar day and carries an idempotency key,
 * so re-running the job on the same day sends nothing twice (store the key with a unique
 * constraint). The key embeds the deadline date: when a deadline is extended, reminders for
 * the new deadline fire again.
 */

import { shanghaiDayNumber, shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { isOpenStatus, type TaskStatus } from '@/lib/core/workflow/task-status';

export const REMINDER_KINDS = ['DEADLINE_7D', 'DEADLINE_1D', 'OVERDUE'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Record<ReminderKind, string> = {
  DEADLINE_7D: '距完成时限还有7天',
  DEADLINE_1D: '距完成时限还有1天',
  OVERDUE: '已逾期',
};

/** Days from the deadline day on which each kind fires (negative = before the deadline). */
const FIRES_ON_DAY_OFFSET: Record<ReminderKind, number> = {
  DEADLINE_7D: -7,
  DEADLINE_1D: -1,
  OVERDUE: 1, // first day past the deadline
};

export interface DueReminder {
  kind: ReminderKind;
  /** `${taskId}:${kind}:${deadline YYYY-MM-DD}` */
  key: string;
  /** Deadline as a Shanghai calendar date, YYYY-MM-DD. */
  deadline: string;
}

export interface DueRemindersInput {
  taskId: string;
  deadline: Date;
  status: TaskStatus;
  today: Date;
}

export function reminderKey(taskId: string, kind: ReminderKind, deadlineIsoDate: string): string {
  return `${taskId}:${kind}:${deadlineIsoDate}`;
}

/** Reminders due on `today` (at most one kind per day); none for closed or cancelled tasks. */
export function dueReminders(input: DueRemindersInput): DueReminder[] {
  if (!isOpenStatus(input.status)) return [];
  const offset = shanghaiDayNumber(input.today) - shanghaiDayNumber(input.deadline);
  const deadline = shanghaiIsoDate(input.deadline);
  return REMINDER_KINDS.filter((kind) => FIRES_ON_DAY_OFFSET[kind] === offset).map((kind) => ({
    kind,
    key: reminderKey(input.taskId, kind, deadline),
    deadline,
  }));
}

export interface SupervisionEscalationInput {
  /** Date by which the unit must respond to a 督办 notice. */
  responseDue: Date;
  respondedAt: Date | null;
  today: Date;
}

/**
 * A supervision notice escalates (e.g. to the county leader) once its response day has
 * passed without a response. The due day itself is still within time.
 */
export function supervisionEscalationDue(input: SupervisionEscalationInput): boolean {
  if (input.respondedAt !== null) return false;
  return shanghaiDayNumber(input.today) > shanghaiDayNumber(input.responseDue);
}
