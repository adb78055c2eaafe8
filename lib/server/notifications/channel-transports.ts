import 'server-only';
import nodemailer from 'nodemailer';
import { formatDingtalk, formatEmail, formatSms, formatWebhookBody, formatWecom, type OutboundContent } from '@/lib/core/notify/format-message';
import { dingtalkSignedUrl, webhookSignature } from '@/lib/core/notify/signatures';
import { fillSmsTemplate, smsAccepted, type SmsTemplate } from '@/lib/core/notify/sms-template';
import { channelConfigSchemas } from '@/lib/core/schemas/notify';
import type { NotifyChannel, OutboxMessage } from '@/lib/generated/prisma/client';
import { openChannel } from '@/lib/server/notifications/channel-secrets';

const SEND_TIMEOUT_MS = 15_000;

/** A refusal from the far end (or no answer): retried with backoff, then the message is FAILED. */
export class DeliveryError extends Error {}

/**
 * Whether the far end recognises a repeat by our idempotency key (the outbox row id): the signed
 * webhook (`Idempotency-Key` header, documented for receivers) and SMS gateways whose template
 * passes {{id}} as the client message id. For these a message interrupted between sending and
 * recording is sent again with the same key; for the others (SMTP, 钉钉, 企业微信) it is not,
 * since their servers would show it twice.
 */
export function receiverDedupes(channel: Pick<NotifyChannel, 'id' | 'kind' | 'config' | 'secret'>) {
  if (channel.kind === 'WEBHOOK') return true;
  if (channel.kind === 'SMS') {
    const template = channelConfigSchemas.SMS.safeParse(openChannel(channel).config);
    return template.success && `${template.data.url}${template.data.body}`.includes('{{id}}');
  }
  return false;
}

type Message = Pick<OutboxMessage, 'id' | 'kind' | 'address' | 'subject' | 'text' | 'link' | 'createdAt'>;

async function postJson(url: string, body: string, headers: Record<string, string> = {}) {
  let response: Response;
  try {
    response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8', ...headers }, body, signal: AbortSignal.timeout(SEND_TIMEOUT_MS), redirect: 'error' });
  } catch (error) {
    throw new DeliveryError(`无法连接：${error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error)}`);
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw new DeliveryError(`HTTP ${response.status}：${text.slice(0, 200)}`);
  return text;
}

/** 钉钉 and 企业微信 answer 200 with {"errcode":0} on success and another errcode otherwise. */
function requireErrcodeZero(text: string) {
  let answer: { errcode?: unknown; errmsg?: unknown };
  try {
    answer = JSON.parse(text);
  } catch {
    throw new DeliveryError(`无法识别的应答：${text.slice(0, 200)}`);
  }
  if (answer.errcode !== 0) throw new DeliveryError(`机器人拒绝：errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '')}`);
}

/** Sends one outbox message through its channel; throws DeliveryError when the far end refuses. */
export async function sendThroughChannel(storedChannel: NotifyChannel, message: Message): Promise<void> {
  const channel = openChannel(storedChannel);
  const content: OutboundContent = { subject: message.subject, text: message.text, link: message.link };
  switch (channel.kind) {
    case 'EMAIL': {
      const config = channelConfigSchemas.EMAIL.parse(channel.config);
      if (!message.address) throw new DeliveryError('缺少收件地址');
      const transport = nodemailer.createTransport({
        host: config.host,
        port: config.port,
        secure: config.secure,
        auth: config.user ? { user: config.user, pass: channel.secret ?? '' } : undefined,
        connectionTimeout: SEND_TIMEOUT_MS,
        greetingTimeout: SEND_TIMEOUT_MS,
        socketTimeout: SEND_TIMEOUT_MS,
      });
      const mail = formatEmail(content);
      try {
        await transport.sendMail({
          from: config.from,
          to: message.address,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: `<${message.id}@luoshi.outbox>`,
          headers: { 'X-Luoshi-Idempotency-Key': message.id },
        });
      } catch (error) {
        throw new DeliveryError(`邮件发送失败：${error instanceof Error ? error.message : String(error)}`);
      } finally {
        transport.close();
      }
      return;
    }
    case 'DINGTALK': {
      const { webhookUrl } = channelConfigSchemas.DINGTALK.parse(channel.config);
      requireErrcodeZero(await postJson(dingtalkSignedUrl(webhookUrl, Date.now(), channel.secret), JSON.stringify(formatDingtalk(content))));
      return;
    }
    case 'WECOM': {
      const { webhookUrl } = channelConfigSchemas.WECOM.parse(channel.config);
      requireErrcodeZero(await postJson(webhookUrl, JSON.stringify(formatWecom(content))));
      return;
    }
    case 'SMS': {
      const template: SmsTemplate = channelConfigSchemas.SMS.parse(channel.config);
      if (!message.address) throw new DeliveryError('缺少手机号');
      const request = fillSmsTemplate(template, { phone: message.address, text: formatSms(content), id: message.id, token: channel.secret ?? '' });
      let response: Response;
      try {
        response = await fetch(request.url, {
          method: template.method,
          headers: request.contentType ? { 'content-type': `${request.contentType}; charset=utf-8` } : {},
          body: request.body,
          signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (error) {
        throw new DeliveryError(`无法连接短信网关：${error instanceof Error ? error.message : String(error)}`);
      }
      const text = await response.text().catch(() => '');
      if (!smsAccepted(response.status, text, template.successText)) throw new DeliveryError(`短信网关拒绝：HTTP ${response.status} ${text.slice(0, 200)}`);
      return;
    }
    case 'WEBHOOK': {
      const { url } = channelConfigSchemas.WEBHOOK.parse(channel.config);
      const body = formatWebhookBody({ ...content, id: message.id, kind: message.kind, createdAt: message.createdAt });
      const timestamp = Math.floor(Date.now() / 1000);
      await postJson(url, body, {
        'Idempotency-Key': message.id,
        'X-Luoshi-Timestamp': String(timestamp),
        ...(channel.secret ? { 'X-Luoshi-Signature': webhookSignature(timestamp, body, channel.secret) } : {}),
      });
      return;
    }
  }
}
