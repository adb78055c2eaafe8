'use client';

import styles from './review.module.css';

/**
 * The cleaned document beside the tree. Clicking a marked passage jumps to its item in the tree
 * (the item links jump back with #span-…); the text itself is rendered on the server.
 */
export function DocumentPane({ children }: { children: React.ReactNode }) {
  function showItem(event: React.MouseEvent<HTMLElement>) {
    const mark = (event.target as Element).closest('mark[data-item]');
    const id = mark?.getAttribute('data-item');
    if (id && document.getElementById(`item-${id}`)) window.location.hash = `item-${id}`;
  }
  return (
    <section className={styles.document} aria-label="原文（已清洗）">
      <h2>原文（已清洗）</h2>
      <div className={styles.documentText} onClick={showItem} data-testid="plan-document">
        {children}
      </div>
    </section>
  );
}
