import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { listUnits } from '@/lib/server/directory/list-units';
import { directoryListQuery, unitListParamsSchema, type UnitListParams } from '@/lib/core/schemas/directory';
import { joinList, UNIT_KIND_LABELS, UNIT_KINDS } from '@/lib/core/directory/labels';
import { ListPager, SortHeader } from '../list-controls';
import styles from '../admin.module.css';
import { SearchInput } from '@/app/_components/search-input';

export const metadata: Metadata = { title: '单位管理' };

const DEFAULTS = unitListParamsSchema.parse({});

export default async function UnitsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = unitListParamsSchema.parse(await searchParams);
  const { rows, total } = await orNotFound(listUnits({ user, params }));
  const href = (changes: Partial<UnitListParams>) => {
    const query = directoryListQuery(params, DEFAULTS, changes);
    return query ? `/admin/units?${query}` : '/admin/units';
  };
  const sortHref = (changes: { sort: string; dir: 'asc' | 'desc' }) => href(changes as Partial<UnitListParams>);

  return (
    <>
      <div className="page-head">
        <h1>单位</h1>
        <Link className="button" href="/admin/units/new">
          新建单位
        </Link>
      </div>
      <form className="filters panel" method="get" role="search">
        <label>
          搜索
          <SearchInput type="text" defaultValue={params.q ?? ''} placeholder="编码、名称、别名或职责关键词" />
        </label>
        <label>
          类型
          <select name="kind" defaultValue={params.kind ?? ''}>
            <option value="">全部</option>
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {UNIT_KIND_LABELS[kind]}
              </option>
            ))}
          </select>
        </label>
        <label>
          状态
          <select name="active" defaultValue={params.active ?? ''}>
            <option value="">全部</option>
            <option value="1">启用</option>
            <option value="0">停用</option>
          </select>
        </label>
        <button type="submit">查询</button>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <SortHeader label="排序" sort="sortOrder" current={params.sort} dir={params.dir} href={sortHref} />
              <SortHeader label="编码" sort="code" current={params.sort} dir={params.dir} href={sortHref} />
              <SortHeader label="全称" sort="name" current={params.sort} dir={params.dir} href={sortHref} />
              <th>简称</th>
              <SortHeader label="类型" sort="kind" current={params.sort} dir={params.dir} href={sortHref} />
              <th>职责关键词</th>
              <th>人员</th>
              <th>牵头任务</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((unit) => (
              <tr key={unit.id} className={unit.active ? undefined : styles.inactive} data-testid="unit-row">
                <td>{unit.sortOrder}</td>
                <td className="mono">{unit.code}</td>
                <td>
                  <Link href={`/admin/units/${unit.id}`}>{unit.name}</Link>
                </td>
                <td>{unit.shortName}</td>
                <td>{UNIT_KIND_LABELS[unit.kind]}</td>
                <td className="small">{joinList(unit.keywords) || <span className="muted">—</span>}</td>
                <td>{unit._count.users}</td>
                <td>{unit._count.leadTasks}</td>
                <td>{unit.active ? '启用' : <span className="badge">停用</span>}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={9} className="muted">
                  没有符合条件的单位
                </td>
              </tr>
            )}
          </tbody>
        </table>
        <ListPager page={params.page} pageSize={params.pageSize} total={total} href={(page) => href({ page })} />
      </div>
    </>
  );
}
