import { z } from 'zod';
import { parseClock } from '@/lib/core/notify/delivery-schedule';
import { NOTIFY_KIND_GROUPS, URGENT_KIND_CHOICES } from '@/lib/core/notify/kinds';
import { idSchema } from '@/lib/core/schemas/common';

const httpUrl = z
  .string({ error: '请填写地址' })
  .trim()
  .max(2000, '地址过长')
  .refine((value) => /^https?:\/\//.test(value) && URL.canParse(value), '地址应以 http:// 或 https:// 开头');
const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());
const optionalText = (max: number) => z.string().trim().max(max, '内容过长').default('');

export const CHANNEL_KIND_LABELS = { EMAIL: '电子邮件（SMTP）', DINGTALK: '钉钉机器人', WECOM: '企业微信机器人', SMS: '短信网关', WEBHOOK: '通用 Webhook（签名）' } as const;
export type ChannelKind = keyof typeof CHANNEL_KIND_LABELS;

/** The non-secret settings of each kind of channel, as stored in NotifyChannel.config. */
export const channelConfigSchemas = {
  EMAIL: z.object({
    host: z.string({ error: '请填写 SMTP 服务器' }).trim().min(1, '请填写 SMTP 服务器').max(255),
    port: z.coerce.number({ error: '端口应为数字' }).int('端口应为数字').min(1, '端口无效').max(65535, '端口无效'),
    secure: checkbox, // TLS from the first byte (465); otherwise STARTTLS when offered
    user: optionalText(255),
    from: z.string({ error: '请填写发件人' }).trim().min(3, '请填写发件人').max(255).refine((value) => value.includes('@'), '发件人应含邮箱地址'),
  }),
  DINGTALK: z.object({ webhookUrl: httpUrl }),
  WECOM: z.object({ webhookUrl: httpUrl }),
  SMS: z.object({
    url: httpUrl,
    method: z.enum(['GET', 'POST'], { error: '请求方式应为 GET 或 POST' }),
    contentType: z.enum(['json', 'form'], { error: '请选择请求体格式' }),
    body: optionalText(2000),
    successText: optionalText(200),
  }),
  WEBHOOK: z.object({ url: httpUrl }),
} as const;

/** Config fields holding a webhook URL: it carries the robot's token, so it is shown masked and a blank one on an edit keeps it. */
export const CHANNEL_URL_FIELDS = ['webhookUrl', 'url'] as const;

export const channelInputSchema = z.object({
  id: z.string().trim().max(64).optional(),
  kind: z.enum(Object.keys(CHANNEL_KIND_LABELS) as [ChannelKind, ...ChannelKind[]], { error: '请选择渠道类型' }),
  name: z.string({ error: '请填写名称' }).trim().min(1, '请填写名称').max(60, '名称过长'),
  active: checkbox,
  // Blank on an edit keeps the stored secret (it is never shown back).
  secret: z.string().max(500, '密钥过长').default(''),
  config: z.record(z.string(), z.unknown()),
});
export type ChannelInput = z.infer<typeof channelInputSchema>;

const clock = z.string({ error: '时间格式应为 HH:MM' }).refine((value) => parseClock(value) !== null, '时间格式应为 HH:MM');
const email = z.string().trim().max(255).refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), '邮箱地址无效');
const phone = z.string().trim().max(20).refine((value) => value === '' || /^\+?\d{5,15}$/.test(value), '手机号应为数字');

/** How the office routes a unit's notices: a channel, and an address for email/SMS channels. */
export const unitRouteInputSchema = z.object({ unitId: idSchema, channelId: idSchema, address: z.union([email, phone], { error: '地址无效' }).default('') });

/** The office's settings for outbound notices (Setting "notify"). */
export const notifySettingsSchema = z.object({
  baseUrl: z.union([z.literal(''), httpUrl]).transform((value) => value.replace(/\/+$/, '')),
  digestTime: clock,
  urgentKinds: z.array(z.enum(Object.keys(URGENT_KIND_CHOICES) as [keyof typeof URGENT_KIND_CHOICES])).default([]),
  urgentOverridesQuietHours: checkbox,
});
export type NotifySettingsInput = z.infer<typeof notifySettingsSchema>;

type KindGroup = keyof typeof NOTIFY_KIND_GROUPS;
const kindGroups = z.array(z.enum(Object.keys(NOTIFY_KIND_GROUPS) as [KindGroup, ...KindGroup[]])).default([]);

/** A user's own outside-channel preferences (/account/notifications). */
export const notifyPreferenceSchema = z.object({
  email,
  emailKinds: kindGroups,
  smsKinds: kindGroups,
  quietStart: clock,
  quietEnd: clock,
  digest: checkbox,
});

export const sendTestSchema = z.object({ channelId: idSchema, address: z.string().trim().max(255).default('') });
export const resendSchema = z.object({ messageId: idSchema });
