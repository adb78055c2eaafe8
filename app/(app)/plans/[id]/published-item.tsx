import Link from 'next/link';
import type { PlanWithItems } from '@/lib/server/plans/get-plan';
import { isoFromDate } from '@/lib/schemas/common';
import { PLAN_ITEM_KIND_LABELS } from '@/lib/plan/review-summary';
import styles from './review.module.css';

/** An item of a published plan: read-only, with the task it became. */
export function PublishedItem({ item }: { item: PlanWithItems['items'][number] }) {
  return (
    <li id={`item-${item.id}`} className={`${styles.item}${item.excluded ? ` ${styles.excluded}` : ''}`} style={{ '--level': item.level } as React.CSSProperties} data-testid="plan-item">
      <div className={styles.itemHead}>
        <a href={`#span-${item.id}`} className={styles.numbering} title="在原文中定位">
          {item.numbering ?? '·'}
        </a>
        <span className="badge">{PLAN_ITEM_KIND_LABELS[item.kind]}</span>
        {item.excluded && <span className="badge">已排除</span>}
      </div>
      <p className={styles.itemText}>{item.text}</p>
      {item.task && (
        <p className="small">
          <Link href={`/tasks/${item.task.id}`}>任务 {item.task.code}</Link> · 牵头单位：{item.task.leadUnit.name} · 完成时限：{isoFromDate(item.task.deadline)}
        </p>
      )}
    </li>
  );
}
