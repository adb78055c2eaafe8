import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import {
  apiErrorSchema,
  progressReportListSchema,
  progressReportViewSchema,
  supervisionListSchema,
  targetListSchema,
  taskDetailSchema,
  taskPageSchema,
  unitPageSchema,
  userPageSchema,
} from '@/lib/core/api/api-schemas';
import { API_ERROR_STATUS, type ApiErrorCode } from '@/lib/core/api/api-errors';
import type { ApiTokenScopeName } from '@/lib/core/api/api-token';
import { taskListParamsSchema } from '@/lib/core/schemas/task-list';
import { progressReportBodySchema } from '@/lib/core/schemas/report';
import { unitListParamsSchema, userListParamsSchema } from '@/lib/core/schemas/directory';

/*
 * The /api/v1 OpenAPI document, generated from the zod schemas the endpoints use: the ledger's
 * filters (task-list.ts), the report form's schema (report.ts) and the answers (api-schemas.ts).
 */

const taskPath = z.object({ id: z.string().meta({ description: '任务 id' }) });

const ERROR_DESCRIPTIONS: Partial<Record<ApiErrorCode, string>> = {
  UNAUTHENTICATED: '缺少令牌',
  TOKEN_INVALID: '令牌无效',
  TOKEN_EXPIRED: '令牌已过期',
  TOKEN_REVOKED: '令牌已吊销或其账号已停用',
  SCOPE_INSUFFICIENT: '令牌权限范围不足',
  FORBIDDEN: '令牌代表的账号无权执行',
  NOT_FOUND: '不存在，或不在令牌代表的账号的范围内',
  INVALID: '输入校验失败（fieldErrors 按字段说明）',
  INVALID_JSON: '请求体不是 JSON',
  CONFLICT: '版本冲突（已被他人修改）或当前状态不允许',
  RATE_LIMITED: '请求过于频繁（见 Retry-After）',
};

function errorResponses(codes: ApiErrorCode[]) {
  const byStatus = new Map<number, ApiErrorCode[]>();
  for (const code of ['UNAUTHENTICATED', 'TOKEN_INVALID', 'TOKEN_EXPIRED', 'TOKEN_REVOKED', 'SCOPE_INSUFFICIENT', 'RATE_LIMITED', ...codes] as ApiErrorCode[]) {
    const status = API_ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus].map(([status, list]) => [
      String(status),
      { description: list.map((code) => `${code}：${ERROR_DESCRIPTIONS[code] ?? code}`).join('；'), content: { 'application/json': { schema: apiErrorSchema } } },
    ]),
  );
}

function operation(
  scope: ApiTokenScopeName,
  summary: string,
  ok: { status?: string; description: string; schema: z.ZodType },
  spec: Omit<ZodOpenApiOperationObject, 'responses' | 'summary'> & { errors?: ApiErrorCode[] },
): ZodOpenApiOperationObject {
  const { errors = ['NOT_FOUND'], ...rest } = spec;
  return {
    summary,
    description: `需要令牌权限范围：${scope.toLowerCase()}（或更高）。`,
    'x-luoshi-scope': scope.toLowerCase(),
    ...rest,
    responses: {
      [ok.status ?? '200']: { description: ok.description, content: { 'application/json': { schema: ok.schema } } },
      ...errorResponses(errors),
    },
  };
}

export const API_V1_PATHS = {
  '/tasks': {
    get: operation('READ', '任务台账（与台账相同的筛选、排序和分页）', { description: '一页任务', schema: taskPageSchema }, {
      operationId: 'listTasks',
      tags: ['任务'],
      requestParams: { query: taskListParamsSchema },
      errors: [],
    }),
  },
  '/tasks/{id}': {
    get: operation('READ', '任务详情', { description: '任务', schema: taskDetailSchema }, { operationId: 'getTask', tags: ['任务'], requestParams: { path: taskPath } }),
  },
  '/tasks/{id}/targets': {
    get: operation('READ', '任务的量化指标及实际值', { description: '指标', schema: targetListSchema }, {
      operationId: 'listTaskTargets',
      tags: ['任务'],
      requestParams: { path: taskPath },
    }),
  },
  '/tasks/{id}/reports': {
    get: operation('READ', '任务的进度报告（新的在前）', { description: '进度报告', schema: progressReportListSchema }, {
      operationId: 'listTaskReports',
      tags: ['进度报送'],
      requestParams: { path: taskPath },
    }),
    post: operation('REPORT', '报送进度（与报送表单相同的校验；不含附件，销号申请须在页面上附证明材料）', { status: '201', description: '已报送', schema: progressReportViewSchema }, {
      operationId: 'fileTaskReport',
      tags: ['进度报送'],
      requestParams: { path: taskPath },
      requestBody: { content: { 'application/json': { schema: progressReportBodySchema } } },
      errors: ['NOT_FOUND', 'FORBIDDEN', 'INVALID', 'INVALID_JSON', 'CONFLICT'],
    }),
  },
  '/tasks/{id}/supervision': {
    get: operation('READ', '任务的批示、催办和督办', { description: '督查记录', schema: supervisionListSchema }, {
      operationId: 'listTaskSupervision',
      tags: ['督查'],
      requestParams: { path: taskPath },
    }),
  },
  '/units': {
    get: operation('READ', '单位名录（仅督查室账号）', { description: '一页单位', schema: unitPageSchema }, {
      operationId: 'listUnits',
      tags: ['组织机构'],
      requestParams: { query: unitListParamsSchema },
    }),
  },
  '/users': {
    get: operation('READ', '人员名录（仅督查室账号）', { description: '一页人员', schema: userPageSchema }, {
      operationId: 'listUsers',
      tags: ['组织机构'],
      requestParams: { query: userListParamsSchema },
    }),
  },
} satisfies ZodOpenApiPathsObject;

export function apiV1Document(serverUrl = '/api/v1') {
  return createDocument({
    openapi: '3.1.0',
    info: {
      title: '落实 luoshi API',
      version: '1',
      description:
        '以令牌访问（Authorization: Bearer <令牌>）。令牌代表一个账号，所见所为与该账号在页面上完全相同，再受令牌权限范围（read / report / manage）限制。错误以 JSON 返回，含稳定的 code 和中文 message。',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: '督查室签发的集成令牌，或个人令牌（我的账号 → 接口令牌）' } } },
    paths: API_V1_PATHS,
  });
}
