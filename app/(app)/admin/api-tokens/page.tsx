import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ApiTokenTable } from '@/app/_components/api-token-table';
import { IssueApiTokenForm } from '@/app/_components/api-token-forms';
import { can, ROLE_LABELS } from '@/lib/server/auth/permissions';
import { requireUser } from '@/lib/server/auth/session';
import { listApiTokenAccounts, listApiTokens } from '@/lib/server/api-tokens/list-api-tokens';

export const metadata: Metadata = { title: '接口令牌' };

export default async function ApiTokensPage() {
  const user = await requireUser();
  if (!can(user, 'user.manage')) notFound();
  const [tokens, accounts] = await Promise.all([listApiTokens({ user }), listApiTokenAccounts({ user })]);
  const choices = accounts.map((account) => ({
    id: account.id,
    label: `${account.unit?.shortName ?? '全县'} · ${account.name}（${ROLE_LABELS[account.role]}，${account.username}）`,
  }));
  return (
    <>
      <h1>接口令牌</h1>
      <p className="muted small">
        为其他系统（项目调度、统计、一网统管等）签发集成令牌。令牌代表一个账号访问 <Link href="/api-docs">接口（/api/v1）</Link>，经它的写入在审计记录中注明令牌名称。令牌只在签发时显示一次，系统只保存摘要。
      </p>
      <section className="panel">
        <h2>签发集成令牌</h2>
        <IssueApiTokenForm kind="INTEGRATION" accounts={choices} />
      </section>
      <section aria-label="全部令牌">
        <ApiTokenTable tokens={tokens} showActing />
      </section>
    </>
  );
}
