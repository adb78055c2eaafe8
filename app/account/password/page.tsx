import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignOutButton } from '@/app/(app)/sign-out-button';
import { getLiveSession } from '@/lib/server/auth/session';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: '修改密码' };

// Outside the (app) layout on purpose: that layout sends a user who must change their password
// here, so this page must not require a fully signed-in user.
export default async function ForcedPasswordChangePage() {
  const session = await getLiveSession();
  if (!session) redirect('/login');
  if (!session.mustChangePassword) redirect('/account');
  return (
    <div className="login-wrap">
      <div className="login-card">
        <h1>请修改密码</h1>
        <p className="sub">
          {session.user.name}（{session.user.username}），您正在使用一次性密码。修改密码后才能继续使用系统。
        </p>
        <ChangePasswordForm username={session.user.username} />
        <p>
          <SignOutButton />
        </p>
      </div>
    </div>
  );
}
