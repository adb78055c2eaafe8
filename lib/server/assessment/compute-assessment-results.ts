import 'server-only';
import type { Db, Tx } from '@/lib/server/db';
import { commitmentContentSchema, type CommitmentTask } from '@/lib/core/commitment/canonical';
import { dayNumberFromIsoDate, shanghaiDayNumber, shanghaiIsoDate, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';
import { actualProgress, expectedProgress, trafficLight } from '@/lib/core/schedule/progress';
import { missedReportPeriod } from '@/lib/core/schedule/cadence';
import { storedTargetFigure } from '@/lib/core/targets/stored-target';
import { dateFromIso, isoFromDate } from '@/lib/core/schemas/common';
import type { DbComparator } from '@/lib/core/targets/comparator';
import { missedReportPeriods } from '@/lib/core/assessment/missed-reports';
import { scoreUnitTasks, type AssessedTask, type TaskRole } from '@/lib/core/assessment/score';
import type { AssessmentScheme } from '@/lib/core/assessment/scheme';
import type { TaskApart, UnitResult } from '@/lib/core/assessment/result';
import type { TaskImportance } from '@/lib/core/workflow/task-importance';

type Client = Db | Tx;

/** A task as it stands now, in the letter's shape (a placeholder or figure-less target is qualitative there too). */
export function asLetterTask(task: {
  id: string;
  title: string;
  deadline: Date;
  importance: TaskImportance;
  targets: { metric: string; comparator: DbComparator; value: { toNumber(): number } | null; valueMax: { toNumber(): number } | null; unit: string; placeholder: boolean }[];
}): CommitmentTask {
  return {
    taskId: task.id,
    seq: 0,
    title: task.title,
    deadline: isoFromDate(task.deadline),
    leadLeader: '',
    ...(task.importance !== 'NORMAL' ? { importance: task.importance } : {}),
    targets: task.targets.map((target) => {
      const figure = storedTargetFigure(target);
      const quantified = !figure.placeholder && figure.value !== null;
      return {
        text: target.metric,
        comparator: quantified ? figure.comparator : null,
        value: quantified ? figure.value : null,
        valueMax: quantified ? figure.valueMax : null,
        unit: figure.unit === '' ? null : figure.unit,
      };
    }),
  };
}

/** The letter in force on the day: the highest version locked (signed by both) by its end; amendments are later versions. */
async function lettersInForce(client: Client, year: number, endOfDay: Date) {
  const versions = await client.commitmentVersion.findMany({
    where: { commitment: { year }, lockedAt: { not: null, lt: endOfDay } },
    select: { id: true, version: true, contentHash: true, content: true, commitment: { select: { unitId: true } } },
    orderBy: { version: 'desc' },
  });
  const byUnit = new Map<string, (typeof versions)[number]>();
  for (const version of versions) if (!byUnit.has(version.commitment.unitId)) byUnit.set(version.commitment.unitId, version);
  return byUnit;
}

/**
 * Every unit's result for `year` on the assessment date `asOf` (YYYY-MM-DD) under `scheme`: the tasks
 * of the unit's signed letter in force that day, with what had happened by its end (closure, reported
 * actuals, 催办/督办, returned and missed reports). Tasks the unit has now that the letter lacks, and
 * letter tasks it no longer has (cancelled or moved), are listed apart and not scored. A unit with
 * tasks but no signed letter is listed unscored. Callers authorize.
 */
export async function computeAssessmentResults(
  client: Client,
  { year, asOf, scheme, basis = 'letters' }: { year: number; asOf: string; scheme: AssessmentScheme; basis?: 'letters' | 'current' },
): Promise<UnitResult[]> {
  const asOfDay = dayNumberFromIsoDate(asOf);
  const asOfDate = dateFromIso(asOf);
  const endOfDay = shanghaiMidnight(asOfDay + 1);
  const letters = basis === 'letters' ? await lettersInForce(client, year, endOfDay) : new Map<string, never>();

  const tasks = await client.task.findMany({
    where: { year, createdAt: { lt: endOfDay } },
    select: {
      id: true,
      title: true,
      importance: true,
      status: true,
      startDate: true,
      cadence: true,
      closedAt: true,
      leadUnitId: true,
      coUnits: { select: { unitId: true } },
      deadline: true,
      targets: { select: { id: true, position: true, metric: true, comparator: true, value: true, valueMax: true, unit: true, placeholder: true }, orderBy: { position: 'asc' } },
      reports: {
        where: { createdAt: { lt: endOfDay } },
        select: { unitId: true, periodKey: true, percent: true, targetActuals: true, reviewState: true, reviewedAt: true, createdAt: true },
        orderBy: { createdAt: 'asc' },
      },
      supervisions: { where: { createdAt: { lt: endOfDay }, kind: { in: ['URGE', 'SUPERVISE'] } }, select: { kind: true, recipientUnitId: true } },
    },
  });
  const taskById = new Map(tasks.map((task) => [task.id, task]));
  const roleOf = (task: (typeof tasks)[number], unitId: string): TaskRole | null =>
    task.status === 'CANCELLED' ? null : task.leadUnitId === unitId ? 'lead' : task.coUnits.some((co) => co.unitId === unitId) ? 'co' : null;

  // Each unit's tasks (lead or co, not cancelled) in one pass, rather than every task per unit.
  const tasksOfUnit = new Map<string, { task: (typeof tasks)[number]; role: TaskRole }[]>();
  const addTask = (unitId: string, entry: { task: (typeof tasks)[number]; role: TaskRole }) => {
    const list = tasksOfUnit.get(unitId);
    if (list) list.push(entry);
    else tasksOfUnit.set(unitId, [entry]);
  };
  for (const task of tasks) {
    if (task.status === 'CANCELLED') continue;
    addTask(task.leadUnitId, { task, role: 'lead' });
    for (const co of task.coUnits) if (co.unitId !== task.leadUnitId) addTask(co.unitId, { task, role: 'co' });
  }
  const unitIds = new Set([...letters.keys(), ...tasksOfUnit.keys()]);
  const units = await client.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { id: true, shortName: true, sortOrder: true }, orderBy: { sortOrder: 'asc' } });

  const assess = (letterTask: CommitmentTask, role: TaskRole, unitId: string): AssessedTask => {
    const task = taskById.get(letterTask.taskId)!;
    const closedOn = task.closedAt && task.closedAt < endOfDay ? shanghaiIsoDate(task.closedAt) : null;
    // The latest reported actual of each target by the day, matched to the letter's targets in order.
    const actuals = new Map<string, number>();
    let reportedPercent: number | null = null;
    for (const report of task.reports) {
      if (report.reviewState === 'RETURNED' && report.reviewedAt && report.reviewedAt < endOfDay) continue;
      if (report.unitId === task.leadUnitId) reportedPercent = report.percent;
      for (const entry of report.targetActuals as { targetId: string; actual: number | null }[]) {
        if (typeof entry.actual === 'number') actuals.set(entry.targetId, entry.actual);
      }
    }
    const targets = letterTask.targets.map((target, index) => {
      const stored = task.targets[index];
      return { ...target, actual: stored ? (actuals.get(stored.id) ?? null) : null };
    });
    const deadline = dateFromIso(letterTask.deadline);
    const progress = actualProgress({
      targets: task.targets.map((t) => ({ ...storedTargetFigure(t), actual: actuals.get(t.id) ?? null })),
      reportedPercent,
    });
    const leadReports = task.reports.filter((report) => report.unitId === task.leadUnitId);
    const lastReportAt = leadReports.at(-1)?.createdAt ?? null;
    const statusThen = closedOn ? 'CLOSED' : task.status === 'CLOSED' ? 'IN_PROGRESS' : task.status;
    const light = trafficLight({
      status: statusThen,
      deadline,
      today: asOfDate,
      expected: expectedProgress(task.startDate, deadline, asOfDate),
      actual: progress,
      reportMissed: missedReportPeriod({ status: statusThen, cadence: task.cadence, startDate: task.startDate, lastReportAt, today: asOfDate }) !== null,
    });
    const reportedKeys = new Set(leadReports.map((report) => report.periodKey));
    return {
      taskId: task.id,
      title: letterTask.title,
      role,
      // As signed: a task marked 重点 after signing is weighed as the letter says.
      importance: letterTask.importance ?? 'NORMAL',
      deadline: letterTask.deadline,
      closedOn,
      light: light === 'cancelled' ? 'red' : light,
      progress,
      targets,
      urges: task.supervisions.filter((s) => s.kind === 'URGE' && s.recipientUnitId === unitId).length,
      supervisions: task.supervisions.filter((s) => s.kind === 'SUPERVISE' && s.recipientUnitId === unitId).length,
      returnedReports: task.reports.filter((r) => r.unitId === unitId && r.reviewState === 'RETURNED' && r.reviewedAt && r.reviewedAt < endOfDay).length,
      missedReports:
        role === 'lead'
          ? missedReportPeriods({
              cadence: task.cadence,
              startDay: shanghaiDayNumber(task.startDate),
              untilDay: closedOn ? Math.min(asOfDay, dayNumberFromIsoDate(closedOn)) : asOfDay,
              reportedKeys,
            }).length
          : 0,
    };
  };

  return units.map((unit): UnitResult => {
    const letter = letters.get(unit.id);
    const base = { unitId: unit.id, unitName: unit.shortName, sortOrder: unit.sortOrder };
    if (basis === 'current') {
      // The live ranking: the unit's tasks as they are now, as if each were in its letter.
      const counted = (tasksOfUnit.get(unit.id) ?? []).map(({ task, role }) => assess(asLetterTask(task), role, unit.id));
      const { score, lines, overdue } = scoreUnitTasks(counted, scheme, asOfDay);
      return { ...base, letter: null, score, lines, overdue, taskCount: counted.length, apart: [] };
    }
    if (!letter) {
      const count = tasksOfUnit.get(unit.id)?.length ?? 0;
      return { ...base, letter: null, score: null, lines: [], overdue: 0, taskCount: count, apart: [] };
    }
    const content = commitmentContentSchema.parse(letter.content);
    const apart: TaskApart[] = [];
    const counted: AssessedTask[] = [];
    const inLetter = new Set<string>();
    for (const [role, list] of [['lead', content.leadTasks], ['co', content.coTasks]] as const) {
      for (const letterTask of list) {
        inLetter.add(letterTask.taskId);
        const task = taskById.get(letterTask.taskId);
        if (!task || roleOf(task, unit.id) === null) apart.push({ taskId: letterTask.taskId, title: letterTask.title, reason: 'removed' });
        else counted.push(assess(letterTask, role, unit.id));
      }
    }
    for (const { task } of tasksOfUnit.get(unit.id) ?? []) {
      if (!inLetter.has(task.id)) apart.push({ taskId: task.id, title: task.title, reason: 'added' });
    }
    const { score, lines, overdue } = scoreUnitTasks(counted, scheme, asOfDay);
    return {
      ...base,
      letter: { versionId: letter.id, version: letter.version, contentHash: letter.contentHash },
      score,
      lines,
      overdue,
      taskCount: counted.length,
      apart,
    };
  });
}
