import { PLAN_ITEM_KIND_LABELS } from '@/lib/core/plan/review-summary';
import styles from './review.module.css';

type FramedItem = { id: string; level: number; numbering: string | null; kind: keyof typeof PLAN_ITEM_KIND_LABELS; excluded: boolean; text: string };

/** One item of a plan as the tree shows it, draft or published: numbering (linked to the source), kind, text. */
export function PlanItemFrame({ item, badges, children }: { item: FramedItem; badges?: React.ReactNode; children?: React.ReactNode }) {
  return (
    <li
      id={`item-${item.id}`}
      className={`${styles.item}${item.excluded ? ` ${styles.excluded}` : ''}`}
      style={{ '--level': item.level } as React.CSSProperties}
      data-testid="plan-item"
      data-kind={item.kind}
    >
      <div className={styles.itemHead}>
        <a href={`#span-${item.id}`} className={styles.numbering} title="在原文中定位">
          {item.numbering ?? '·'}
        </a>
        <span className="badge">{PLAN_ITEM_KIND_LABELS[item.kind]}</span>
        {item.excluded && <span className="badge">已排除</span>}
        {badges}
      </div>
      <p className={styles.itemText}>{item.text}</p>
      {children}
    </li>
  );
}
