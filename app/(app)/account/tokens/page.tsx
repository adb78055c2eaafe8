import type { Metadata } from 'next';
import Link from 'next/link';
import { ApiTokenTable } from '@/app/_components/api-token-table';
import { IssueApiTokenForm } from '@/app/_components/api-token-forms';
import { requireUser } from '@/lib/server/auth/session';
import { listOwnApiTokens } from '@/lib/server/api-tokens/list-api-tokens';

export const metadata: Metadata = { title: '个人接口令牌' };

export default async function OwnApiTokensPage() {
  const user = await requireUser();
  const tokens = await listOwnApiTokens({ user });
  return (
    <>
      <h1>个人接口令牌</h1>
      <p className="muted small">
        个人令牌以您本人的权限访问 <Link href="/api-docs">接口（/api/v1）</Link>：能看到、能报送的与您在页面上完全相同。请勿交给他人；不再使用时请吊销。
      </p>
      <section className="panel">
        <h2>新建</h2>
        <IssueApiTokenForm kind="PERSONAL" />
      </section>
      <section aria-label="我的令牌">
        <ApiTokenTable tokens={tokens} showActing={false} />
      </section>
    </>
  );
}
