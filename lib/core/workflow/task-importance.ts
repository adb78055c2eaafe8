/**
 * 任务重要程度: the office marks a task 一般, 重要 or 重点; a 考核办法 may weigh the task's points by
 * it (scheme.ts `importance`). Values match the Prisma `TaskImportance` enum.
 */
export const TASK_IMPORTANCES = ['NORMAL', 'IMPORTANT', 'KEY'] as const;
export type TaskImportance = (typeof TASK_IMPORTANCES)[number];

export const TASK_IMPORTANCE_LABELS: Record<TaskImportance, string> = { NORMAL: '一般', IMPORTANT: '重要', KEY: '重点' };

export const DEFAULT_TASK_IMPORTANCE: TaskImportance = 'NORMAL';
