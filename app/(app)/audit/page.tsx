import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { listAuditEvents, listAuditFilterChoices } from '@/lib/server/audit/list-audit-events';
import { orNotFound } from '@/lib/server/page-guard';
import { AUDIT_PAGE_SIZE, auditListHref, auditListParamsSchema } from '@/lib/core/schemas/audit';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { describeChange } from '@/lib/core/audit/describe-change';
import { AUDIT_ACTIONS, AUDIT_ENTITY_LABELS, auditActionLabel, auditEntityLabel, type AuditEntity } from '@/lib/core/audit/actions';

export const metadata: Metadata = { title: '审计记录' };

// The action filter lists the registered actions grouped by what they concern.
const ACTIONS_BY_ENTITY = Object.entries(AUDIT_ACTIONS).reduce((groups, [action, { label, entity }]) => {
  groups.set(entity, [...(groups.get(entity) ?? []), { action, label }]);
  return groups;
}, new Map<AuditEntity, { action: string; label: string }[]>());

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = auditListParamsSchema.parse(await searchParams);
  const [{ rows, total, subjects, names }, choices] = await Promise.all([orNotFound(listAuditEvents({ user, params })), orNotFound(listAuditFilterChoices({ user }))]);
  const pages = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const filtered = Object.entries(params).some(([key, value]) => key !== 'page' && value !== undefined);

  return (
    <>
      <div className="page-head">
        <h1>审计记录</h1>
        <span className="muted small">谁在何时做了什么（北京时间）。每条记录都链接上一条记录的哈希，`npm run verify` 可复核整条链。</span>
      </div>
      <form className="filters panel" method="get" aria-label="筛选审计记录">
        {/* A record reached from a unit's or user's page keeps its subject while the other filters change. */}
        {params.entity && <input type="hidden" name="entity" value={params.entity} />}
        {params.entityId && <input type="hidden" name="entityId" value={params.entityId} />}
        <label>
          操作人
          <select name="user" defaultValue={params.user ?? ''}>
            <option value="">全部</option>
            {choices.users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
                {u.unit ? `（${u.unit.shortName}）` : ''}
              </option>
            ))}
          </select>
        </label>
        <label>
          单位
          <select name="unit" defaultValue={params.unit ?? ''}>
            <option value="">全部</option>
            {choices.units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          任务编号
          <input name="task" defaultValue={params.task ?? ''} placeholder="如 2024-0012" />
        </label>
        <label>
          操作类型
          <select name="action" defaultValue={params.action ?? ''}>
            <option value="">全部</option>
            {[...ACTIONS_BY_ENTITY].map(([entity, actions]) => (
              <optgroup key={entity} label={AUDIT_ENTITY_LABELS[entity]}>
                {actions.map(({ action, label }) => (
                  <option key={action} value={action}>
                    {label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
        <label>
          从
          <input type="date" name="from" defaultValue={params.from ?? ''} />
        </label>
        <label>
          至
          <input type="date" name="to" defaultValue={params.to ?? ''} />
        </label>
        <button type="submit">筛选</button>
        {filtered && <Link href="/audit">清除筛选</Link>}
      </form>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>时间</th>
              <th>操作人</th>
              <th>操作</th>
              <th>对象</th>
              <th>变化</th>
              <th>序号 / 哈希</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const subject = subjects.get(`${row.entity}:${row.entityId}`);
              return (
                <tr key={row.id} data-testid="audit-row">
                  <td className="small">{formatShanghaiDateTime(row.createdAt)}</td>
                  <td>
                    {row.actor ? row.actor.name : <span className="muted">系统</span>}
                    {row.actor?.unit && <span className="muted small">（{row.actor.unit.shortName}）</span>}
                    {row.via && <div className="muted small">经{row.via}</div>}
                  </td>
                  <td>{auditActionLabel(row.action)}</td>
                  <td className="small">
                    <span className="muted">{auditEntityLabel(row.entity)}</span>{' '}
                    {subject ? subject.href ? <Link href={subject.href}>{subject.name}</Link> : subject.name : <span className="muted">{row.entityId}</span>}
                  </td>
                  <td className="small">{describeChange(row.before, row.after, names)}</td>
                  <td className="mono small muted" title={row.hash}>
                    {row.seq} · {row.hash.slice(0, 8)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted">没有符合条件的记录。</p>}
        <div className="pager">
          <span className="muted small">
            共 {total} 条，第 {params.page}/{pages} 页
          </span>
          {params.page > 1 && <Link href={auditListHref({ ...params, page: params.page - 1 })}>上一页</Link>}
          {params.page < pages && <Link href={auditListHref({ ...params, page: params.page + 1 })}>下一页</Link>}
        </div>
      </div>
    </>
  );
}
