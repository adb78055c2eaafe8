import { z } from 'zod';

/**
 * The county identity provider (OpenID Connect), from the Setting table (key `oidc`) or the
 * LUOSHI_OIDC_* environment. `accountClaim` names the claim that carries the luoshi account name.
 */
export const oidcSettingsSchema = z.object({
  issuer: z.url({ error: '签发方（issuer）应为 http(s):// 地址' }),
  clientId: z.string().trim().min(1, '请填写 client id'),
  clientSecret: z.string().min(1, '请填写 client secret'),
  accountClaim: z.string().trim().min(1).default('preferred_username'),
  label: z.string().trim().min(1).max(30).default('统一身份认证'),
  // The office can switch the provider off at /admin/sign-in without losing what it entered.
  enabled: z.boolean().default(true),
});
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;

const checkbox = z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean());

/**
 * What the office sets at /admin/sign-in. A blank client secret keeps the stored one (it is never
 * shown back); whether a secret exists at all is checked by the data layer, which knows.
 */
export const signInSettingsFormSchema = z
  .object({
    enabled: checkbox,
    issuer: z.string().trim().max(300, '地址过长'),
    clientId: z.string().trim().max(200, 'client id 过长'),
    clientSecret: z.string().max(500, 'client secret 过长').default(''),
    accountClaim: z
      .string()
      .trim()
      .max(100, '声明名称过长')
      .regex(/^[A-Za-z0-9_.:-]*$/, '声明名称只能含字母、数字和 _ . : -')
      .transform((value) => value || 'preferred_username'),
    label: z
      .string()
      .trim()
      .max(30, '按钮文字不超过 30 字')
      .transform((value) => value || '统一身份认证'),
    localPasswords: checkbox,
  })
  .superRefine((input, ctx) => {
    if (input.issuer && !(/^https?:\/\//.test(input.issuer) && URL.canParse(input.issuer))) {
      ctx.addIssue({ code: 'custom', path: ['issuer'], message: '签发方（issuer）应为 http(s):// 地址' });
    }
    if (!input.enabled) {
      // Without the provider, turning passwords off would leave only the office able to sign in.
      if (!input.localPasswords) ctx.addIssue({ code: 'custom', path: ['localPasswords'], message: '未启用统一身份认证时不能关闭账号密码登录' });
      return;
    }
    if (!input.issuer) ctx.addIssue({ code: 'custom', path: ['issuer'], message: '启用统一身份认证须填写签发方（issuer）' });
    if (!input.clientId) ctx.addIssue({ code: 'custom', path: ['clientId'], message: '请填写 client id' });
  });
export type SignInSettingsInput = z.infer<typeof signInSettingsFormSchema>;

/** The office links an external identity to an account by its subject (`sub`) at the provider. */
export const oidcLinkSchema = z.object({
  userId: z.string().min(1),
  subject: z.string().trim().min(1, '请填写统一身份认证账号的标识（sub）').max(200, '标识过长'),
});

export const OIDC_PROVIDER_ID = 'oidc';

/** Why an identity-provider sign-in was refused: the code travels in the sign-in page's URL. */
export const OIDC_REFUSALS = {
  OidcUnknownAccount: '该统一身份认证账号未在落实中开通或未关联，请联系督查室在“人员”中关联后再登录',
  OidcInactive: '该账号已停用，请联系督查室',
  OidcUnavailable: '暂时无法通过统一身份认证登录，请稍后重试或使用账号密码登录',
} as const;
export type OidcRefusal = keyof typeof OIDC_REFUSALS;

export function oidcRefusalMessage(code: unknown): string | null {
  return typeof code === 'string' && Object.hasOwn(OIDC_REFUSALS, code) ? OIDC_REFUSALS[code as OidcRefusal] : null;
}
