import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { assignableChoices, listTaskChoices } from '@/lib/server/tasks/list-task-choices';
import { shanghaiIsoDate } from '@/lib/core/schedule/calendar-day';
import { NewTaskForm } from './new-task-form';

export const metadata: Metadata = { title: '新建任务' };

export default async function NewTaskPage() {
  const user = await requireUser();
  // Only the office creates tasks by hand; to everyone else the page does not exist.
  if (!can(user, 'task.create')) notFound();
  const choices = assignableChoices(await listTaskChoices({ user }));
  const today = shanghaiIsoDate(new Date());
  return (
    <>
      <div className="page-head">
        <h1>新建任务</h1>
        <Link href="/tasks" className="button secondary">
          返回台账
        </Link>
      </div>
      <NewTaskForm choices={choices} today={today} />
    </>
  );
}
