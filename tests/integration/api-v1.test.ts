import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { issueApiToken } from '@/lib/server/api-tokens/issue-api-token';
import { revokeApiToken } from '@/lib/server/api-tokens/revoke-api-token';
import { listTasks } from '@/lib/server/tasks/list-tasks';
import { listTaskTimeline } from '@/lib/server/tasks/list-task-timeline';
import { createSupervisionAction } from '@/lib/server/supervision/create-supervision-action';
import { API_THROTTLE } from '@/lib/server/api/api-rate-limit';
import { apiV1Document } from '@/lib/core/api/openapi';
import { auditEventHash } from '@/lib/core/audit/chain';
import { parseTaskListParams, searchRecord } from '@/lib/core/schemas/task-list';
import * as schemas from '@/lib/core/api/api-schemas';
import * as tasksRoute from '@/app/api/v1/tasks/route';
import * as taskRoute from '@/app/api/v1/tasks/[id]/route';
import * as targetsRoute from '@/app/api/v1/tasks/[id]/targets/route';
import * as reportsRoute from '@/app/api/v1/tasks/[id]/reports/route';
import * as supervisionRoute from '@/app/api/v1/tasks/[id]/supervision/route';
import * as unitsRoute from '@/app/api/v1/units/route';
import * as usersRoute from '@/app/api/v1/users/route';
import * as openapiRoute from '@/app/api/v1/openapi.json/route';
import { databaseKind, sessionUser, testDb, unitId } from '../support/db';
import { workflowTask } from '../support/workflow';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const YEAR = new Date().getUTCFullYear();
const thisYear = { year: YEAR, startDate: `${YEAR}-01-01`, deadline: `${YEAR}-12-31` };

let ipCounter = 0;
/** Calls a route handler as Next would; each call comes from its own address unless one is given. */
async function call(
  handler: unknown,
  { token, path: urlPath = '/api/v1/x', params = {}, body, ip }: { token?: string; path?: string; params?: Record<string, string>; body?: unknown; ip?: string },
) {
  const headers = new Headers({ 'x-forwarded-for': ip ?? `10.77.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });
  if (token) headers.set('authorization', `Bearer ${token}`);
  const init: RequestInit = { method: body === undefined ? 'GET' : 'POST', headers };
  if (body !== undefined) {
    headers.set('content-type', 'application/json');
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
  }
  const response = await (handler as Handler)(new Request(`http://localhost${urlPath}`, init), { params: Promise.resolve(params) });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> & { error?: { code: string; message: string; fieldErrors?: Record<string, string[]> } } };
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  return schema.parse(value);
}

const tokens = {} as Record<'county' | 'fgjReport' | 'fgjRead' | 'leader' | 'expired' | 'revoked', string>;
let fgjTaskId: string;
let otherTaskId: string;

beforeAll(async () => {
  const issue = async (kind: 'INTEGRATION' | 'PERSONAL', owner: string, name: string, scope: 'READ' | 'REPORT' | 'MANAGE', actingAs?: string) =>
    (
      await issueApiToken({
        user: await sessionUser(owner),
        kind,
        input: { name, scope, expiresInDays: 30, actingUserId: actingAs ? (await sessionUser(actingAs)).id : undefined },
      })
    ).secret;
  tokens.county = await issue('INTEGRATION', 'admin', '县大数据平台', 'READ', 'admin');
  tokens.fgjReport = await issue('INTEGRATION', 'admin', '发改项目调度系统', 'REPORT', 'fgj_staff');
  tokens.fgjRead = await issue('PERSONAL', 'fgj_head', '我的只读令牌', 'READ');
  tokens.leader = await issue('PERSONAL', 'leader', '驾驶舱同步', 'READ');
  tokens.expired = await issue('INTEGRATION', 'admin', '过期的令牌', 'REPORT', 'fgj_staff');
  await testDb.apiToken.updateMany({ where: { name: '过期的令牌' }, data: { expiresAt: new Date(Date.now() - 1000) } });
  tokens.revoked = await issue('PERSONAL', 'fgj_staff', '已吊销的令牌', 'REPORT');
  const revokedRow = await testDb.apiToken.findFirstOrThrow({ where: { name: '已吊销的令牌' } });
  await revokeApiToken({ user: await sessionUser('fgj_staff'), input: { tokenId: revokedRow.id } });

  fgjTaskId = (await workflowTask('接口：发改局重点项目', thisYear)).id;
  otherTaskId = (await workflowTask('接口：教育局学校建设', { ...thisYear, leadUnitId: await unitId('jyj'), coUnitIds: [], leaderIds: [] })).id;
});

describe(`/api/v1 (${databaseKind} PostgreSQL)`, () => {
  test('issuing: the secret is returned once and only its hash is stored; only the office issues integration tokens', async () => {
    const issued = await issueApiToken({ user: await sessionUser('admin'), kind: 'INTEGRATION', input: { name: '统计平台', scope: 'READ', expiresInDays: 7, actingUserId: (await sessionUser('tjj_staff')).id } });
    expect(issued.secret).toMatch(/^lst_[\w-]{43}$/);
    const row = await testDb.apiToken.findUniqueOrThrow({ where: { id: issued.id } });
    expect(JSON.stringify(row)).not.toContain(issued.secret);
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.prefix).toBe(issued.secret.slice(0, 10));
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { entityId: issued.id } });
    expect(audit).toMatchObject({ action: 'apiToken.issue', entity: 'ApiToken' });
    expect(JSON.stringify(audit.after)).not.toContain(issued.secret);

    await expect(
      issueApiToken({ user: await sessionUser('fgj_head'), kind: 'INTEGRATION', input: { name: 'x', scope: 'READ', expiresInDays: 7, actingUserId: (await sessionUser('admin')).id } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A personal token always acts as its owner, whatever account is named.
    const own = await issueApiToken({ user: await sessionUser('fgj_head'), kind: 'PERSONAL', input: { name: '我的', scope: 'READ', expiresInDays: 1, actingUserId: (await sessionUser('admin')).id } });
    expect((await testDb.apiToken.findUniqueOrThrow({ where: { id: own.id } })).userId).toBe((await sessionUser('fgj_head')).id);
    await expect(issueApiToken({ user: await sessionUser('fgj_head'), kind: 'PERSONAL', input: { name: '', scope: 'ALL', expiresInDays: 999 } })).rejects.toMatchObject({
      code: 'INVALID',
      fieldErrors: { name: ['请填写令牌名称'], scope: ['请选择权限范围'], expiresInDays: ['有效天数应在 1–366 之间'] },
    });
  });

  test('GET /tasks: each token sees exactly what its account sees in the ledger, with the ledger filters', async () => {
    for (const [token, username] of [
      [tokens.county, 'admin'],
      [tokens.fgjReport, 'fgj_staff'],
      [tokens.fgjRead, 'fgj_head'],
      [tokens.leader, 'leader'],
    ] as const) {
      const query = 'status=ASSIGNED&status=IN_PROGRESS&sort=code&dir=desc&pageSize=50';
      const { status, json } = await call(tasksRoute.GET, { token, path: `/api/v1/tasks?${query}` });
      expect(status).toBe(200);
      const page = parsed(schemas.taskPageSchema, json);
      const expected = await listTasks({ user: await sessionUser(username), params: parseTaskListParams(searchRecord(new URLSearchParams(query))) });
      expect(page.items.map((t) => t.id)).toEqual(expected.rows.map((t) => t.id));
      expect(page.total).toBe(expected.total);
      expect(page.pageSize).toBe(50);
    }
    const fgj = parsed(schemas.taskPageSchema, (await call(tasksRoute.GET, { token: tokens.fgjRead, path: '/api/v1/tasks?pageSize=100' })).json);
    expect(fgj.items.every((t) => t.leadUnit === '发改局' || t.coUnits.includes('发改局'))).toBe(true);
    expect(fgj.items.map((t) => t.id)).not.toContain(otherTaskId);
    const county = parsed(schemas.taskPageSchema, (await call(tasksRoute.GET, { token: tokens.county, path: '/api/v1/tasks?q=接口：教育局' })).json);
    expect(county.items.map((t) => t.id)).toEqual([otherTaskId]);
  });

  test('GET /tasks/{id} and /targets: in scope; another unit\'s task is not found', async () => {
    const own = await call(taskRoute.GET, { token: tokens.fgjRead, params: { id: fgjTaskId } });
    expect(own.status).toBe(200);
    expect(parsed(schemas.taskDetailSchema, own.json)).toMatchObject({ id: fgjTaskId, leadUnit: { shortName: '发改局' }, version: 1 });
    const targets = parsed(schemas.targetListSchema, (await call(targetsRoute.GET, { token: tokens.fgjRead, params: { id: fgjTaskId } })).json);
    expect(targets.items).toMatchObject([{ metric: '全年建设项目200个以上', comparator: '>=', value: 200, actualValue: null }]);

    for (const handler of [taskRoute.GET, targetsRoute.GET, reportsRoute.GET, supervisionRoute.GET]) {
      const refused = await call(handler, { token: tokens.fgjReport, params: { id: otherTaskId } });
      expect(refused.status).toBe(404);
      expect(refused.json.error).toEqual({ code: 'NOT_FOUND', message: '未找到该记录，或您无权访问' });
    }
    expect((await call(taskRoute.GET, { token: tokens.county, params: { id: otherTaskId } })).status).toBe(200);
    expect((await call(taskRoute.GET, { token: tokens.leader, params: { id: otherTaskId } })).status).toBe(404); // 教育局 is not 张建华's
  });

  test('POST /tasks/{id}/reports: filed as the form files it, shown on the task page, audited with the token name', async () => {
    const task = parsed(schemas.taskDetailSchema, (await call(taskRoute.GET, { token: tokens.fgjReport, params: { id: fgjTaskId } })).json);
    const body = { version: task.version, narrative: '通过接口报送：已开工项目120个。', percent: 55, targetActuals: [{ targetId: task.targets[0]!.id, actual: 120 }] };
    const filed = await call(reportsRoute.POST, { token: tokens.fgjReport, params: { id: fgjTaskId }, body, ip: '10.8.8.8' });
    expect(filed.status).toBe(201);
    const report = parsed(schemas.progressReportViewSchema, filed.json);
    expect(report).toMatchObject({ narrative: body.narrative, percent: 55, unit: { shortName: '发改局' }, reviewState: 'PENDING', author: { name: (await sessionUser('fgj_staff')).name } });

    // The task page's data: the report in the timeline, the actual on the target.
    const timeline = await listTaskTimeline({ user: await sessionUser('admin'), taskId: fgjTaskId });
    expect(timeline.find((entry) => entry.kind === 'report' && entry.id === report.id)).toMatchObject({ narrative: body.narrative });
    const targets = parsed(schemas.targetListSchema, (await call(targetsRoute.GET, { token: tokens.county, params: { id: fgjTaskId } })).json);
    expect(targets.items[0]!.actualValue).toBe(120);
    const listed = parsed(schemas.progressReportListSchema, (await call(reportsRoute.GET, { token: tokens.fgjRead, params: { id: fgjTaskId } })).json);
    expect(listed.items[0]!.id).toBe(report.id);

    const events = await testDb.auditEvent.findMany({ where: { OR: [{ entityId: report.id }, { entityId: fgjTaskId, action: 'task.progress' }] }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => [e.action, e.via, e.actorId, e.ip])).toEqual([
      ['report.file', '集成令牌「发改项目调度系统」', (await sessionUser('fgj_staff')).id, '10.8.8.8'],
      ['task.progress', '集成令牌「发改项目调度系统」', (await sessionUser('fgj_staff')).id, '10.8.8.8'],
    ]);
    // The token name is covered by the event's hash: changing it breaks the chain.
    const event = events[0]!;
    const fields = { prevHash: event.prevHash, shard: event.shard, actorId: event.actorId, action: event.action, entity: event.entity, entityId: event.entityId, before: event.before, after: event.after, at: event.createdAt.toISOString() };
    expect(auditEventHash({ ...fields, via: event.via })).toBe(event.hash);
    expect(auditEventHash({ ...fields, via: '个人令牌「别的」' })).not.toBe(event.hash);

    // Refusals: stale version, invalid body, not JSON, read-only token, an office token (the office does not report).
    const stale = await call(reportsRoute.POST, { token: tokens.fgjReport, params: { id: fgjTaskId }, body });
    expect([stale.status, stale.json.error?.code, stale.json.error?.message]).toEqual([409, 'CONFLICT', '已被他人修改，请刷新后重试']);
    const invalid = await call(reportsRoute.POST, { token: tokens.fgjReport, params: { id: fgjTaskId }, body: { version: 2, narrative: '', percent: 140 } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error).toMatchObject({ code: 'INVALID', fieldErrors: { narrative: ['请填写工作进展'], percent: ['完成百分比应在 0–100 之间'] } });
    const notJson = await call(reportsRoute.POST, { token: tokens.fgjReport, params: { id: fgjTaskId }, body: '{narrative:' });
    expect([notJson.status, notJson.json.error?.code]).toEqual([400, 'INVALID_JSON']);
    const readOnly = await call(reportsRoute.POST, { token: tokens.fgjRead, params: { id: fgjTaskId }, body: { ...body, version: 2 } });
    expect([readOnly.status, readOnly.json.error?.code]).toEqual([403, 'SCOPE_INSUFFICIENT']);
    const officeToken = (await issueApiToken({ user: await sessionUser('admin'), kind: 'PERSONAL', input: { name: '督查室报送', scope: 'REPORT', expiresInDays: 1 } })).secret;
    const office = await call(reportsRoute.POST, { token: officeToken, params: { id: fgjTaskId }, body: { ...body, version: 2 } });
    expect([office.status, office.json.error]).toEqual([403, { code: 'FORBIDDEN', message: '无权执行报送进度' }]);
    const otherUnit = await call(reportsRoute.POST, { token: tokens.fgjReport, params: { id: otherTaskId }, body: { ...body, version: 1 } });
    expect([otherUnit.status, otherUnit.json.error?.code]).toEqual([404, 'NOT_FOUND']);
    expect(await testDb.progressReport.count({ where: { taskId: { in: [fgjTaskId, otherTaskId] } } })).toBe(1);
  });

  test('GET /tasks/{id}/supervision: the task\'s 批示 and 督办 as the unit sees them', async () => {
    await createSupervisionAction({ user: await sessionUser('leader'), input: { taskId: fgjTaskId, kind: 'INSTRUCTION', text: '请加快进度，月底前报送。' } });
    const { status, json } = await call(supervisionRoute.GET, { token: tokens.fgjRead, params: { id: fgjTaskId } });
    expect(status).toBe(200);
    expect(parsed(schemas.supervisionListSchema, json).instructions).toMatchObject([{ kind: 'INSTRUCTION', text: '请加快进度，月底前报送。', authorName: (await sessionUser('leader')).name }]);
  });

  test('GET /units and /users: the office\'s directory for a county-wide token; not found for a unit\'s', async () => {
    const units = parsed(schemas.unitPageSchema, (await call(unitsRoute.GET, { token: tokens.county, path: '/api/v1/units?q=发改' })).json);
    expect(units.items.map((u) => u.code)).toEqual(['fgj']);
    const users = parsed(schemas.userPageSchema, (await call(usersRoute.GET, { token: tokens.county, path: '/api/v1/users?q=fgj_head' })).json);
    expect(users.items.map((u) => u.username)).toEqual(['fgj_head']);
    expect(JSON.stringify(users)).not.toMatch(/passwordHash|phone/);
    for (const handler of [unitsRoute.GET, usersRoute.GET]) {
      expect((await call(handler, { token: tokens.fgjReport })).json.error?.code).toBe('NOT_FOUND');
    }
  });

  test('refused tokens: missing, malformed, unknown, expired, revoked, or acting as a deactivated account', async () => {
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, 'UNAUTHENTICATED'],
      ['not-a-token', 401, 'TOKEN_INVALID'],
      [`lst_${'A'.repeat(43)}`, 401, 'TOKEN_INVALID'],
      [tokens.expired, 401, 'TOKEN_EXPIRED'],
      [tokens.revoked, 401, 'TOKEN_REVOKED'],
    ];
    for (const [token, status, code] of cases) {
      const refused = await call(tasksRoute.GET, { token });
      expect([refused.status, refused.json.error?.code]).toEqual([status, code]);
      expect(refused.headers.get('www-authenticate')).toBe('Bearer realm="luoshi"');
      expect(refused.json.error?.message).toMatch(/令牌/);
    }
    const mzj = await issueApiToken({ user: await sessionUser('mzj_staff'), kind: 'PERSONAL', input: { name: '民政局', scope: 'READ', expiresInDays: 1 } });
    expect((await call(tasksRoute.GET, { token: mzj.secret })).status).toBe(200);
    await testDb.user.update({ where: { username: 'mzj_staff' }, data: { active: false } });
    try {
      expect((await call(tasksRoute.GET, { token: mzj.secret })).json.error).toEqual({ code: 'TOKEN_REVOKED', message: '访问令牌代表的账号已停用' });
    } finally {
      await testDb.user.update({ where: { username: 'mzj_staff' }, data: { active: true } });
    }
  });

  test('rate limited like sign-in: an address sending bad tokens is blocked, even with a good one; others are not', async () => {
    const ip = '10.66.6.6';
    for (let i = 0; i < API_THROTTLE.addressFailures; i++) await call(tasksRoute.GET, { token: `lst_${'B'.repeat(43)}`, ip });
    const blocked = await call(tasksRoute.GET, { token: tokens.county, ip });
    expect([blocked.status, blocked.json.error?.code]).toEqual([429, 'RATE_LIMITED']);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(60);
    expect((await call(tasksRoute.GET, { token: tokens.county, ip: '10.66.6.7' })).status).toBe(200);
    expect(await testDb.rateLimit.count({ where: { key: `api-address:${ip}` } })).toBe(1);
  });

  test('the OpenAPI document validates, is served, and lists every route handler under app/api/v1 with its methods', async () => {
    const document = apiV1Document();
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);

    const served = await (openapiRoute.GET as () => Response)().json();
    expect(served).toEqual(JSON.parse(JSON.stringify(document)));

    // Every route.ts under app/api/v1 (but the document itself) and each method it exports.
    const root = path.resolve('app/api/v1');
    const routes: Record<string, string[]> = {};
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else if (name === 'route.ts' && !full.includes('openapi.json')) {
          const apiPath = '/' + path.relative(root, dir).split(path.sep).map((part) => part.replace(/^\[(\w+)\]$/, '{$1}')).join('/');
          routes[apiPath] = [...readFileSync(full, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!.toLowerCase()).sort();
        }
      }
    };
    walk(root);
    const documented = Object.fromEntries(Object.entries(document.paths ?? {}).map(([p, item]) => [p, Object.keys(item ?? {}).sort()]));
    expect(documented).toEqual(routes);
    expect(Object.keys(routes).length).toBeGreaterThanOrEqual(7);
  });
});
