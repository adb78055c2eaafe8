import { RevokeApiTokenButton } from '@/app/_components/api-token-forms';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { API_TOKEN_KIND_LABELS, API_TOKEN_SCOPE_LABELS } from '@/lib/core/api/api-token';
import { ROLE_LABELS } from '@/lib/core/directory/labels';
import type { ApiTokenRow } from '@/lib/server/api-tokens/list-api-tokens';

function tokenState(token: ApiTokenRow, now: Date): string {
  if (token.revokedAt) return `已吊销（${formatShanghaiDateTime(token.revokedAt)}）`;
  if (token.expiresAt <= now) return '已过期';
  return '有效';
}

/** Tokens with what each acts as, its scope and state; live ones can be revoked. */
export function ApiTokenTable({ tokens, showActing }: { tokens: ApiTokenRow[]; showActing: boolean }) {
  const now = new Date();
  if (tokens.length === 0) return <p className="muted">尚无令牌。</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th>名称</th>
            {showActing && <th>类型 / 代表账号</th>}
            <th>权限</th>
            <th>开头</th>
            <th>有效期至</th>
            <th>最近使用</th>
            <th>状态</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td>{token.name}</td>
              {showActing && (
                <td>
                  {API_TOKEN_KIND_LABELS[token.kind]} · {token.user.unit?.shortName ?? '全县'} {token.user.name}（{ROLE_LABELS[token.user.role]}）
                </td>
              )}
              <td>{API_TOKEN_SCOPE_LABELS[token.scope]}</td>
              <td className="mono">{token.prefix}…</td>
              <td>{formatShanghaiDateTime(token.expiresAt)}</td>
              <td>{token.lastUsedAt ? formatShanghaiDateTime(token.lastUsedAt) : '—'}</td>
              <td>{tokenState(token, now)}</td>
              <td>{!token.revokedAt && <RevokeApiTokenButton tokenId={token.id} name={token.name} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
