// The role × route access matrix: every page and download, tried as each role, as users of
// another unit and of a co-unit, and signed out. Allowed gets 200; refused gets 404 (the same
// answer as for something that does not exist) or, signed out, the sign-in page / 401.
// Server actions are refused in the data layer they call (tests/integration/*) and replayed over
// HTTP in task-list.spec.ts.
import { createHash, randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext, type PlaywrightWorkerArgs } from '@playwright/test';
import { createTaskWithAttachment, e2eDb, shanghaiIsoDay } from './fixtures';
import { DEMO_PASSWORD } from './helpers';

const USERS = ['admin', 'leader', 'leader4', 'fgj_head', 'fgj_staff', 'czj_staff', 'jyj_head', 'jyj_staff'] as const;
type Username = (typeof USERS)[number];

const sessions = new Map<Username, APIRequestContext>();

async function signedIn(playwright: PlaywrightWorkerArgs['playwright'], baseURL: string, username: Username) {
  const context = await playwright.request.newContext({ baseURL });
  const { csrfToken } = await (await context.get('/api/auth/csrf')).json();
  const response = await context.post('/api/auth/callback/credentials', {
    form: { csrfToken, username, password: DEMO_PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBe(true);
  return context;
}

test.describe.configure({ mode: 'serial' });

// `redirected`: sent on to their own page instead (a unit's user opening the letters list gets its own letter).
let routes: { path: string; allowed: Username[]; redirected?: Username[]; api?: boolean }[] = [];

test.beforeAll(async ({ playwright, baseURL }) => {
  await Promise.all(USERS.map(async (username) => sessions.set(username, await signedIn(playwright, baseURL!, username))));
  // A task 发改局 leads and 财政局 supports, with an attachment; leader oversees 发改局, leader4 does not.
  const { task, url } = await createTaskWithAttachment(`权限矩阵任务-${Date.now()}`, new TextEncoder().encode('%PDF-1.4\n%%EOF\n'));
  const plan = await e2eDb().plan.findFirstOrThrow({ select: { id: true } });
  const fgj = await e2eDb().unit.findUniqueOrThrow({ where: { code: 'fgj' } });
  const year = Number(shanghaiIsoDay().slice(0, 4));
  const leaderAccount = await e2eDb().user.findUniqueOrThrow({ where: { username: 'leader' }, select: { id: true } });
  const taskReaders: Username[] = ['admin', 'leader', 'fgj_head', 'fgj_staff', 'czj_staff'];
  routes = [
    { path: '/', allowed: [...USERS] },
    { path: '/tasks', allowed: [...USERS] },
    { path: '/notifications', allowed: [...USERS] },
    { path: '/verify', allowed: [...USERS] },
    { path: `/tasks/${task.id}`, allowed: taskReaders },
    { path: `/tasks/${task.id}/edit`, allowed: ['admin'] },
    { path: url, allowed: taskReaders, api: true },
    { path: '/api/tasks/export', allowed: [...USERS], api: true },
    { path: '/tasks/new', allowed: ['admin'] },
    { path: '/plans', allowed: ['admin'] },
    { path: `/plans/${plan.id}`, allowed: ['admin'] },
    { path: '/audit', allowed: ['admin'] },
    { path: '/bulletins', allowed: ['admin'] },
    { path: '/reports', allowed: ['admin'] },
    { path: `/api/bulletins/${shanghaiIsoDay().slice(0, 7)}`, allowed: ['admin'], api: true },
    { path: '/ranking', allowed: ['admin', 'leader', 'leader4'] },
    { path: '/assessment', allowed: ['admin', 'leader', 'leader4'] },
    { path: '/assessment/scheme', allowed: ['admin'] },
    { path: `/api/assessment/${year}/scheme`, allowed: ['admin'], api: true },
    { path: '/commitments', allowed: ['admin', 'leader', 'leader4'], redirected: ['fgj_head', 'fgj_staff', 'czj_staff', 'jyj_head', 'jyj_staff'] },
    { path: `/commitments/${fgj.id}/${year}`, allowed: ['admin', 'leader', 'fgj_head', 'fgj_staff'] },
    { path: '/admin', allowed: [], redirected: ['admin'] },
    { path: '/admin/units', allowed: ['admin'] },
    { path: '/admin/units/new', allowed: ['admin'] },
    { path: `/admin/units/${fgj.id}`, allowed: ['admin'] },
    { path: '/admin/users', allowed: ['admin'] },
    { path: '/admin/users/new', allowed: ['admin'] },
    { path: `/admin/users/${leaderAccount.id}`, allowed: ['admin'] },
    { path: '/admin/leaders', allowed: ['admin'] },
    { path: `/admin/leaders/${leaderAccount.id}`, allowed: ['admin'] },
    { path: '/admin/directory', allowed: ['admin'] },
    { path: '/api/admin/directory/export', allowed: ['admin'], api: true },
    { path: '/api/admin/directory/template', allowed: ['admin'], api: true },
    { path: '/account', allowed: [...USERS] },
    // Only for a user who must change the password; anyone else is sent on to /account.
    { path: '/account/password', allowed: [], redirected: [...USERS] },
    { path: '/admin/settings', allowed: ['admin'] },
    { path: '/admin/sign-in', allowed: ['admin'] },
    { path: '/admin/api-tokens', allowed: ['admin'] },
    { path: '/account/tokens', allowed: [...USERS] },
    { path: '/api-docs', allowed: [...USERS] },
    { path: '/admin/channels', allowed: ['admin'] },
    { path: '/admin/deliveries', allowed: ['admin'] },
    { path: '/admin/deliveries?status=FAILED', allowed: ['admin'] },
    { path: '/account/notifications', allowed: [...USERS] },
  ];
});

test.afterAll(async () => {
  for (const context of sessions.values()) await context.dispose();
});

test('each role reaches exactly the routes it may, and is refused the others', async () => {
  // Every route as every role: several hundred requests, more with each new page.
  test.setTimeout(180_000);
  const mismatches: string[] = [];
  // Each route as every role at once (the server answers requests side by side).
  for (const route of routes) {
    await Promise.all(
      USERS.map(async (username) => {
        const response = await sessions.get(username)!.get(route.path, { maxRedirects: 0 });
        const expected = route.allowed.includes(username) ? 200 : route.redirected?.includes(username) ? 307 : 404;
        if (response.status() !== expected) mismatches.push(`${username} ${route.path}: ${response.status()} (expected ${expected})`);
      }),
    );
  }
  expect(mismatches.sort()).toEqual([]);
});

test('signed out, pages send to the sign-in page and downloads answer 401 with no data', async ({ request }) => {
  for (const route of routes) {
    const response = await request.get(route.path, { maxRedirects: 0 });
    if (route.api) {
      expect(response.status(), route.path).toBe(401);
      expect(await response.text(), route.path).not.toContain('任务');
    } else {
      expect(response.status(), route.path).toBe(307);
      expect(response.headers().location, route.path).toContain('/login');
    }
  }
});

test('a refused task page does not reveal the task', async () => {
  const taskRoute = routes.find((r) => r.path.startsWith('/tasks/') && r.path !== '/tasks/new')!;
  const response = await sessions.get('jyj_staff')!.get(taskRoute.path);
  expect(response.status()).toBe(404);
  expect(await response.text()).not.toContain('权限矩阵任务');
});

// /api/v1 answers to bearer tokens only. Each role's personal (read) token reaches exactly what the
// role's pages show; the session cookie alone is refused, signed in or not.
test('the API, with each role\'s personal token, reaches what its pages do; without a token it answers 401', async ({ request }) => {
  const taskPath = routes.find((r) => /^\/tasks\/[^/]+$/.test(r.path) && r.path !== '/tasks/new')!.path;
  const taskReaders = routes.find((r) => r.path === taskPath)!.allowed;
  const apiRoutes: { path: string; allowed: readonly Username[] }[] = [
    { path: '/api/v1/tasks', allowed: USERS },
    ...['', '/targets', '/reports', '/supervision'].map((tail) => ({ path: `/api/v1${taskPath}${tail}`, allowed: taskReaders })),
    { path: '/api/v1/units', allowed: ['admin'] },
    { path: '/api/v1/users', allowed: ['admin'] },
  ];
  const tokens = new Map<Username, string>();
  for (const username of USERS) {
    const secret = `lst_${randomBytes(32).toString('base64url')}`;
    const { id } = await e2eDb().user.findUniqueOrThrow({ where: { username }, select: { id: true } });
    await e2eDb().apiToken.create({
      data: { kind: 'PERSONAL', name: `权限矩阵-${username}`, userId: id, issuedById: id, scope: 'READ', secretHash: createHash('sha256').update(secret).digest('hex'), prefix: secret.slice(0, 10), expiresAt: new Date(Date.now() + 3_600_000) },
    });
    tokens.set(username, secret);
  }
  const mismatches: string[] = [];
  for (const route of apiRoutes) {
    for (const username of USERS) {
      const response = await request.get(route.path, { headers: { Authorization: `Bearer ${tokens.get(username)}` } });
      const expected = route.allowed.includes(username) ? 200 : 404;
      if (response.status() !== expected) mismatches.push(`${username} ${route.path}: ${response.status()} (expected ${expected})`);
      const cookieOnly = await sessions.get(username)!.get(route.path);
      if (cookieOnly.status() !== 401) mismatches.push(`${username} ${route.path} with a session cookie: ${cookieOnly.status()} (expected 401)`);
    }
    const signedOut = await request.get(route.path);
    expect(signedOut.status(), route.path).toBe(401);
    expect((await signedOut.json()).error.code, route.path).toBe('UNAUTHENTICATED');
  }
  expect(mismatches).toEqual([]);
  expect((await request.get('/api/v1/openapi.json')).status()).toBe(200);
});
