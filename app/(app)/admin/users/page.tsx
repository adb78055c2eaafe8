import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { listUsers } from '@/lib/server/directory/list-users';
import { directoryListQuery, userListParamsSchema, type UserListParams } from '@/lib/core/schemas/directory';
import { ROLE_LABELS, ROLES } from '@/lib/core/directory/labels';
import { ListPager, SortHeader } from '../list-controls';
import styles from '../admin.module.css';
import { SearchInput } from '@/app/_components/search-input';

export const metadata: Metadata = { title: '人员管理' };

const DEFAULTS = userListParamsSchema.parse({});

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = userListParamsSchema.parse(await searchParams);
  const { rows, total } = await orNotFound(listUsers({ user, params }));
  const href = (changes: Partial<UserListParams>) => {
    const query = directoryListQuery(params, DEFAULTS, changes);
    return query ? `/admin/users?${query}` : '/admin/users';
  };
  const sortHref = (changes: { sort: string; dir: 'asc' | 'desc' }) => href(changes as Partial<UserListParams>);

  return (
    <>
      <div className="page-head">
        <h1>人员</h1>
        <Link className="button" href="/admin/users/new">
          新建用户
        </Link>
      </div>
      <form className="filters panel" method="get" role="search">
        <label>
          搜索
          <SearchInput type="text" defaultValue={params.q ?? ''} placeholder="姓名、账号或单位" />
        </label>
        <label>
          角色
          <select name="role" defaultValue={params.role ?? ''}>
            <option value="">全部</option>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {ROLE_LABELS[role]}
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
              <SortHeader label="单位" sort="unit" current={params.sort} dir={params.dir} href={sortHref} />
              <SortHeader label="姓名" sort="name" current={params.sort} dir={params.dir} href={sortHref} />
              <SortHeader label="账号" sort="username" current={params.sort} dir={params.dir} href={sortHref} />
              <SortHeader label="角色" sort="role" current={params.sort} dir={params.dir} href={sortHref} />
              <th>职务</th>
              <th>手机</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} className={row.active ? undefined : styles.inactive} data-testid="user-row">
                <td>{row.unit?.shortName ?? <span className="muted">—</span>}</td>
                <td>
                  <Link href={`/admin/users/${row.id}`}>{row.name}</Link>
                </td>
                <td className="mono">{row.username}</td>
                <td>{ROLE_LABELS[row.role]}</td>
                <td className="small">{row.title ?? ''}</td>
                <td className="small">{row.phone ?? ''}</td>
                <td>
                  {row.active ? '启用' : <span className="badge">停用</span>}
                  {row.mustChangePassword && <span className="muted small"> · 待改密码</span>}
                </td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  没有符合条件的人员
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
