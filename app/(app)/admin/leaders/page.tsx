import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { orNotFound } from '@/lib/server/page-guard';
import { listLeaders } from '@/lib/server/directory/list-leaders';
import styles from '../admin.module.css';

export const metadata: Metadata = { title: '领导分管' };

export default async function LeadersPage() {
  const user = await requireUser();
  const { leaders, unassigned } = await orNotFound(listLeaders({ user }));
  return (
    <>
      <div className="page-head">
        <h1>分管</h1>
      </div>
      <p className="muted small">县领导看到其分管单位牵头或配合的任务，并对这些单位排名、会签承诺书。调整后立即生效。</p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>领导</th>
              <th>职务</th>
              <th>分管单位</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {leaders.map((leader) => (
              <tr key={leader.id} className={leader.active ? undefined : styles.inactive} data-testid="leader-row">
                <td>
                  {leader.name} <span className="muted small mono">{leader.username}</span>
                  {!leader.active && <span className="badge">停用</span>}
                </td>
                <td className="small">{leader.title ?? ''}</td>
                <td>{leader.units.map((unit) => unit.shortName).join('、') || <span className="muted">未设置</span>}</td>
                <td>
                  <Link href={`/admin/leaders/${leader.id}`} aria-label={`调整${leader.name}的分管单位`}>
                    调整
                  </Link>
                </td>
              </tr>
            ))}
            {leaders.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  还没有县领导账号，请先在“人员”中新建角色为县领导的用户
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {unassigned.length > 0 && (
        <section className="panel" style={{ marginTop: '1rem' }}>
          <h2>尚无领导分管的单位（{unassigned.length}）</h2>
          <p className="small">{unassigned.map((unit) => unit.shortName).join('、')}</p>
        </section>
      )}
    </>
  );
}
