/**
 * API tokens (/api/v1): what a scope allows and what a secret looks like. A token acts as one
 * account (its role, unit and abilities); the scope only narrows what that account may do.
 */

/** Each scope includes the ones before it. */
export const API_TOKEN_SCOPES = ['READ', 'REPORT', 'MANAGE'] as const;
export type ApiTokenScopeName = (typeof API_TOKEN_SCOPES)[number];

export const API_TOKEN_SCOPE_LABELS: Record<ApiTokenScopeName, string> = {
  READ: '只读（read）',
  REPORT: '读取并报送进度（report）',
  MANAGE: '读取、报送及督查室管理操作（manage）',
};

export const API_TOKEN_KIND_LABELS = { INTEGRATION: '集成令牌', PERSONAL: '个人令牌' } as const;
export type ApiTokenKindName = keyof typeof API_TOKEN_KIND_LABELS;

export function scopeAllows(granted: ApiTokenScopeName, needed: ApiTokenScopeName): boolean {
  return API_TOKEN_SCOPES.indexOf(granted) >= API_TOKEN_SCOPES.indexOf(needed);
}

/** `lst_` and 32 random bytes in base64url: recognisable in logs and by secret scanners. */
export const API_TOKEN_PREFIX = 'lst_';
export const API_TOKEN_PATTERN = /^lst_[A-Za-z0-9_-]{43}$/;
/** How many leading characters of a secret are kept in clear to recognise the token in lists. */
export const API_TOKEN_SHOWN_CHARS = 10;

export const API_TOKEN_MAX_DAYS = 366;

/** How an audit row names the token a write came through. */
export function apiTokenAuditName(token: { kind: ApiTokenKindName; name: string }): string {
  return `${API_TOKEN_KIND_LABELS[token.kind]}「${token.name}」`;
}
