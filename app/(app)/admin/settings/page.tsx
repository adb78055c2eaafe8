import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { can } from '@/lib/server/auth/permissions';
import { requireUser } from '@/lib/server/auth/session';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { SettingsForm } from './settings-form';

export const metadata: Metadata = { title: '系统设置' };

export default async function SettingsPage() {
  const user = await requireUser();
  if (!can(user, 'settings.manage')) notFound();
  const settings = await getInstallationSettings();
  return (
    <>
      <h1>系统设置</h1>
      <section className="panel">
        <p className="muted small">
          县（区）名称印在承诺书和督查通报上；工作年度是排名、工作台等默认显示的年度，留空则随日历（北京时间）自动切换。
          {settings.installation?.kind === 'demo' && ' 当前为演示数据库。'}
        </p>
        <SettingsForm countyName={settings.countyName} workingYear={settings.workingYearPinned ? settings.workingYear : null} />
      </section>
    </>
  );
}
