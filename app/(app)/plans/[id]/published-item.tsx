import Link from 'next/link';
import type { PlanWithItems } from '@/lib/server/plans/get-plan';
import { isoFromDate } from '@/lib/core/schemas/common';
import { PlanItemFrame } from './plan-item-frame';

/** An item of a published plan: read-only, with the task it became. */
export function PublishedItem({ item }: { item: PlanWithItems['items'][number] }) {
  return (
    <PlanItemFrame item={item}>
      {item.task && (
        <p className="small">
          <Link href={`/tasks/${item.task.id}`}>任务 {item.task.code}</Link> · 牵头单位：{item.task.leadUnit.name} · 完成时限：{isoFromDate(item.task.deadline)}
        </p>
      )}
    </PlanItemFrame>
  );
}
