/**
 * One unit's assessment under a 考核办法 (scheme.ts), from the facts of the tasks in its signed
 * letter as they stood on the assessment date. Every point is a line (which rule, which task, what
 * evidence), so the result table can explain itself. Pure: the data layer gathers the facts.
 */
import { onTimeRate, onTrackShare } from '@/lib/core/ranking/score-units';
import { dayNumberFromIsoDate } from '@/lib/core/schedule/calendar-day';
import { BONUS_LABELS, DEDUCTION_LABELS, type AssessmentScheme, type BonusKind, type DeductionKind } from '@/lib/core/assessment/scheme';
import { isScorableTarget, targetAchievement, type AssessedTarget } from '@/lib/core/assessment/target-achievement';
import { TASK_IMPORTANCE_LABELS, type TaskImportance } from '@/lib/core/workflow/task-importance';

export type TaskRole = 'lead' | 'co';

/** A task of the signed letter, with what had happened by the assessment date. */
export interface AssessedTask {
  taskId: string;
  title: string;
  role: TaskRole;
  /** 重要程度 as signed in the letter (一般 when the letter does not say). */
  importance: TaskImportance;
  /** The letter's deadline, YYYY-MM-DD. */
  deadline: string;
  /** Closed on (YYYY-MM-DD) by the assessment date, else null. */
  closedOn: string | null;
  /** 三色 light on the assessment date ('done' when closed). */
  light: 'red' | 'yellow' | 'green' | 'done';
  /** Progress (0–100) on the assessment date. */
  progress: number;
  /** The letter's targets with the actuals at the assessment date. */
  targets: AssessedTarget[];
  /** Against this unit on this task by the assessment date. */
  urges: number;
  supervisions: number;
  returnedReports: number;
  missedReports: number;
}

export type ScoreRule = 'onTimeRate' | 'onTrackShare' | 'task' | DeductionKind | BonusKind;

export const SCORE_RULE_LABELS: Record<ScoreRule, string> = {
  onTimeRate: '按时完成率',
  onTrackShare: '正常推进率',
  task: '任务完成',
  ...DEDUCTION_LABELS,
  ...BONUS_LABELS,
};

export interface ScoreLine {
  rule: ScoreRule;
  taskId: string | null;
  /** Signed points, two decimals. */
  points: number;
  evidence: string;
}

export interface UnitScore {
  /** One decimal, never below 0: the exact sum of the unrounded lines. */
  score: number;
  lines: ScoreLine[];
  overdue: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
const percent = (share: number) => `${round(share * 100, 1)}%`;

function isOverdueOn(task: AssessedTask, asOfDay: number): boolean {
  return task.closedOn === null && asOfDay > dayNumberFromIsoDate(task.deadline);
}

function targetNote(target: AssessedTarget, rules: AssessmentScheme['achievement']): string {
  const result = targetAchievement(target, rules);
  const goal = `${target.text}`;
  if (!result) return `${goal}（定性指标，不计分）`;
  if (target.actual === null) return `${goal}：未报送实际值，得0`;
  const actual = `实际${target.actual}${target.unit ?? ''}`;
  return result.met ? `${goal}：${actual}，已完成` : `${goal}：${actual}，完成${percent(result.ratio)}，按${percent(rules.partialCredit)}折算`;
}

/** Achievement (0–1) of one task and its evidence: its scorable targets' mean, else closed (1) or progress × partial credit. */
export function taskAchievement(task: AssessedTask, rules: AssessmentScheme['achievement']): { achievement: number; evidence: string } {
  const scorable = task.targets.filter(isScorableTarget);
  if (scorable.length > 0) {
    const sum = scorable.reduce((acc, target) => acc + targetAchievement(target, rules)!.achievement, 0);
    return { achievement: sum / scorable.length, evidence: task.targets.map((target) => targetNote(target, rules)).join('；') };
  }
  if (task.closedOn !== null) return { achievement: 1, evidence: `${task.closedOn}销号` };
  return {
    achievement: (rules.partialCredit * task.progress) / 100,
    evidence: `未销号，进度${task.progress}%，按${percent(rules.partialCredit)}折算`,
  };
}

function countLine(rule: DeductionKind | BonusKind, sign: 1 | -1, rate: { points: number; cap: number }, items: { title: string; count: number }[]) {
  const count = items.reduce((acc, item) => acc + item.count, 0);
  if (rate.points === 0 || count === 0) return null;
  const raw = rate.points * count;
  const points = Math.min(rate.cap, raw);
  const list = items.map((item) => (item.count > 1 ? `${item.title}×${item.count}` : item.title)).join('、');
  const capNote = raw > rate.cap ? `，封顶${rate.cap}分` : '';
  return { rule, taskId: null, points: sign * points, evidence: `${count}次 × ${rate.points}分${capNote}：${list}` };
}

/**
 * Scores one unit's letter tasks on the Shanghai day `asOfDay`. Rates count lead tasks only (as the
 * ranking always did); task points weigh lead and co tasks by the scheme's weights; deductions for
 * 催办, 督办, returned and missed reports count whatever this unit drew on any of its tasks, the
 * overdue deduction and both bonuses its lead tasks.
 */
export function scoreUnitTasks(tasks: readonly AssessedTask[], scheme: AssessmentScheme, asOfDay: number): UnitScore {
  const lines: (ScoreLine & { raw: number })[] = [];
  const push = (line: ScoreLine) => lines.push({ ...line, raw: line.points, points: round(line.points, 2) });
  const lead = tasks.filter((task) => task.role === 'lead');
  const overdue = lead.filter((task) => isOverdueOn(task, asOfDay));

  if (scheme.rates.onTimeRate > 0 || scheme.rates.onTrackShare > 0) {
    const closed = lead.filter((task) => task.closedOn !== null);
    const closedOnTime = closed.filter((task) => dayNumberFromIsoDate(task.closedOn!) <= dayNumberFromIsoDate(task.deadline)).length;
    const rate = onTimeRate({ closed: closed.length, closedOnTime, overdue: overdue.length });
    const green = lead.filter((task) => task.light === 'green').length;
    const share = onTrackShare({ total: lead.length, green, done: closed.length });
    if (scheme.rates.onTimeRate > 0) {
      const rateText = rate === null ? '暂无到期任务，按100%计' : `按期销号${closedOnTime} ÷（已销号${closed.length} + 逾期${overdue.length}）= ${percent(rate)}`;
      push({ rule: 'onTimeRate', taskId: null, points: scheme.rates.onTimeRate * (rate ?? 1), evidence: `${scheme.rates.onTimeRate} × ${rateText}` });
    }
    if (scheme.rates.onTrackShare > 0) {
      push({
        rule: 'onTrackShare',
        taskId: null,
        points: scheme.rates.onTrackShare * share,
        evidence: `${scheme.rates.onTrackShare} ×（绿灯${green} + 已销号${closed.length}）÷ 牵头任务${lead.length} = ${percent(share)}`,
      });
    }
  }

  if (scheme.tasks.taskPoints > 0) {
    const importanceWeight = (task: AssessedTask) => (scheme.importance.enabled ? scheme.importance.weights[task.importance] : 1);
    const weightOf = (task: AssessedTask) =>
      (task.role === 'lead' ? scheme.tasks.leadWeight : scheme.tasks.coWeight) *
      (scheme.tasks.per === 'target' ? Math.max(1, task.targets.filter(isScorableTarget).length) : 1) *
      importanceWeight(task);
    const totalWeight = tasks.reduce((acc, task) => acc + weightOf(task), 0);
    for (const task of tasks) {
      const weight = weightOf(task);
      if (totalWeight === 0 || weight === 0) continue;
      const share = (scheme.tasks.taskPoints * weight) / totalWeight;
      const { achievement, evidence } = taskAchievement(task, scheme.achievement);
      const role = `${task.role === 'lead' ? '牵头' : '配合'}${scheme.importance.enabled ? `，${TASK_IMPORTANCE_LABELS[task.importance]}任务（权重${importanceWeight(task)}）` : ''}`;
      push({ rule: 'task', taskId: task.taskId, points: share * achievement, evidence: `${role}，满分${round(share, 2)}分 × 完成${percent(achievement)}：${evidence}` });
    }
  }

  const perTask = (count: (task: AssessedTask) => number, from: readonly AssessedTask[] = tasks) =>
    from.map((task) => ({ title: task.title, count: count(task) })).filter((item) => item.count > 0);
  const deductions: Record<DeductionKind, { title: string; count: number }[]> = {
    overdue: perTask(() => 1, overdue),
    urge: perTask((task) => task.urges),
    supervise: perTask((task) => task.supervisions),
    returnedReport: perTask((task) => task.returnedReports),
    missedReport: perTask((task) => task.missedReports),
  };
  for (const kind of Object.keys(deductions) as DeductionKind[]) {
    const line = countLine(kind, -1, scheme.deductions[kind], deductions[kind]);
    if (line) push(line);
  }

  const early = scheme.bonuses.closedEarly;
  const bonuses: Record<BonusKind, { title: string; count: number }[]> = {
    closedEarly: perTask(
      (task) => Number(task.closedOn !== null && dayNumberFromIsoDate(task.closedOn) <= dayNumberFromIsoDate(task.deadline) - early.days),
      lead,
    ),
    exceededTarget: perTask((task) => task.targets.filter((target) => targetAchievement(target, scheme.achievement)?.exceeded).length, lead),
  };
  for (const kind of Object.keys(bonuses) as BonusKind[]) {
    const line = countLine(kind, 1, scheme.bonuses[kind], bonuses[kind]);
    if (line) push(line);
  }

  const raw = lines.reduce((acc, line) => acc + line.raw, 0);
  return { score: Math.max(0, round(raw, 1)), lines: lines.map(({ raw: _raw, ...line }) => line), overdue: overdue.length };
}

export interface RankedEntry {
  unitId: string;
  sortOrder: number;
  score: number;
  overdue: number;
  taskCount: number;
}

/** Best first with competition ranks (1, 2, 2, 4): ties listed with fewer overdue, more tasks, then directory order. */
export function rankEntries<T extends RankedEntry>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => b.score - a.score || a.overdue - b.overdue || b.taskCount - a.taskCount || a.sortOrder - b.sortOrder);
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((entry, index) => {
    const previous = ranked[index - 1];
    ranked.push({ ...entry, rank: previous && previous.score === entry.score ? previous.rank : index + 1 });
  });
  return ranked;
}
