import type { Metadata } from 'next';
import { requireUser } from '@/lib/server/auth/session';
import { can, ROLE_LABELS, type SessionUser } from '@/lib/server/auth/permissions';
import { getLeaderDashboard } from '@/lib/server/dashboard/get-leader-dashboard';
import { getOfficeDashboard } from '@/lib/server/dashboard/get-office-dashboard';
import { getUnitDashboard } from '@/lib/server/dashboard/get-unit-dashboard';
import { listOutdatedLetters } from '@/lib/server/commitments/list-commitment-status';
import { getMonthlyLightTrend } from '@/lib/server/dashboard/get-monthly-light-trend';
import { getInstallationSettings } from '@/lib/server/settings/installation-settings';
import { homeParamsSchema } from '@/lib/core/schemas/dashboard';
import { LeaderHome } from './leader-home';
import { LightTrendChart } from './light-trend-chart';
import { OutdatedLetters } from './outdated-letters';
import { OfficeHome } from './office-home';
import { UnitHome } from './unit-home';
import './dashboard.css';

export const metadata: Metadata = { title: '首页' };

type Home = 'office' | 'leader' | 'unit';
const HOME_TITLES: Record<Home, string> = { office: '督查工作台', leader: '领导驾驶舱', unit: '本单位任务' };

/** The home page the permissions give the user (dashboard.office / dashboard.leader / dashboard.unit). */
function homeOf(user: SessionUser): Home {
  if (can(user, 'dashboard.office')) return 'office';
  return can(user, 'dashboard.leader') ? 'leader' : 'unit';
}

export default async function HomePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = homeParamsSchema.parse(await searchParams);
  const head = (
    <div className="page-head">
      <h1>{HOME_TITLES[homeOf(user)]}</h1>
      <span className="muted">
        {user.name} · {ROLE_LABELS[user.role]}
      </span>
    </div>
  );
  switch (homeOf(user)) {
    case 'office': {
      const year = (await getInstallationSettings()).workingYear;
      const [data, trend] = await Promise.all([getOfficeDashboard({ user }), getMonthlyLightTrend({ user, year })]);
      return (
        <>
          {head}
          <OfficeHome data={data} />
          <LightTrendChart year={year} months={trend} />
        </>
      );
    }
    case 'leader': {
      const focus = params.focus ?? 'red';
      const year = (await getInstallationSettings()).workingYear;
      const [data, letters, trend] = await Promise.all([
        getLeaderDashboard({ user, focus, page: params.page }),
        listOutdatedLetters({ user }),
        getMonthlyLightTrend({ user, year }),
      ]);
      return (
        <>
          {head}
          <OutdatedLetters rows={letters.rows} year={letters.year} own={false} />
          <LeaderHome data={data} focus={focus} page={params.page} />
          <LightTrendChart year={year} months={trend} />
        </>
      );
    }
    case 'unit': {
      const focus = params.focus ?? 'open';
      const [data, letters] = await Promise.all([getUnitDashboard({ user, focus, page: params.page }), listOutdatedLetters({ user })]);
      return (
        <>
          {head}
          <OutdatedLetters rows={letters.rows} year={letters.year} own />
          <UnitHome data={data} focus={focus} page={params.page} />
        </>
      );
    }
  }
}
