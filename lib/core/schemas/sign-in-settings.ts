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
});
export type OidcSettings = z.infer<typeof oidcSettingsSchema>;

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
