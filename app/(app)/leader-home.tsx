import Link from 'next/link';
import type { LeaderDashboard } from '@/lib/server/dashboard/get-leader-dashboard';
import type { UrgentFocus } from '@/lib/core/schemas/dashboard';
import { HomeStats } from './home-stats';
import { UrgentTasks } from './urgent-tasks';
import { UnitSummary } from './unit-summary';

const FOCUS_TABS: { focus: UrgentFocus; label: string }[] = [
  { focus: 'red', label: '逾期及红灯' },
  { focus: 'overdue', label: '仅逾期' },
  { focus: 'open', label: '全部在办' },
];

/** 领导驾驶舱: overdue and red tasks first, each with a 批示 button; then the 分管 units. */
export function LeaderHome({ data, focus, page }: { data: LeaderDashboard; focus: UrgentFocus; page: number }) {
  return (
    <>
      <HomeStats counts={data.counts} />
      <section className="panel" aria-label="重点关注任务">
        <h2>重点关注</h2>
        <nav className="tabs" aria-label="任务范围">
          {FOCUS_TABS.map((tab) => (
            <Link key={tab.focus} href={`/?focus=${tab.focus}`} aria-current={tab.focus === focus ? 'page' : undefined}>
              {tab.label}
            </Link>
          ))}
          <Link href="/tasks?overdue=1&sort=deadline">在任务台账中查看逾期任务</Link>
        </nav>
        <UrgentTasks rows={data.urgent.rows} total={data.urgent.total} page={page} focus={focus} instruct />
      </section>
      <section className="panel" aria-label="分管单位">
        <h2>分管单位</h2>
        <UnitSummary units={data.units} />
      </section>
    </>
  );
}
