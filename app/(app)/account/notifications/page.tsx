import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth/session';
import { getNotifyPreference } from '@/lib/server/notifications/get-notify-preference';
import { PreferenceForm } from './preference-form';

export const metadata: Metadata = { title: '外发通知' };

export default async function NotificationPreferencePage() {
  const user = await requireUser();
  const preference = await getNotifyPreference({ user });
  return (
    <>
      <h1>外发通知</h1>
      <p className="muted small">系统内的通知总会显示；在此选择哪些类型另发到您的邮箱或手机。本单位的钉钉、企业微信群由督查室配置。</p>
      <section className="panel">
        <PreferenceForm preference={preference} />
      </section>
    </>
  );
}
