import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth/session';
import { getSignInSettings } from '@/lib/server/auth/sign-in-settings';
import { orNotFound } from '@/lib/server/page-guard';
import { SignInSettingsForm } from './sign-in-settings-form';

export const metadata: Metadata = { title: '登录方式' };

export default async function SignInSettingsPage() {
  const user = await requireUser();
  const settings = await orNotFound(getSignInSettings({ user }));
  return (
    <>
      <h1>登录方式</h1>
      <section className="panel">
        <p className="muted small">
          接入本县统一身份认证（OpenID Connect）后，登录页显示其按钮；登录者按下方声明中的账号名关联落实账号，也可在“人员”页按标识（sub）逐个关联。未关联的身份一律拒绝，不会自动开户。
          {settings.source === 'env' && settings.issuer && ' 当前配置来自服务器环境变量（LUOSHI_OIDC_*），在此保存后以本页为准。'}
        </p>
        <SignInSettingsForm settings={settings} />
      </section>
    </>
  );
}
