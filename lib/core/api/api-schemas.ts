import { z } from 'zod';
import { TASK_STATUSES } from '@/lib/core/workflow/task-status';
import { REPORT_CADENCES } from '@/lib/core/schedule/cadence';
import { TARGET_COMPARATORS } from '@/lib/core/targets/comparator';
import { API_ERROR_CODES } from '@/lib/core/api/api-errors';

/*
 * What /api/v1 answers, as zod schemas: the OpenAPI document is generated from them
 * (lib/core/api/openapi.ts) and the integration tests parse every answer with them, so the
 * document cannot drift from the responses.
 */

const isoDate = z.string().meta({ description: '日期 YYYY-MM-DD（北京时间）', example: '2026-12-31' });
const isoDateTime = z.string().meta({ description: 'ISO-8601 时间（UTC）' });
const named = z.object({ id: z.string(), name: z.string() });
const unitRef = z.object({ id: z.string(), name: z.string(), shortName: z.string() }).meta({ id: 'UnitRef' });

export const apiErrorSchema = z
  .object({
    error: z.object({
      code: z.enum(API_ERROR_CODES as [string, ...string[]]).meta({ description: '稳定的错误代码，供程序判断' }),
      message: z.string().meta({ description: '中文说明' }),
      fieldErrors: z.record(z.string(), z.array(z.string())).optional().meta({ description: '按字段的中文校验错误' }),
    }),
  })
  .meta({ id: 'Error' });

export const taskStatusSchema = z.enum(TASK_STATUSES).meta({ id: 'TaskStatus', description: 'ASSIGNED 交办, ACKNOWLEDGED 已签收, IN_PROGRESS 办理中, CLOSURE_REQUESTED 申请销号, CLOSED 已销号, CANCELLED 已撤销' });
export const lightSchema = z.enum(['red', 'yellow', 'green', 'done', 'cancelled']).meta({ id: 'Light', description: '三色：red 红, yellow 黄, green 绿, done 已完成, cancelled 已撤销' });

export const taskSummarySchema = z
  .object({
    id: z.string(),
    code: z.string(),
    title: z.string(),
    leadUnit: z.string().meta({ description: '牵头单位简称' }),
    coUnits: z.array(z.string()),
    leaders: z.array(z.string()),
    targets: z.array(z.string()).meta({ description: '指标文本' }),
    startDate: isoDate,
    deadline: isoDate,
    status: taskStatusSchema,
    progressPercent: z.number(),
    expectedPercent: z.number().meta({ description: '序时进度' }),
    light: lightSchema,
  })
  .meta({ id: 'TaskSummary' });

export const taskPageSchema = z
  .object({ items: z.array(taskSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })
  .meta({ id: 'TaskPage' });

export const targetSchema = z
  .object({
    id: z.string(),
    position: z.number().int(),
    metric: z.string(),
    text: z.string().meta({ description: '指标全文，如 全年建设项目200个以上（不低于200个）' }),
    comparator: z.enum(TARGET_COMPARATORS),
    value: z.number().nullable(),
    valueMax: z.number().nullable(),
    unit: z.string(),
    placeholder: z.boolean().meta({ description: '目标值待定（原文为 XXX）' }),
    actualValue: z.number().nullable().meta({ description: '牵头单位最近报送的实际值' }),
  })
  .meta({ id: 'Target' });

export const targetListSchema = z.object({ items: z.array(targetSchema) }).meta({ id: 'TargetList' });

export const taskDetailSchema = z
  .object({
    id: z.string(),
    code: z.string(),
    year: z.number().int(),
    title: z.string(),
    description: z.string().nullable(),
    sourceText: z.string().nullable(),
    status: taskStatusSchema,
    cadence: z.enum(REPORT_CADENCES),
    startDate: isoDate,
    deadline: isoDate,
    progressPercent: z.number(),
    reportedPercent: z.number().int().nullable(),
    lastReportAt: isoDateTime.nullable(),
    version: z.number().int().meta({ description: '乐观锁版本号：报送进度时原样带回' }),
    plan: z.object({ id: z.string(), title: z.string() }).nullable(),
    leadUnit: unitRef,
    coUnits: z.array(unitRef),
    leaders: z.array(z.object({ id: z.string(), name: z.string(), title: z.string().nullable() })),
    targets: z.array(targetSchema),
  })
  .meta({ id: 'TaskDetail' });

export const progressReportViewSchema = z
  .object({
    id: z.string(),
    createdAt: isoDateTime,
    unit: z.object({ id: z.string(), shortName: z.string() }),
    author: named.nullable(),
    periodKey: z.string(),
    closureRequest: z.boolean(),
    narrative: z.string(),
    percent: z.number().int(),
    targetActuals: z.array(z.object({ targetId: z.string(), actual: z.number() })),
    attachments: z.array(z.object({ name: z.string(), size: z.number().int(), type: z.string() })),
    reviewState: z.enum(['PENDING', 'ACCEPTED', 'RETURNED']),
    reviewReason: z.string().nullable(),
    reviewedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'ProgressReport' });

export const progressReportListSchema = z.object({ items: z.array(progressReportViewSchema) }).meta({ id: 'ProgressReportList' });

export const supervisionItemSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['URGE', 'SUPERVISE', 'INSTRUCTION']).meta({ description: 'URGE 催办, SUPERVISE 督办, INSTRUCTION 批示' }),
    text: z.string(),
    createdAt: isoDateTime,
    authorName: z.string(),
    authorTitle: z.string().nullable(),
    recipientUnit: z.string().nullable(),
    responseDue: isoDate.nullable(),
    response: z.string().nullable(),
    respondedAt: isoDateTime.nullable(),
    responderName: z.string().nullable(),
    escalatedAt: isoDateTime.nullable(),
  })
  .meta({ id: 'SupervisionItem' });

export const supervisionListSchema = z
  .object({ instructions: z.array(supervisionItemSchema), actions: z.array(supervisionItemSchema) })
  .meta({ id: 'SupervisionList' });

export const unitSchema = z
  .object({ id: z.string(), code: z.string(), name: z.string(), shortName: z.string(), kind: z.string(), sortOrder: z.number().int(), active: z.boolean() })
  .meta({ id: 'Unit' });
export const unitPageSchema = z.object({ items: z.array(unitSchema), total: z.number().int() }).meta({ id: 'UnitPage' });

export const userSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    role: z.enum(['ADMIN', 'LEADER', 'UNIT_HEAD', 'UNIT_STAFF']),
    unit: z.object({ id: z.string(), shortName: z.string() }).nullable(),
    active: z.boolean(),
  })
  .meta({ id: 'User' });
export const userPageSchema = z.object({ items: z.array(userSchema), total: z.number().int() }).meta({ id: 'UserPage' });
