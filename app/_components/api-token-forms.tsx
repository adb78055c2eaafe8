'use client';

import { useActionState } from 'react';
import { FieldError, FormMessage, INITIAL_FORM_STATE, SubmitButton } from '@/app/_components/form-feedback';
import { issueApiTokenAction, revokeApiTokenAction, type IssueTokenState } from '@/app/(app)/account/tokens/actions';
import { API_TOKEN_MAX_DAYS, API_TOKEN_SCOPE_LABELS, API_TOKEN_SCOPES } from '@/lib/core/api/api-token';

export type TokenAccountChoice = { id: string; label: string };

/**
 * Issues a token and shows its secret this once. An integration token (office) names the account it
 * acts as; a personal one acts as the signed-in user.
 */
export function IssueApiTokenForm({ kind, accounts }: { kind: 'INTEGRATION' | 'PERSONAL'; accounts?: TokenAccountChoice[] }) {
  const [state, action] = useActionState<IssueTokenState, FormData>(issueApiTokenAction, INITIAL_FORM_STATE);
  return (
    <form action={action} className="stack" aria-label={kind === 'INTEGRATION' ? '签发集成令牌' : '新建个人令牌'}>
      <input type="hidden" name="kind" value={kind} />
      <label>
        名称
        <input name="name" required maxLength={60} placeholder={kind === 'INTEGRATION' ? '如：县项目调度平台' : '如：我的报表脚本'} />
        <FieldError state={state} name="name" />
      </label>
      {accounts && (
        <label>
          代表（单位或全县）
          <select name="actingUserId" required defaultValue="">
            <option value="" disabled>
              请选择令牌以哪个账号的权限访问
            </option>
            {accounts.map((account) => (
              <option key={account.id} value={account.id}>
                {account.label}
              </option>
            ))}
          </select>
          <span className="muted small">令牌所见所为与该账号在页面上完全相同：选单位的账号只见该单位的任务，选督查室账号则为全县。</span>
          <FieldError state={state} name="actingUserId" />
        </label>
      )}
      <label>
        权限范围
        <select name="scope" defaultValue="READ">
          {API_TOKEN_SCOPES.map((scope) => (
            <option key={scope} value={scope}>
              {API_TOKEN_SCOPE_LABELS[scope]}
            </option>
          ))}
        </select>
        <FieldError state={state} name="scope" />
      </label>
      <label>
        有效天数
        <input name="expiresInDays" inputMode="numeric" defaultValue={90} required min={1} max={API_TOKEN_MAX_DAYS} type="number" />
        <FieldError state={state} name="expiresInDays" />
      </label>
      <FormMessage state={state} />
      {state.secret && (
        <p data-testid="api-token-secret">
          令牌：<code className="mono">{state.secret}</code>
          <br />
          <span className="muted small">只显示这一次，系统只保存其摘要。调用时放在请求头 Authorization: Bearer &lt;令牌&gt;。</span>
        </p>
      )}
      <div>
        <SubmitButton pendingText="签发中…">{kind === 'INTEGRATION' ? '签发令牌' : '新建令牌'}</SubmitButton>
      </div>
    </form>
  );
}

export function RevokeApiTokenButton({ tokenId, name }: { tokenId: string; name: string }) {
  const [state, action] = useActionState(revokeApiTokenAction, INITIAL_FORM_STATE);
  return (
    <form
      action={action}
      onSubmit={(event) => {
        if (!window.confirm(`吊销后使用「${name}」的系统将立即无法访问。确定吊销？`)) event.preventDefault();
      }}
    >
      <input type="hidden" name="tokenId" value={tokenId} />
      <SubmitButton pendingText="吊销中…" className="secondary">
        吊销
      </SubmitButton>
      {!state.ok && state.message && <span className="field-error">{state.message}</span>}
    </form>
  );
}
