/**
 * Groups of notification kinds a user chooses outside channels for (/account/notifications).
 * A kind such as `supervision.supervise` belongs to the group before its first dot.
 */
export const NOTIFY_KIND_GROUPS = {
  task: '任务交办与变更',
  deadline: '到期提醒与逾期',
  report: '进度报告',
  supervision: '催办、督办与批示',
  extension: '延期申请',
  commitment: '承诺书',
  bulletin: '督查通报',
  other: '其他',
} as const;
export type NotifyKindGroup = keyof typeof NOTIFY_KIND_GROUPS;

export function notifyKindGroup(kind: string): NotifyKindGroup {
  const prefix = kind.split('.')[0]!;
  return prefix in NOTIFY_KIND_GROUPS ? (prefix as NotifyKindGroup) : 'other';
}

/** Kinds the office may mark urgent: these override quiet hours when it allows so. */
export const URGENT_KIND_CHOICES = {
  'supervision.supervise': '督办',
  'supervision.escalated': '督办逾期未复',
  'supervision.instruct': '领导批示',
  'deadline.overdue': '任务逾期',
} as const;
