/**
 * 考核办法: how a year's assessment turns a unit's tasks into points. The office keeps one per year
 * (edited in the app, exported and imported as a JSON file); the scorer (score.ts) is pure and reads
 * only this object, so the same facts under the same scheme always give the same result.
 *
 * A unit's score = rate points + task points − deductions + bonuses (each deduction and bonus
 * capped), never below 0, one decimal:
 *  - rate points: `onTimeRate` × 按时完成率 + `onTrackShare` × 正常推进率 over the unit's lead tasks
 *    (the formula the ranking used before schemes existed; see lib/core/ranking/score-units.ts);
 *  - task points: `taskPoints` shared among the unit's tasks by weight (lead/co weight, × the number
 *    of targets when scoring per target, × the task's importance weight when `importance.enabled`),
 *    each earning its share × its achievement (0–1);
 *  - deductions and bonuses: so many points each, at most `cap` in all.
 */
import { z } from 'zod';
import { TASK_IMPORTANCES, TASK_IMPORTANCE_LABELS, type TaskImportance } from '@/lib/core/workflow/task-importance';

const points = z.number().min(0, '分值不能为负').max(1000, '分值不能超过1000');
const share = z.number().min(0, '比例应在0到1之间').max(1, '比例应在0到1之间');
const capped = z.object({ points, cap: points });

export const DEDUCTION_KINDS = ['overdue', 'urge', 'supervise', 'returnedReport', 'missedReport'] as const;
export type DeductionKind = (typeof DEDUCTION_KINDS)[number];
export const DEDUCTION_LABELS: Record<DeductionKind, string> = {
  overdue: '逾期未完成任务',
  urge: '被催办',
  supervise: '被督办',
  returnedReport: '进度报告被退回',
  missedReport: '未按期报送进度',
};

export const BONUS_KINDS = ['closedEarly', 'exceededTarget'] as const;
export type BonusKind = (typeof BONUS_KINDS)[number];
export const BONUS_LABELS: Record<BonusKind, string> = {
  closedEarly: '提前完成任务',
  exceededTarget: '超额完成指标',
};

/** 按任务重要程度加权 off, with the customary weights ready for when the office turns it on. */
export const NO_IMPORTANCE_WEIGHTING = { enabled: false, weights: { NORMAL: 1, IMPORTANT: 1.5, KEY: 2 } satisfies Record<TaskImportance, number> };

export const assessmentSchemeSchema = z.object({
  name: z.string().trim().min(1, '请填写考核办法名称').max(60, '名称不超过60字'),
  rates: z.object({ onTimeRate: points, onTrackShare: points }),
  tasks: z.object({
    taskPoints: points,
    /** 'task': each task weighs the same; 'target': a task weighs its number of measurable targets (at least 1). */
    per: z.enum(['task', 'target']),
    leadWeight: points,
    coWeight: points,
  }),
  /**
   * 按任务重要程度加权: a task's weight in the task points × the weight of its importance (一般/重要/重点,
   * as signed in the letter). Absent from schemes saved before it existed: off.
   */
  importance: z
    .object({ enabled: z.boolean(), weights: z.object({ NORMAL: points, IMPORTANT: points, KEY: points }) })
    .default(NO_IMPORTANCE_WEIGHTING),
  achievement: z.object({
    /** A target not met earns this share × how close it came (0 = all or nothing). */
    partialCredit: share,
    /** ≈ is met within this share of the value either way. */
    approxTolerance: share,
    /** Exceeded: beyond the value by at least this share (≥, >), or under a limit by it (≤, <). */
    exceedMargin: share,
  }),
  deductions: z.object({
    overdue: capped,
    urge: capped,
    supervise: capped,
    returnedReport: capped,
    missedReport: capped,
  }),
  bonuses: z.object({
    closedEarly: capped.extend({ days: z.number().int().min(1).max(365) }),
    exceededTarget: capped,
  }),
});

export type AssessmentScheme = z.infer<typeof assessmentSchemeSchema>;

const NO_DEDUCTION = { points: 0, cap: 0 };

/** The ranking formula luoshi used before schemes: 60 × 按时完成率 + 40 × 正常推进率 − 2 per overdue task (at most 20). */
export const CURRENT_RANKING_SCHEME: AssessmentScheme = {
  name: '现行排名公式',
  rates: { onTimeRate: 60, onTrackShare: 40 },
  tasks: { taskPoints: 0, per: 'task', leadWeight: 1, coWeight: 0 },
  importance: NO_IMPORTANCE_WEIGHTING,
  achievement: { partialCredit: 0, approxTolerance: 0.05, exceedMargin: 0.1 },
  deductions: { overdue: { points: 2, cap: 20 }, urge: NO_DEDUCTION, supervise: NO_DEDUCTION, returnedReport: NO_DEDUCTION, missedReport: NO_DEDUCTION },
  bonuses: { closedEarly: { points: 0, cap: 0, days: 30 }, exceededTarget: NO_DEDUCTION },
};

/** A scheme scored against the letter's targets, with the usual deductions and bonuses. */
export const LETTER_TARGETS_SCHEME: AssessmentScheme = {
  name: '承诺书目标计分',
  rates: { onTimeRate: 0, onTrackShare: 0 },
  tasks: { taskPoints: 100, per: 'target', leadWeight: 1, coWeight: 0.5 },
  importance: NO_IMPORTANCE_WEIGHTING,
  achievement: { partialCredit: 0.8, approxTolerance: 0.05, exceedMargin: 0.1 },
  deductions: {
    overdue: { points: 2, cap: 10 },
    urge: { points: 0.5, cap: 3 },
    supervise: { points: 1, cap: 5 },
    returnedReport: { points: 0.5, cap: 3 },
    missedReport: { points: 0.2, cap: 3 },
  },
  bonuses: { closedEarly: { points: 0.5, cap: 3, days: 30 }, exceededTarget: { points: 0.5, cap: 3 } },
};

/** The schemes luoshi ships; the first is the default for a year the office has not set. */
export const SHIPPED_SCHEMES: readonly AssessmentScheme[] = [CURRENT_RANKING_SCHEME, LETTER_TARGETS_SCHEME];
export const DEFAULT_SCHEME = CURRENT_RANKING_SCHEME;

/** The scheme as a downloadable file (pretty JSON with its year). */
export function schemeFileText(year: number, scheme: AssessmentScheme): string {
  return `${JSON.stringify({ type: 'luoshi.assessment-scheme', year, scheme }, null, 2)}\n`;
}

const schemeFileSchema = z.object({ type: z.literal('luoshi.assessment-scheme'), year: z.number().int(), scheme: assessmentSchemeSchema });

/** A scheme file's content, or a message saying what is wrong with it (in Chinese). */
export function parseSchemeFile(text: string): { ok: true; scheme: AssessmentScheme } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: '文件不是有效的 JSON' };
  }
  const parsed = schemeFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `考核办法文件格式不正确：${issue ? `${issue.path.join('.')} ${issue.message}` : ''}`.trim() };
  }
  return { ok: true, scheme: parsed.data.scheme };
}

/** The scheme in one Chinese sentence, under results and rankings. */
export function describeScheme(scheme: AssessmentScheme): string {
  const parts: string[] = [];
  if (scheme.rates.onTimeRate > 0) parts.push(`${scheme.rates.onTimeRate} × 按时完成率`);
  if (scheme.rates.onTrackShare > 0) parts.push(`${scheme.rates.onTrackShare} × 正常推进率`);
  if (scheme.tasks.taskPoints > 0) {
    const by = scheme.tasks.per === 'target' ? '按指标数' : '按任务';
    const importance = scheme.importance.enabled
      ? `；按重要程度加权：${TASK_IMPORTANCES.map((level) => `${TASK_IMPORTANCE_LABELS[level]}${scheme.importance.weights[level]}`).join('、')}`
      : '';
    parts.push(`任务分${scheme.tasks.taskPoints}分${by}分配（牵头权重${scheme.tasks.leadWeight}、配合权重${scheme.tasks.coWeight}${importance}）× 完成程度`);
  }
  const terms = [parts.join(' + ') || '0'];
  for (const kind of DEDUCTION_KINDS) {
    const rule = scheme.deductions[kind];
    if (rule.points > 0) terms.push(`− ${DEDUCTION_LABELS[kind]}每次${rule.points}分（最多${rule.cap}分）`);
  }
  for (const kind of BONUS_KINDS) {
    const rule = scheme.bonuses[kind];
    if (rule.points > 0) terms.push(`+ ${BONUS_LABELS[kind]}每项${rule.points}分（最多${rule.cap}分）`);
  }
  return `得分 = ${terms.join(' ')}`;
}
