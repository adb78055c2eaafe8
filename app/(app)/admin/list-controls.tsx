import Link from 'next/link';

/** A sortable column header: a link that sorts by `sort`, flipping the direction when already sorted by it. */
export function SortHeader({ label, sort, current, dir, href }: { label: string; sort: string; current: string; dir: 'asc' | 'desc'; href: (changes: { sort: string; dir: 'asc' | 'desc' }) => string }) {
  const active = current === sort;
  const next = active && dir === 'asc' ? 'desc' : 'asc';
  return (
    <th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <Link href={href({ sort, dir: next })}>
        {label}
        {active ? (dir === 'asc' ? ' ▲' : ' ▼') : ''}
      </Link>
    </th>
  );
}

/** Previous / next page links with the total. */
export function ListPager({ page, pageSize, total, href }: { page: number; pageSize: number; total: number; href: (page: number) => string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label="分页">
      <span className="muted" data-testid="list-total">
        共 {total} 条 · 第 {Math.min(page, pages)} / {pages} 页
      </span>
      {page > 1 && (
        <Link className="button secondary" href={href(Math.min(page - 1, pages))} rel="prev">
          上一页
        </Link>
      )}
      {page < pages && (
        <Link className="button secondary" href={href(page + 1)} rel="next">
          下一页
        </Link>
      )}
    </nav>
  );
}
