import Link from 'next/link';
import type { TaskLightCounts } from '@/lib/server/dashboard/get-task-light-counts';

/** Light counts of the user's tasks; each links to the task list filtered the same way. */
export function HomeStats({ counts }: { counts: TaskLightCounts }) {
  const items = [
    { label: '任务总数', value: counts.total, href: '/tasks', tone: '' },
    { label: '红灯', value: counts.red, href: '/tasks?light=red', tone: 'red' },
    { label: '黄灯', value: counts.yellow, href: '/tasks?light=yellow', tone: 'yellow' },
    { label: '绿灯', value: counts.green, href: '/tasks?light=green', tone: 'green' },
    { label: '已逾期', value: counts.overdue, href: '/tasks?overdue=1&sort=deadline', tone: 'red' },
    { label: '已销号', value: counts.done, href: '/tasks?light=done', tone: '' },
  ];
  return (
    <div className="stats" aria-label="任务概况">
      {items.map((item) => (
        <Link key={item.label} href={item.href} className={`stat ${item.tone}`} data-testid={`stat-${item.label}`}>
          <div className="value">{item.value}</div>
          <div className="label">{item.label}</div>
        </Link>
      ))}
    </div>
  );
}
