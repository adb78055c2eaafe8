import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { listAuditEvents } from '@/lib/server/audit/list-audit-events';
import { orNotFound } from '@/lib/server/page-guard';
import { AUDIT_PAGE_SIZE, auditListParamsSchema } from '@/lib/core/schemas/audit';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { describeChange } from '@/lib/core/audit/describe-change';
import { AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel } from '@/lib/core/audit/actions';

export const metadata: Metadata = { title: '审计日志' };

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = auditListParamsSchema.parse(await searchParams);
  const { rows, total } = await orNotFound(listAuditEvents({ user, params }));
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const href = (page: number) =>
    `/audit?${new URLSearchParams({ ...(params.entity ? { entity: params.entity } : {}), ...(params.action ? { action: params.action } : {}), ...(params.entityId ? { entityId: params.entityId } : {}), page: String(page) })}`;

  return (
    <>
      <div className="page-head">
        <h1>审计日志</h1>
        <span className="muted small">每条记录都链接上一条记录的哈希，`npm run verify` 可复核整条链</span>
      </div>
      <form className="filters panel" method="get">
        <label>
          对象
          <select name="entity" defaultValue={params.entity ?? ''}>
            <option value="">全部</option>
            {Object.entries(AUDIT_ENTITY_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          操作（前缀）
          <input name="action" defaultValue={params.action ?? ''} placeholder="如 task. 或 commitment.sign" />
        </label>
        <label>
          对象编号
          <input name="entityId" defaultValue={params.entityId ?? ''} />
        </label>
        <button type="submit">筛选</button>
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>序号</th>
              <th>时间</th>
              <th>操作人</th>
              <th>操作</th>
              <th>对象</th>
              <th>变化</th>
              <th>哈希</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="audit-row">
                <td>{row.seq}</td>
                <td className="small">{formatShanghaiDateTime(row.createdAt)}</td>
                <td>{row.actor ? row.actor.name : <span className="muted">系统</span>}</td>
                <td className="small" title={row.action}>{auditActionLabel(row.action)}</td>
                <td className="small">
                  {auditEntityLabel(row.entity)}{' '}
                  {row.entity === 'Task' ? <Link href={`/tasks/${row.entityId}`}>查看</Link> : <span className="mono muted">{row.entityId.slice(0, 10)}</span>}
                </td>
                <td className="small">{describeChange(row.before, row.after)}</td>
                <td className="mono small muted" title={row.hash}>
                  {row.hash.slice(0, 12)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="pager">
          <span className="muted small">
            共 {total} 条，第 {params.page}/{pages} 页
          </span>
          {params.page > 1 && <Link href={href(params.page - 1)}>上一页</Link>}
          {params.page < pages && <Link href={href(params.page + 1)}>下一页</Link>}
        </div>
      </div>
    </>
  );
}
