import 'server-only';
import type { z } from 'zod';
import type { TaskDetail } from '@/lib/server/tasks/get-task';
import type { TimelineReport } from '@/lib/server/tasks/list-task-timeline';
import type { SupervisionItem } from '@/lib/server/supervision/list-task-supervision';
import type {
  progressReportViewSchema,
  supervisionItemSchema,
  targetSchema,
  taskDetailSchema,
  unitSchema,
  userSchema,
} from '@/lib/core/api/api-schemas';
import { isoFromDate } from '@/lib/core/schemas/common';
import { numberFromDecimal, storedTargetFigure } from '@/lib/core/targets/stored-target';
import { targetText } from '@/lib/core/targets/target-text';

// The data layer's records as the API documents them (lib/core/api/api-schemas.ts).

export function targetView(target: TaskDetail['targets'][number]): z.infer<typeof targetSchema> {
  const figure = storedTargetFigure(target);
  return {
    id: target.id,
    position: target.position,
    metric: target.metric,
    text: targetText(target.metric, figure),
    comparator: figure.comparator,
    value: figure.value,
    valueMax: figure.valueMax,
    unit: figure.unit,
    placeholder: figure.placeholder,
    actualValue: numberFromDecimal(target.actualValue),
  };
}

export function taskDetailView(task: TaskDetail): z.infer<typeof taskDetailSchema> {
  return {
    id: task.id,
    code: task.code,
    year: task.year,
    title: task.title,
    description: task.description,
    sourceText: task.sourceText,
    status: task.status,
    cadence: task.cadence,
    startDate: isoFromDate(task.startDate),
    deadline: isoFromDate(task.deadline),
    progressPercent: task.progressPercent,
    reportedPercent: task.reportedPercent,
    lastReportAt: task.lastReportAt?.toISOString() ?? null,
    version: task.version,
    plan: task.plan,
    leadUnit: task.leadUnit,
    coUnits: task.coUnits.map((c) => c.unit),
    leaders: task.leaders.map((l) => l.leader),
    targets: task.targets.map(targetView),
  };
}

export function reportView(report: TimelineReport): z.infer<typeof progressReportViewSchema> {
  return {
    id: report.id,
    createdAt: report.at.toISOString(),
    unit: report.unit,
    author: report.author,
    periodKey: report.periodKey,
    closureRequest: report.closureRequest,
    narrative: report.narrative,
    percent: report.percent,
    targetActuals: report.targetActuals,
    attachments: report.attachments.map(({ name, size, type }) => ({ name, size, type })),
    reviewState: report.reviewState,
    reviewReason: report.reviewReason,
    reviewedAt: report.reviewedAt?.toISOString() ?? null,
  };
}

export function supervisionView(item: SupervisionItem): z.infer<typeof supervisionItemSchema> {
  return {
    ...item,
    createdAt: item.createdAt.toISOString(),
    respondedAt: item.respondedAt?.toISOString() ?? null,
    escalatedAt: item.escalatedAt?.toISOString() ?? null,
  };
}

export function unitView(unit: z.infer<typeof unitSchema>): z.infer<typeof unitSchema> {
  const { id, code, name, shortName, kind, sortOrder, active } = unit;
  return { id, code, name, shortName, kind, sortOrder, active };
}

export function userView(user: z.infer<typeof userSchema>): z.infer<typeof userSchema> {
  const { id, username, name, title, role, unit, active } = user;
  return { id, username, name, title, role, unit, active };
}
