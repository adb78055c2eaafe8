import 'server-only';
import type { Db, Tx } from '@/lib/server/db';
import { dayNumberFromIsoDate, shanghaiDayNumber, shanghaiIsoDate, shanghaiMidnight } from '@/lib/core/schedule/calendar-day';
import { expectedProgress, trafficLight } from '@/lib/core/schedule/progress';
import { missedReportPeriod } from '@/lib/core/schedule/cadence';
import { dateFromIso, isoFromDate } from '@/lib/core/schemas/common';
import { numberFromDecimal } from '@/lib/core/targets/stored-target';
import { missedReportPeriods } from '@/lib/core/assessment/missed-reports';
import { scoreUnitTasks, type AssessedTask, type TaskRole } from '@/lib/core/assessment/score';
import type { AssessmentScheme } from '@/lib/core/assessment/scheme';
import { asLetterTask } from '@/lib/server/assessment/compute-assessment-results';

type Client = Db | Tx;

/**
 * Each unit's score under `scheme` from its tasks as they stand now, for the live ranking (the page
 * and the home widget): the rules of the year-end assessment (score.ts) on the current tasks, read
 * from the columns every report keeps up to date (closure, progress, last report, each target's
 * actual) and from grouped counts (催办/督办, returned reports, the lead unit's reported periods),
 * each only when the scheme uses it, and only for the tasks of `unitIds`. The assessment itself
 * (and a past day's ranking, for the 通报) reads each task's history instead
 * (compute-assessment-results.ts). Callers authorize.
 */
export async function liveSchemeScores(
  client: Client,
  { year, asOf, scheme, unitIds }: { year: number; asOf: string; scheme: AssessmentScheme; unitIds: readonly string[] },
): Promise<Map<string, number>> {
  const asOfDay = dayNumberFromIsoDate(asOf);
  const asOfDate = dateFromIso(asOf);
  const endOfDay = shanghaiMidnight(asOfDay + 1);
  const { deductions, bonuses } = scheme;
  const needs = {
    targets: scheme.tasks.taskPoints > 0 || bonuses.exceededTarget.points > 0,
    supervisions: deductions.urge.points > 0 || deductions.supervise.points > 0,
    returned: deductions.returnedReport.points > 0,
    periods: deductions.missedReport.points > 0,
    // The 三色 light counts only toward 正常推进率; working it out for every task is slow date arithmetic.
    light: scheme.rates.onTrackShare > 0,
  };
  const ofUnits = [...unitIds];
  const taskWhere = { year, status: { not: 'CANCELLED' as const }, createdAt: { lt: endOfDay } };

  const [tasks, supervisions, returned, periods] = await Promise.all([
    client.task.findMany({
      where: { ...taskWhere, OR: [{ leadUnitId: { in: ofUnits } }, { coUnits: { some: { unitId: { in: ofUnits } } } }] },
      select: {
        id: true,
        title: true,
        importance: true,
        status: true,
        startDate: true,
        deadline: true,
        cadence: true,
        closedAt: true,
        progressPercent: true,
        lastReportAt: true,
        leadUnitId: true,
        coUnits: { select: { unitId: true } },
        targets: needs.targets
          ? { select: { id: true, metric: true, comparator: true, value: true, valueMax: true, unit: true, placeholder: true, actualValue: true }, orderBy: { position: 'asc' } }
          : false,
      },
    }),
    needs.supervisions
      ? client.supervisionAction.groupBy({
          by: ['taskId', 'recipientUnitId', 'kind'],
          where: { task: taskWhere, kind: { in: ['URGE', 'SUPERVISE'] }, recipientUnitId: { in: ofUnits }, createdAt: { lt: endOfDay } },
          _count: { _all: true },
        })
      : [],
    needs.returned
      ? client.progressReport.groupBy({
          by: ['taskId', 'unitId'],
          where: { task: taskWhere, unitId: { in: ofUnits }, reviewState: 'RETURNED', reviewedAt: { lt: endOfDay } },
          _count: { _all: true },
        })
      : [],
    needs.periods
      ? client.progressReport.groupBy({ by: ['taskId', 'unitId', 'periodKey'], where: { task: taskWhere, unitId: { in: ofUnits }, createdAt: { lt: endOfDay } } })
      : [],
  ]);

  const key = (taskId: string, unitId: string) => `${taskId}|${unitId}`;
  const urges = new Map<string, number>();
  const supervises = new Map<string, number>();
  for (const row of supervisions) (row.kind === 'URGE' ? urges : supervises).set(key(row.taskId, row.recipientUnitId!), row._count._all);
  const returnedCount = new Map(returned.map((row) => [key(row.taskId, row.unitId), row._count._all]));
  const reportedKeys = new Map<string, Set<string>>();
  for (const row of periods) {
    const at = key(row.taskId, row.unitId);
    reportedKeys.set(at, (reportedKeys.get(at) ?? new Set()).add(row.periodKey));
  }

  const byUnit = new Map<string, AssessedTask[]>(ofUnits.map((unitId) => [unitId, []]));
  for (const task of tasks) {
    const closedOn = task.closedAt && task.closedAt < endOfDay ? shanghaiIsoDate(task.closedAt) : null;
    const statusThen = closedOn ? 'CLOSED' : task.status === 'CLOSED' ? 'IN_PROGRESS' : task.status;
    const light = !needs.light
      ? 'green' // not read by this scheme
      : trafficLight({
          status: statusThen,
          deadline: task.deadline,
          today: asOfDate,
          expected: expectedProgress(task.startDate, task.deadline, asOfDate),
          actual: task.progressPercent,
          reportMissed: missedReportPeriod({ status: statusThen, cadence: task.cadence, startDate: task.startDate, lastReportAt: task.lastReportAt, today: asOfDate }) !== null,
        });
    const stored = task.targets ?? [];
    const letterTask = asLetterTask({ ...task, targets: stored });
    const targets = letterTask.targets.map((target, index) => ({ ...target, actual: numberFromDecimal(stored[index]!.actualValue) }));
    const assessed = (unitId: string, role: TaskRole): AssessedTask => ({
      taskId: task.id,
      title: task.title,
      role,
      importance: task.importance,
      deadline: isoFromDate(task.deadline),
      closedOn,
      light: light === 'cancelled' ? 'red' : light,
      progress: task.progressPercent,
      targets,
      urges: urges.get(key(task.id, unitId)) ?? 0,
      supervisions: supervises.get(key(task.id, unitId)) ?? 0,
      returnedReports: returnedCount.get(key(task.id, unitId)) ?? 0,
      missedReports:
        role === 'lead' && needs.periods
          ? missedReportPeriods({
              cadence: task.cadence,
              startDay: shanghaiDayNumber(task.startDate),
              untilDay: closedOn ? Math.min(asOfDay, dayNumberFromIsoDate(closedOn)) : asOfDay,
              reportedKeys: reportedKeys.get(key(task.id, unitId)) ?? new Set(),
            }).length
          : 0,
    });
    byUnit.get(task.leadUnitId)?.push(assessed(task.leadUnitId, 'lead'));
    for (const co of task.coUnits) byUnit.get(co.unitId)?.push(assessed(co.unitId, 'co'));
  }
  return new Map([...byUnit].map(([unitId, counted]) => [unitId, scoreUnitTasks(counted, scheme, asOfDay).score]));
}
