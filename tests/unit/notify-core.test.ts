import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { MAX_ATTEMPTS, digestDue, formatClock, nextAttemptAt, parseClock, smsDeliveryTime } from '@/lib/core/notify/delivery-schedule';
import { composeDigest } from '@/lib/core/notify/digest';
import { absoluteLink, formatDingtalk, formatEmail, formatSms, formatWecom, SMS_MAX_CHARS } from '@/lib/core/notify/format-message';
import { notifyKindGroup } from '@/lib/core/notify/kinds';
import { maskSecret, maskUrl } from '@/lib/core/notify/mask';
import { dingtalkSign, dingtalkSignedUrl, verifyWebhookSignature, webhookSignature } from '@/lib/core/notify/signatures';
import { fillSmsTemplate, smsAccepted } from '@/lib/core/notify/sms-template';
import { UNREAD_BADGE_LIMIT, unreadBadgeText } from '@/lib/core/notify/unread-badge';

const content = { subject: '【督办】新建产业园道路', text: '发改局：请于2026-12-05前答复', link: 'https://luoshi.example.gov.cn/tasks/t1' };
const at = (iso: string) => new Date(iso); // written with +08:00

describe('message formats', () => {
  test('links are absolute from the base URL', () => {
    expect(absoluteLink('https://a.gov.cn/', '/tasks/1')).toBe('https://a.gov.cn/tasks/1');
    expect(absoluteLink('https://a.gov.cn/luoshi', 'tasks/1')).toBe('https://a.gov.cn/luoshi/tasks/1');
    expect(absoluteLink('https://a.gov.cn', null)).toBeNull();
  });

  test('email has a Chinese subject, the link in text and html, and escapes html', () => {
    const mail = formatEmail({ ...content, text: '<b>注意</b>' });
    expect(mail.subject).toBe('【督办】新建产业园道路');
    expect(mail.text).toContain('查看：https://luoshi.example.gov.cn/tasks/t1');
    expect(mail.html).toContain('href="https://luoshi.example.gov.cn/tasks/t1"');
    expect(mail.html).toContain('&lt;b&gt;注意&lt;/b&gt;');
  });

  test('钉钉 and 企业微信 markdown carry the link; markdown in titles is escaped', () => {
    const ding = formatDingtalk({ ...content, subject: '任务[1](http://evil)' });
    expect(ding.msgtype).toBe('markdown');
    expect(ding.markdown.text).toContain('任务\\[1\\](http://evil)');
    expect(ding.markdown.text).toContain('[查看详情](https://luoshi.example.gov.cn/tasks/t1)');
    const wecom = formatWecom(content);
    expect(wecom).toEqual({ msgtype: 'markdown', markdown: { content: expect.stringContaining('**【督办】新建产业园道路**') } });
    expect(wecom.markdown.content).toContain('[查看详情](https://luoshi.example.gov.cn/tasks/t1)');
  });

  test('an SMS is at most 70 characters, cut with an ellipsis', () => {
    expect(formatSms(content)).toBe('【督办】新建产业园道路：发改局：请于2026-12-05前答复');
    const long = formatSms({ ...content, text: '很'.repeat(200) });
    expect([...long]).toHaveLength(SMS_MAX_CHARS);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('signatures', () => {
  test('钉钉 加签 is base64 HMAC-SHA256 of "timestamp\\nsecret" keyed by the secret, URL-encoded', () => {
    const secret = 'SEC000test';
    const expected = createHmac('sha256', secret).update(`1700000000000\n${secret}`).digest('base64');
    expect(dingtalkSign(1700000000000, secret)).toBe(expected);
    const url = new URL(dingtalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', 1700000000000, secret));
    expect(url.searchParams.get('access_token')).toBe('abc');
    expect(url.searchParams.get('timestamp')).toBe('1700000000000');
    expect(url.searchParams.get('sign')).toBe(expected);
    expect(dingtalkSignedUrl('https://x/robot?access_token=a', 1, null)).toBe('https://x/robot?access_token=a');
  });

  test('webhook signature verifies, and not with another body or secret', () => {
    const signature = webhookSignature(1700000000, '{"a":1}', 'k');
    expect(verifyWebhookSignature(1700000000, '{"a":1}', 'k', signature)).toBe(true);
    expect(verifyWebhookSignature(1700000000, '{"a":2}', 'k', signature)).toBe(false);
    expect(verifyWebhookSignature(1700000000, '{"a":1}', 'other', signature)).toBe(false);
  });
});

describe('delivery schedule', () => {
  test('retries back off, then give up', () => {
    const now = at('2026-12-01T10:00:00+08:00');
    expect(nextAttemptAt(1, now)).toEqual(at('2026-12-01T10:01:00+08:00'));
    expect(nextAttemptAt(2, now)).toEqual(at('2026-12-01T10:05:00+08:00'));
    expect(nextAttemptAt(MAX_ATTEMPTS - 1, now)).not.toBeNull();
    expect(nextAttemptAt(MAX_ATTEMPTS, now)).toBeNull();
  });

  test('quiet hours 22:00–07:00 hold an SMS until 07:00 (Shanghai), urgent overrides', () => {
    const quiet = { start: 22 * 60, end: 7 * 60 };
    expect(smsDeliveryTime(at('2026-12-01T23:30:00+08:00'), quiet, false)).toEqual(at('2026-12-02T07:00:00+08:00'));
    expect(smsDeliveryTime(at('2026-12-02T05:00:00+08:00'), quiet, false)).toEqual(at('2026-12-02T07:00:00+08:00'));
    expect(smsDeliveryTime(at('2026-12-02T07:00:00+08:00'), quiet, false)).toEqual(at('2026-12-02T07:00:00+08:00'));
    expect(smsDeliveryTime(at('2026-12-01T21:59:00+08:00'), quiet, false)).toEqual(at('2026-12-01T21:59:00+08:00'));
    expect(smsDeliveryTime(at('2026-12-01T23:30:00+08:00'), quiet, true)).toEqual(at('2026-12-01T23:30:00+08:00'));
    // a daytime quiet window (12:00–14:00), and none (start = end)
    expect(smsDeliveryTime(at('2026-12-01T12:30:00+08:00'), { start: 720, end: 840 }, false)).toEqual(at('2026-12-01T14:00:00+08:00'));
    expect(smsDeliveryTime(at('2026-12-01T23:30:00+08:00'), { start: 0, end: 0 }, false)).toEqual(at('2026-12-01T23:30:00+08:00'));
  });

  test('clock text, and the digest time', () => {
    expect(parseClock('8:05')).toBe(485);
    expect(parseClock('24:00')).toBeNull();
    expect(formatClock(485)).toBe('08:05');
    expect(digestDue(at('2026-12-01T08:00:00+08:00'), 480)).toBe(true);
    expect(digestDue(at('2026-12-01T07:59:00+08:00'), 480)).toBe(false);
  });
});

describe('digests, SMS templates and kind groups', () => {
  test('an empty digest is none; a full one counts and cuts', () => {
    expect(composeDigest({ recipientName: '发改局', dateLabel: '12月1日', sections: [{ title: '本周到期', items: [] }], link: null })).toBeNull();
    const digest = composeDigest({
      recipientName: '发改局',
      dateLabel: '12月1日',
      sections: [{ title: '本周到期', items: Array.from({ length: 7 }, (_, i) => ({ text: `任务${i}` })) }, { title: '被退回的报告', items: [] }, { title: '未答复的督办', items: [{ text: '道路' }] }],
      link: 'https://a/',
    })!;
    expect(digest.subject).toBe('【每日摘要】发改局 12月1日：8项待关注');
    expect(digest.text).toContain('本周到期（7项）');
    expect(digest.text).toContain('等2项');
    expect(digest.text).not.toContain('被退回的报告');
  });

  test('SMS template placeholders are escaped for JSON and forms; success needs the text', () => {
    const json = fillSmsTemplate({ url: 'http://sms/send?t={{token}}', method: 'POST', contentType: 'json', body: '{"to":"{{phone}}","msg":"{{text}}","ref":"{{id}}"}', successText: 'OK' }, { phone: '13800000000', text: '他说"好"', id: 'm1', token: 'a b' });
    expect(json.url).toBe('http://sms/send?t=a%20b');
    expect(JSON.parse(json.body!)).toEqual({ to: '13800000000', msg: '他说"好"', ref: 'm1' });
    const form = fillSmsTemplate({ url: 'http://sms/send', method: 'POST', contentType: 'form', body: 'to={{phone}}&msg={{text}}', successText: '' }, { phone: '1', text: '你好&', id: 'm', token: '' });
    expect(new URLSearchParams(form.body!).get('msg')).toBe('你好&');
    expect(smsAccepted(200, '{"code":"OK"}', 'OK')).toBe(true);
    expect(smsAccepted(200, '{"code":"FAIL"}', 'OK')).toBe(false);
    expect(smsAccepted(500, 'OK', 'OK')).toBe(false);
  });

  test('kinds group by their prefix', () => {
    expect(notifyKindGroup('supervision.supervise')).toBe('supervision');
    expect(notifyKindGroup('deadline.7d')).toBe('deadline');
    expect(notifyKindGroup('integrity.broken')).toBe('other');
  });
});

describe('secrets shown back', () => {
  test('never in full', () => {
    expect(maskSecret(null)).toBe('未设置');
    expect(maskSecret('short')).toBe('已设置');
    expect(maskSecret('SEC0123456789abcdefWXYZ')).toBe('已设置（…WXYZ）');
    const masked = maskUrl('https://oapi.dingtalk.com/robot/send?access_token=abcdef0123456789');
    expect(masked).toBe('https://oapi.dingtalk.com/robot/send?access_token=abcd…');
    expect(masked).not.toContain('0123456789');
  });
});

describe('the unread badge', () => {
  test('shows the count below the limit it is counted to, and 99+ at it', () => {
    expect(UNREAD_BADGE_LIMIT).toBe(100);
    expect(unreadBadgeText(0)).toBe('0');
    expect(unreadBadgeText(99)).toBe('99');
    expect(unreadBadgeText(100)).toBe('99+');
  });
});
