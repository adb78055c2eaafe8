import type { Metadata } from 'next';
import Link from 'next/link';
import { ChangePasswordForm } from '@/app/account/password/change-password-form';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { getOwnAccount } from '@/lib/server/accounts/get-own-account';
import { getOwnSecondFactor } from '@/lib/server/accounts/second-factor';
import { ROLE_LABELS } from '@/lib/server/auth/permissions';
import { requireUser } from '@/lib/server/auth/session';
import styles from './account.module.css';
import { SecondFactorPanel } from './second-factor-panel';

export const metadata: Metadata = { title: '我的账号' };

export default async function AccountPage() {
  const user = await requireUser();
  const [account, secondFactor] = await Promise.all([getOwnAccount({ user }), getOwnSecondFactor({ user })]);
  return (
    <>
      <h1>我的账号</h1>
      <section className="panel" aria-label="账号信息">
        <dl className={styles.facts}>
          <dt>姓名</dt>
          <dd>{account.name}</dd>
          <dt>账号</dt>
          <dd>{account.username}</dd>
          <dt>角色</dt>
          <dd>{ROLE_LABELS[account.role]}</dd>
          <dt>单位</dt>
          <dd>{account.unitName ?? '—'}</dd>
          <dt>密码修改于</dt>
          <dd>{account.passwordChangedAt ? formatShanghaiDateTime(account.passwordChangedAt) : '—'}</dd>
        </dl>
      </section>
      <section className={`panel ${styles.narrow}`}>
        <h2>修改密码</h2>
        <ChangePasswordForm username={account.username} />
      </section>
      {secondFactor.allowed && (
        <section className={`panel ${styles.narrow}`}>
          <h2>两步验证</h2>
          <SecondFactorPanel
            enabledAt={secondFactor.enabledAt ? formatShanghaiDateTime(secondFactor.enabledAt) : null}
            recoveryCodesLeft={secondFactor.recoveryCodesLeft}
            pending={secondFactor.pending}
          />
        </section>
      )}
      <section className={`panel ${styles.narrow}`}>
        <h2>接口令牌</h2>
        <p className="muted small">供其他系统或脚本以您本人的权限调用接口（/api/v1）。</p>
        <Link href="/account/tokens">管理个人接口令牌</Link>
      </section>
    </>
  );
}
