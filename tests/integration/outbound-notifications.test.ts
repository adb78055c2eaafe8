import { createHmac } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { MAX_ATTEMPTS } from '@/lib/core/notify/delivery-schedule';
import { verifyWebhookSignature } from '@/lib/core/notify/signatures';
import { db } from '@/lib/server/db';
import { sendThroughChannel } from '@/lib/server/notifications/channel-transports';
import { createNotifications } from '@/lib/server/notifications/create-notifications';
import { claimDueMessages, deliverOutbox } from '@/lib/server/notifications/deliver-outbox';
import { sendDigests } from '@/lib/server/notifications/send-digests';
import { addUnitNotifyRoute } from '@/lib/server/notifications/add-unit-notify-route';
import { createNotifyChannel } from '@/lib/server/notifications/create-notify-channel';
import { getNotifyPreference } from '@/lib/server/notifications/get-notify-preference';
import { listNotifyChannels } from '@/lib/server/notifications/list-notify-channels';
import { listOutboxMessages } from '@/lib/server/notifications/list-outbox-messages';
import { resendOutboxMessage } from '@/lib/server/notifications/resend-outbox-message';
import { sendChannelTest } from '@/lib/server/notifications/send-channel-test';
import { updateNotifyPreference } from '@/lib/server/notifications/update-notify-preference';
import { updateNotifySettings } from '@/lib/server/notifications/update-notify-settings';
import { updateNotifyChannel } from '@/lib/server/notifications/update-notify-channel';
import { runScheduledJobs } from '@/lib/server/jobs/run-scheduled-jobs';
import { readMail, startHttpReceiver, startSmtpServer } from '../support/notify-servers';
import { insertTaskRow } from '../support/task-rows';
import { sessionUser, testDb, unitId } from '../support/db';
import { openChannel } from '@/lib/server/notifications/channel-secrets';

const BASE_URL = 'https://luoshi.example.gov.cn';
const MINUTE = 60_000;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let http: Awaited<ReturnType<typeof startHttpReceiver>>;

async function makeChannel(kind: 'EMAIL' | 'DINGTALK' | 'WECOM' | 'SMS' | 'WEBHOOK', config: object, secret: string | null = null) {
  return testDb.notifyChannel.create({ data: { kind, name: `${kind}-${Math.random().toString(36).slice(2)}`, config, secret } });
}

/** An event through the real entry point, in its own transaction, as the data layer writes it. */
async function notify(recipients: Parameters<typeof createNotifications>[1], message: Parameters<typeof createNotifications>[2]) {
  return db.$transaction((tx) => createNotifications(tx, recipients, message));
}

/** Each test starts with no active channels and an empty outbox, so it sees only its own rows. */
async function quiet() {
  await testDb.notifyChannel.updateMany({ data: { active: false } });
  await testDb.outboxMessage.updateMany({ where: { status: { in: ['PENDING', 'SENDING'] } }, data: { status: 'FAILED' } });
}

beforeAll(async () => {
  [smtp, http] = await Promise.all([startSmtpServer(), startHttpReceiver()]);
  await testDb.setting.upsert({
    where: { key: 'notify' },
    create: { key: 'notify', value: { baseUrl: BASE_URL, digestTime: '08:00', urgentKinds: ['supervision.supervise'], urgentOverridesQuietHours: true } },
    update: { value: { baseUrl: BASE_URL, digestTime: '08:00', urgentKinds: ['supervision.supervise'], urgentOverridesQuietHours: true } },
  });
});
afterEach(async () => {
  vi.useRealTimers();
  http.state.answer = () => [200, '{"errcode":0,"errmsg":"ok"}'];
  await quiet();
});
afterAll(async () => {
  await quiet();
  await Promise.all([smtp.close(), http.close()]);
});

describe('outbound delivery to real local servers', () => {
  test('a user who asked for email gets it over SMTP with a Chinese subject and the task link', async () => {
    await quiet();
    const email = await makeChannel('EMAIL', { host: '127.0.0.1', port: smtp.port, secure: false, user: '', from: '督查室 <duchashi@example.gov.cn>' });
    const head = await testDb.user.findUniqueOrThrow({ where: { username: 'fgj_head' } });
    await testDb.notifyPreference.upsert({ where: { userId: head.id }, create: { userId: head.id, email: 'fgj@example.gov.cn', emailKinds: ['supervision'] }, update: { email: 'fgj@example.gov.cn', emailKinds: ['supervision'] } });

    expect(await notify({ userIds: [head.id] }, { kind: 'supervision.urge', title: '【催办】新建产业园道路', body: '督查室：请于12月5日前报送进度', link: '/tasks/t-email' })).toBe(1);
    const row = await testDb.outboxMessage.findFirstOrThrow({ where: { channelId: email.id } });
    expect(row).toMatchObject({ status: 'PENDING', address: 'fgj@example.gov.cn', link: `${BASE_URL}/tasks/t-email` });
    // a kind the user did not choose is not emailed
    await notify({ userIds: [head.id] }, { kind: 'bulletin.issued', title: '通报' });
    expect(await testDb.outboxMessage.count({ where: { channelId: email.id } })).toBe(1);

    expect(await deliverOutbox()).toMatchObject({ claimed: 1, sent: 1 });
    expect(smtp.mails).toHaveLength(1);
    const mail = readMail(smtp.mails[0]!.raw);
    expect(smtp.mails[0]!.to).toEqual(['fgj@example.gov.cn']);
    expect(mail.subject).toBe('【催办】新建产业园道路');
    expect(mail.text).toContain('督查室：请于12月5日前报送进度');
    expect(mail.text).toContain(`${BASE_URL}/tasks/t-email`);
    expect(mail.headers).toContain(`Message-ID: <${row.id}@luoshi.outbox>`);
    expect(await testDb.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'SENT', attempts: 1 });
    expect(await deliverOutbox()).toMatchObject({ claimed: 0 }); // sent once
  });

  test('a unit\'s 钉钉 robot gets signed markdown (加签) and its 企业微信 robot markdown', async () => {
    await quiet();
    const secret = 'SECtest-dingtalk-secret';
    const ding = await makeChannel('DINGTALK', { webhookUrl: http.url('/robot/send?access_token=tok') }, secret);
    const wecom = await makeChannel('WECOM', { webhookUrl: http.url('/cgi-bin/webhook/send?key=k1') });
    const fgj = await unitId('fgj');
    await testDb.unitNotifyRoute.createMany({ data: [{ unitId: fgj, channelId: ding.id }, { unitId: fgj, channelId: wecom.id }] });
    const before = Date.now();

    await notify({ unitIds: [fgj] }, { kind: 'task.assigned', title: '【交办】新建产业园道路', body: '完成时限：2026-12-31', link: '/tasks/t-ding' });
    expect(await deliverOutbox()).toMatchObject({ claimed: 2, sent: 2 });

    const [dingRequest] = http.on('/robot/send');
    const timestamp = dingRequest!.url.searchParams.get('timestamp')!;
    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(dingRequest!.url.searchParams.get('access_token')).toBe('tok');
    expect(dingRequest!.url.searchParams.get('sign')).toBe(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
    const dingBody = JSON.parse(dingRequest!.body);
    expect(dingBody).toMatchObject({ msgtype: 'markdown', markdown: { title: '【交办】新建产业园道路' } });
    expect(dingBody.markdown.text).toContain(`[查看详情](${BASE_URL}/tasks/t-ding)`);
    expect(dingBody.markdown.text).toContain('完成时限：2026-12-31');

    const [wecomRequest] = http.on('/cgi-bin/webhook/send');
    expect(wecomRequest!.url.searchParams.get('key')).toBe('k1');
    const wecomBody = JSON.parse(wecomRequest!.body);
    expect(wecomBody.msgtype).toBe('markdown');
    expect(wecomBody.markdown.content).toContain('**【交办】新建产业园道路**');
    expect(wecomBody.markdown.content).toContain(`${BASE_URL}/tasks/t-ding`);

    // a scheduled run repeating the event (same dedupeKey) does not post twice
    await notify({ unitIds: [fgj] }, { kind: 'report.missed', title: '未报送', dedupeKey: 'outbound-test:missed' });
    await notify({ unitIds: [fgj] }, { kind: 'report.missed', title: '未报送', dedupeKey: 'outbound-test:missed' });
    expect(await testDb.outboxMessage.count({ where: { dedupeKey: { startsWith: 'outbound-test:missed' } } })).toBe(2); // one per robot
  });

  test('the sweep\'s deadline reminders reach the unit\'s 钉钉 robot with the task, unit and deadline, once a day', async () => {
    await quiet();
    const ding = await makeChannel('DINGTALK', { webhookUrl: http.url('/sweep/send?access_token=t') });
    const fgj = await unitId('fgj');
    await testDb.unitNotifyRoute.create({ data: { unitId: fgj, channelId: ding.id } });
    const task = await insertTaskRow({ leadUnit: 'fgj', deadline: new Date('2031-06-17') });
    const today = new Date('2031-06-10T09:00:00+08:00');

    await runScheduledJobs({ today });
    // the sweep may also notice fgj's missed reports; only this task's reminder is counted
    const reminders = { channelId: ding.id, kind: { startsWith: 'deadline.' } };
    const rows = await testDb.outboxMessage.findMany({ where: reminders });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'deadline.7d', unitId: fgj, status: 'PENDING', link: `${BASE_URL}/tasks/${task.id}`, subject: `【距完成时限还有7天】${task.title}` });
    expect(rows[0]!.text).toBe('牵头单位：发改局；完成时限：2031-06-17');

    await runScheduledJobs({ today });
    expect(await testDb.outboxMessage.count({ where: reminders })).toBe(1);
  });

  test('a failing endpoint is retried with backoff, then marked failed with the error', async () => {
    await quiet();
    http.state.answer = () => [500, 'gateway down'];
    const ding = await makeChannel('DINGTALK', { webhookUrl: http.url('/failing/send?access_token=x') });
    const fgj = await unitId('fgj');
    await testDb.unitNotifyRoute.create({ data: { unitId: fgj, channelId: ding.id } });
    await notify({ unitIds: [fgj] }, { kind: 'task.assigned', title: '重试', link: '/tasks/t-fail' });
    const row = await testDb.outboxMessage.findFirstOrThrow({ where: { channelId: ding.id } });

    let now = new Date();
    expect(await deliverOutbox({ now })).toMatchObject({ retrying: 1 });
    const after1 = await testDb.outboxMessage.findUniqueOrThrow({ where: { id: row.id } });
    expect(after1).toMatchObject({ status: 'PENDING', attempts: 1, lastError: expect.stringContaining('HTTP 500') });
    expect(after1.dueAt.getTime()).toBe(now.getTime() + MINUTE);
    expect(await deliverOutbox({ now: new Date(now.getTime() + 30_000) })).toMatchObject({ claimed: 0 }); // not yet due
    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt += 1) {
      now = (await testDb.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).dueAt;
      await deliverOutbox({ now });
    }
    expect(await testDb.outboxMessage.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ status: 'FAILED', attempts: MAX_ATTEMPTS });
    expect(http.on('/failing/send')).toHaveLength(MAX_ATTEMPTS);
    expect(await deliverOutbox({ now: new Date(now.getTime() + 24 * 60 * MINUTE) })).toMatchObject({ claimed: 0 });
  });

  test('a worker stopping between sending and recording never duplicates a robot message; the webhook is resent with the same key', async () => {
    await quiet();
    const ding = await makeChannel('DINGTALK', { webhookUrl: http.url('/crash/ding?access_token=x') });
    const hook = await makeChannel('WEBHOOK', { url: http.url('/crash/hook') }, 'hook-secret');
    const fgj = await unitId('fgj');
    await testDb.unitNotifyRoute.createMany({ data: [{ unitId: fgj, channelId: ding.id }, { unitId: fgj, channelId: hook.id }] });
    await notify({ unitIds: [fgj] }, { kind: 'task.assigned', title: '中断', link: '/tasks/t-crash' });

    // The worker claims and sends, then "crashes" before recording.
    const claims = await claimDueMessages(new Date(), 10);
    expect(claims).toHaveLength(2);
    for (const claim of claims) {
      const message = await testDb.outboxMessage.findUniqueOrThrow({ where: { id: claim.id }, include: { channel: true } });
      await sendThroughChannel(message.channel, message);
    }
    expect(http.on('/crash/ding')).toHaveLength(1);

    // A restart inside the lease leaves them alone (the first worker may still be recording).
    expect(await deliverOutbox({ now: new Date(Date.now() + MINUTE) })).toMatchObject({ claimed: 0, requeued: 0, uncertain: 0 });
    // After the lease: the robot message is UNCERTAIN and not resent; the webhook goes again with its key.
    expect(await deliverOutbox({ now: new Date(Date.now() + 10 * MINUTE) })).toMatchObject({ uncertain: 1, requeued: 1, sent: 1 });
    expect(http.on('/crash/ding')).toHaveLength(1);
    const hookRequests = http.on('/crash/hook');
    expect(hookRequests).toHaveLength(2);
    expect(new Set(hookRequests.map((request) => request.headers['idempotency-key'])).size).toBe(1);
    for (const request of hookRequests) {
      expect(verifyWebhookSignature(Number(request.headers['x-luoshi-timestamp']), request.body, 'hook-secret', String(request.headers['x-luoshi-signature']))).toBe(true);
    }
    expect(JSON.parse(hookRequests[0]!.body)).toMatchObject({ id: hookRequests[0]!.headers['idempotency-key'], kind: 'task.assigned', link: `${BASE_URL}/tasks/t-crash` });
    const rows = await testDb.outboxMessage.findMany({ where: { channelId: { in: [ding.id, hook.id] } } });
    expect(rows.find((row) => row.channelId === ding.id)).toMatchObject({ status: 'UNCERTAIN' });
    expect(rows.find((row) => row.channelId === hook.id)).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  test('quiet hours hold an SMS until 07:00; an urgent kind goes at once', async () => {
    await quiet();
    http.state.answer = () => [200, '{"code":"OK"}'];
    const sms = await makeChannel('SMS', { url: http.url('/sms/send'), method: 'POST', contentType: 'json', body: '{"phone":"{{phone}}","text":"{{text}}","token":"{{token}}"}', successText: 'OK' }, 'sms-token');
    const staff = await testDb.user.update({ where: { username: 'fgj_staff' }, data: { phone: '13800000001' } });
    await testDb.notifyPreference.upsert({ where: { userId: staff.id }, create: { userId: staff.id, smsKinds: ['task', 'supervision'] }, update: { smsKinds: ['task', 'supervision'], quietStart: 1320, quietEnd: 420 } });

    const night = new Date('2030-03-01T23:30:00+08:00');
    vi.useFakeTimers({ toFake: ['Date'], now: night });
    await notify({ userIds: [staff.id] }, { kind: 'task.assigned', title: '【交办】夜间交办的任务名称很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长', body: '完成时限：2030-03-31' });
    await notify({ userIds: [staff.id] }, { kind: 'supervision.supervise', title: '【督办】紧急事项', body: '请立即答复' });
    vi.useRealTimers();
    const rows = await testDb.outboxMessage.findMany({ where: { channelId: sms.id }, orderBy: { dueAt: 'asc' } });
    expect(rows.map((row) => [row.kind, row.dueAt.toISOString()])).toEqual([
      ['supervision.supervise', night.toISOString()],
      ['task.assigned', new Date('2030-03-02T07:00:00+08:00').toISOString()],
    ]);

    expect(await deliverOutbox({ now: new Date('2030-03-01T23:31:00+08:00') })).toMatchObject({ sent: 1 });
    expect(await deliverOutbox({ now: new Date('2030-03-02T06:59:00+08:00') })).toMatchObject({ claimed: 0 });
    expect(await deliverOutbox({ now: new Date('2030-03-02T07:00:00+08:00') })).toMatchObject({ sent: 1 });
    const texts = http.on('/sms/send').map((request) => JSON.parse(request.body));
    expect(texts.map((body) => body.phone)).toEqual(['13800000001', '13800000001']);
    expect(texts[0].token).toBe('sms-token');
    expect(texts[0].text).toBe('【督办】紧急事项：请立即答复');
    expect([...texts[1].text].length).toBeLessThanOrEqual(70);
    expect(texts[1].text.startsWith('【交办】夜间交办的任务')).toBe(true);
  });

  test('morning digests: once a day after the configured time, per leader by email and per unit to its robot; none when empty', async () => {
    await quiet();
    await makeChannel('EMAIL', { host: '127.0.0.1', port: smtp.port, secure: false, user: '', from: 'duchashi@example.gov.cn' });
    const wecom = await makeChannel('WECOM', { webhookUrl: http.url('/digest/wecom?key=d') });
    const fgj = await unitId('fgj');
    const empty = await testDb.unit.create({ data: { code: `digest-empty-${Date.now()}`, name: `空单位${Date.now()}`, shortName: '空单位', kind: 'DEPARTMENT' } });
    await testDb.unitNotifyRoute.createMany({ data: [{ unitId: fgj, channelId: wecom.id }, { unitId: empty.id, channelId: wecom.id }] });
    const leader = await testDb.user.findUniqueOrThrow({ where: { username: 'leader' } });
    await testDb.notifyPreference.upsert({ where: { userId: leader.id }, create: { userId: leader.id, email: 'leader@example.gov.cn' }, update: { email: 'leader@example.gov.cn', digest: true } });
    // A day far from today, so lights are computed for it (not the stored ones of today).
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    const base = { year: 2031, leadUnitId: fgj, startDate: day('2031-01-01'), status: 'IN_PROGRESS' as const };
    await testDb.task.create({ data: { ...base, code: `D-${Date.now()}-1`, title: '摘要：本周到期的任务', deadline: day('2031-06-12') } });
    await testDb.task.create({ data: { ...base, code: `D-${Date.now()}-2`, title: '摘要：已逾期的任务', deadline: day('2031-06-01') } });

    expect(await sendDigests(new Date('2031-06-10T07:45:00+08:00'))).toEqual({ digests: 0 }); // before 08:00
    const morning = new Date('2031-06-10T08:00:00+08:00');
    const { digests } = await sendDigests(morning);
    expect(digests).toBe(3); // the leader's email, 发改局's robot and its head's email (first test); the empty unit gets none
    expect(await sendDigests(new Date('2031-06-10T08:15:00+08:00'))).toEqual({ digests: 0 });
    await deliverOutbox({ now: morning });

    const [robot] = http.on('/digest/wecom');
    const content = JSON.parse(robot!.body).markdown.content as string;
    expect(content).toContain('【每日摘要】发改局 6月10日');
    expect(content).toContain('本周到期（1项）');
    expect(content).toContain('摘要：本周到期的任务');
    expect(http.on('/digest/wecom')).toHaveLength(1);
    const mail = readMail(smtp.mails.find((m) => m.to.includes('leader@example.gov.cn'))!.raw);
    expect(mail.subject).toContain('【每日摘要】');
    expect(mail.text).toContain('红灯和逾期任务');
    expect(mail.text).toMatch(/摘要：已逾期的任务|等\d+项/);
    expect(await testDb.outboxMessage.count({ where: { unitId: empty.id } })).toBe(0);
  });
});

describe('the office configures channels; nobody else can', () => {
  test('channels are added with masked secrets, tested through the outbox, and a failure can be resent once', async () => {
    await quiet();
    const admin = await sessionUser('admin');
    const input = { kind: 'DINGTALK', name: `测试钉钉-${Date.now()}`, active: true, secret: 'SECsecret-0123456789-WXYZ', config: { webhookUrl: http.url('/admin-test/send?access_token=abcdefghijkl') } };
    await expect(createNotifyChannel({ user: admin, input: { ...input, config: { webhookUrl: 'ftp://x' } }, ip: null })).rejects.toThrow('地址应以 http:// 或 https:// 开头');
    const channel = await createNotifyChannel({ user: admin, input, ip: null });
    await expect(createNotifyChannel({ user: admin, input, ip: null })).rejects.toThrow('已有同名渠道');
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: 'notify.channel.create', entityId: channel.id } });
    expect(JSON.stringify(audit.after)).not.toMatch(/SECsecret|abcdefghijkl/);

    const listed = (await listNotifyChannels({ user: admin })).channels.find((c) => c.id === channel.id)!;
    expect(listed.secret).toBe('已设置（…WXYZ）');
    expect(listed.summary).toContain('access_token=abcd…');
    expect(JSON.stringify(listed)).not.toContain('abcdefghijkl');

    await expect(addUnitNotifyRoute({ user: admin, input: { unitId: await unitId('fgj'), channelId: channel.id, address: '' }, ip: null })).resolves.toMatchObject({ address: null });

    expect(await sendChannelTest({ user: admin, input: { channelId: channel.id }, ip: null })).toMatchObject({ status: 'SENT' });
    expect(http.on('/admin-test/send')).toHaveLength(1);

    http.state.answer = () => [200, '{"errcode":310000,"errmsg":"sign not match"}'];
    expect(await sendChannelTest({ user: admin, input: { channelId: channel.id }, ip: null })).toMatchObject({ status: 'PENDING', error: expect.stringContaining('310000') });
    const failed = await testDb.outboxMessage.findFirstOrThrow({ where: { channelId: channel.id, status: 'PENDING' } });
    await expect(resendOutboxMessage({ user: admin, input: { messageId: failed.id }, ip: null })).rejects.toThrow('只有失败或状态不明的消息可以重发');
    await testDb.outboxMessage.update({ where: { id: failed.id }, data: { status: 'FAILED' } });
    const copy = await resendOutboxMessage({ user: admin, input: { messageId: failed.id }, ip: null });
    expect(copy).toMatchObject({ status: 'PENDING', resentFromId: failed.id, subject: failed.subject });
    await expect(resendOutboxMessage({ user: admin, input: { messageId: failed.id }, ip: null })).rejects.toThrow('该消息已重发过');
    const log = await listOutboxMessages({ user: admin, status: 'FAILED' });
    expect(log.rows.map((row) => row.id)).toContain(failed.id);
    expect(log.failing).toBeGreaterThanOrEqual(1);
  });

  test('the office edits a channel: a blank secret and a blank URL keep the stored ones, audited without the secret; others are refused', async () => {
    const admin = await sessionUser('admin');
    const channel = await createNotifyChannel({
      user: admin,
      input: { kind: 'DINGTALK', name: `编辑钉钉-${Date.now()}`, active: true, secret: 'SECold-secret-0123456789-OLDS', config: { webhookUrl: http.url('/edit/send?access_token=oldtoken1234') } },
      ip: null,
    });
    const edit = (input: object) => updateNotifyChannel({ user: admin, input: { id: channel.id, kind: 'DINGTALK', active: true, config: {}, ...input }, ip: null });

    const stored = () => testDb.notifyChannel.findUniqueOrThrow({ where: { id: channel.id } });
    // The secret and the robot URL (its access token) are stored sealed; the database alone reveals neither.
    expect(JSON.stringify(await stored())).not.toMatch(/SECold|oldtoken1234/);
    await edit({ name: `${channel.name}-改`, secret: '', config: { webhookUrl: '' } });
    expect(openChannel(await stored())).toMatchObject({
      name: `${channel.name}-改`,
      secret: 'SECold-secret-0123456789-OLDS',
      config: { webhookUrl: http.url('/edit/send?access_token=oldtoken1234') },
    });

    await edit({ name: `${channel.name}-改`, secret: 'SECnew-secret-0123456789-NEWS', config: { webhookUrl: http.url('/edit2/send?access_token=newtoken5678') } });
    expect(JSON.stringify(await stored())).not.toMatch(/SECnew|newtoken5678/);
    expect(openChannel(await stored())).toMatchObject({
      secret: 'SECnew-secret-0123456789-NEWS',
      config: { webhookUrl: http.url('/edit2/send?access_token=newtoken5678') },
    });
    const listed = (await listNotifyChannels({ user: admin })).channels.find((c) => c.id === channel.id)!;
    expect(listed.secret).toBe('已设置（…NEWS）');
    expect(JSON.stringify(listed)).not.toContain('newtoken5678');
    await expect(edit({ name: `${channel.name}-改`, config: { webhookUrl: 'ftp://x' } })).rejects.toThrow('地址应以 http:// 或 https:// 开头');

    const audit = await testDb.auditEvent.findMany({ where: { action: 'notify.channel.update', entityId: channel.id }, orderBy: { createdAt: 'asc' } });
    expect(audit.map((event) => (event.after as { secretReplaced: boolean }).secretReplaced)).toEqual([false, true]);
    expect(JSON.stringify(audit)).not.toMatch(/SECnew|SECold|newtoken5678|oldtoken1234/);

    for (const username of ['fgj_head', 'leader']) {
      await expect(updateNotifyChannel({ user: await sessionUser(username), input: { id: channel.id, kind: 'DINGTALK', name: 'x', secret: 'SECevil', config: { webhookUrl: 'http://evil' } }, ip: null })).rejects.toThrow('未找到该记录');
    }
    expect(openChannel(await stored())).toMatchObject({ name: `${channel.name}-改`, secret: 'SECnew-secret-0123456789-NEWS' });
  });

  test('units and leaders are refused everything of the office; a user edits only their own preferences', async () => {
    const channel = await makeChannel('WEBHOOK', { url: http.url('/refused') });
    for (const username of ['fgj_head', 'leader']) {
      const user = await sessionUser(username);
      await expect(listNotifyChannels({ user })).rejects.toThrow('未找到该记录');
      await expect(createNotifyChannel({ user, input: { kind: 'WEBHOOK', name: 'x', config: { url: 'http://x' } }, ip: null })).rejects.toThrow('未找到该记录');
      await expect(sendChannelTest({ user, input: { channelId: channel.id }, ip: null })).rejects.toThrow('未找到该记录');
      await expect(addUnitNotifyRoute({ user, input: { unitId: await unitId('fgj'), channelId: channel.id }, ip: null })).rejects.toThrow('未找到该记录');
      await expect(listOutboxMessages({ user })).rejects.toThrow('未找到该记录');
      await expect(resendOutboxMessage({ user, input: { messageId: 'x' }, ip: null })).rejects.toThrow('未找到该记录');
      await expect(updateNotifySettings({ user, input: { baseUrl: 'http://evil', digestTime: '08:00' }, ip: null })).rejects.toThrow('未找到该记录');
    }
    expect(http.on('/refused')).toHaveLength(0);

    const staff = await sessionUser('czj_staff');
    await expect(updateNotifyPreference({ user: staff, input: { email: 'not-an-email', quietStart: '22:00', quietEnd: '07:00' }, ip: null })).rejects.toThrow('邮箱地址无效');
    await expect(updateNotifyPreference({ user: staff, input: { email: '', quietStart: '25:00', quietEnd: '07:00' }, ip: null })).rejects.toThrow('时间格式应为 HH:MM');
    await updateNotifyPreference({ user: staff, input: { userId: (await sessionUser('admin')).id, email: 'czj@example.gov.cn', emailKinds: ['task', 'report'], smsKinds: [], quietStart: '21:30', quietEnd: '06:30', digest: 'on' }, ip: null });
    expect(await getNotifyPreference({ user: staff })).toMatchObject({ email: 'czj@example.gov.cn', emailKinds: ['task', 'report'], quietStart: '21:30', quietEnd: '06:30', digest: true });
    expect(await testDb.notifyPreference.findUnique({ where: { userId: (await sessionUser('admin')).id } })).toBeNull();
  });
});
