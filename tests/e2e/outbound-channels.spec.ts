// The office configures an email channel and a 钉钉 robot for a unit, presses 发送测试 on each, and
// sees both deliveries in the log. Loopback servers stand in for the mail server and 钉钉.
import { createHmac } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { readMail, startHttpReceiver, startSmtpServer } from '../support/notify-servers';
import { e2eDb, uniqueTag } from './fixtures';
import { signIn } from './helpers';

test('the office sets up email and a unit’s 钉钉 robot, sends tests, and reads the delivery log', async ({ page }) => {
  const [smtp, robot] = await Promise.all([startSmtpServer(), startHttpReceiver()]);
  const emailName = uniqueTag('县政府邮件-');
  const robotName = uniqueTag('发改局钉钉群-');
  const secret = 'SECe2e0123456789abcdef';
  try {
    await signIn(page, 'admin');
    await page.goto('/admin/channels');
    const form = page.getByRole('form', { name: '新增渠道' });
    await form.getByLabel('名称').fill(emailName);
    await form.getByLabel('SMTP 服务器').fill('127.0.0.1');
    await form.getByLabel('端口', { exact: true }).fill(String(smtp.port));
    await form.getByLabel(/SSL\/TLS/).uncheck();
    await form.getByLabel('发件人').fill('督查室 <duchashi@example.gov.cn>');
    await form.getByRole('button', { name: '添加渠道' }).click();
    await expect(form.getByRole('status')).toHaveText('渠道已添加');

    await form.getByLabel('类型').selectOption({ label: '钉钉机器人' });
    await form.getByLabel('名称').fill(robotName);
    await form.getByLabel('Webhook 地址').fill(robot.url('/robot/send?access_token=e2etoken123'));
    await form.getByLabel(/加签密钥/).fill(secret);
    await form.getByRole('button', { name: '添加渠道' }).click();
    await expect(form.getByRole('status')).toHaveText('渠道已添加');

    const robotPanel = page.getByRole('region', { name: robotName });
    await expect(robotPanel).toContainText('access_token=e2et…');
    await expect(robotPanel).toContainText('已设置（…cdef）');
    await expect(page.getByText(secret)).toHaveCount(0);
    await robotPanel.getByRole('combobox', { name: '接收单位' }).selectOption({ label: '发改局' });
    await robotPanel.getByRole('button', { name: '添加接收单位' }).click();
    await expect(robotPanel.getByRole('listitem').filter({ hasText: '发改局' })).toBeVisible();

    await robotPanel.getByRole('button', { name: '发送测试' }).click();
    await expect(robotPanel.getByRole('form', { name: '发送测试' }).getByRole('status')).toHaveText('测试消息已发送');
    const [received] = robot.on('/robot/send');
    const timestamp = received!.url.searchParams.get('timestamp')!;
    expect(received!.url.searchParams.get('sign')).toBe(createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64'));
    expect(JSON.parse(received!.body).msgtype).toBe('markdown');

    const emailPanel = page.getByRole('region', { name: emailName });
    await emailPanel.getByLabel('测试地址').fill('office@example.gov.cn');
    await emailPanel.getByRole('button', { name: '发送测试' }).click();
    await expect(emailPanel.getByRole('form', { name: '发送测试' }).getByRole('status')).toHaveText('测试消息已发送');
    expect(readMail(smtp.mails[0]!.raw).subject).toBe('【测试】落实督查督办系统');

    await page.getByRole('link', { name: '发送记录' }).first().click();
    await expect(page).toHaveURL(/\/admin\/deliveries$/);
    for (const name of [robotName, emailName]) {
      await expect(page.getByTestId('delivery-row').filter({ hasText: name }).first()).toContainText('已发送');
    }
  } finally {
    // Later specs' notices must not queue messages for servers that are gone.
    await e2eDb().notifyChannel.updateMany({ where: { name: { in: [emailName, robotName] } }, data: { active: false } });
    await Promise.all([smtp.close(), robot.close()]);
  }
});
