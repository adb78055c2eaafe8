import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/server/auth/session';
import { can } from '@/lib/server/auth/permissions';
import { listPlans } from '@/lib/server/plans/list-plans';
import { PLAN_KIND_LABELS } from '@/lib/core/schemas/plan';
import { ImportForm } from './import-form';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';

export const metadata: Metadata = { title: '计划导入' };

export default async function PlansPage() {
  const user = await requireUser();
  if (!can(user, 'plan.import')) notFound();
  const plans = await listPlans({ user });
  return (
    <>
      <div className="page-head">
        <h1>计划导入</h1>
      </div>
      <section className="panel">
        <h2>导入新计划</h2>
        <ImportForm />
      </section>
      <h2>已导入的计划</h2>
      <div className="table-wrap">
        <table data-testid="plan-table">
          <thead>
            <tr>
              <th scope="col">计划名称</th>
              <th scope="col">年度</th>
              <th scope="col">类型</th>
              <th scope="col">状态</th>
              <th scope="col">分解项</th>
              <th scope="col">已交办任务</th>
              <th scope="col">导入时间</th>
            </tr>
          </thead>
          <tbody>
            {plans.map((plan) => (
              <tr key={plan.id}>
                <td>
                  <Link href={`/plans/${plan.id}`}>{plan.title}</Link>
                  {plan.sourceName && <div className="muted small">{plan.sourceName}</div>}
                </td>
                <td>{plan.year}</td>
                <td>{PLAN_KIND_LABELS[plan.kind]}</td>
                <td>{plan.status === 'PUBLISHED' ? <span className="badge green">已发布</span> : <span className="badge yellow">草稿</span>}</td>
                <td>{plan._count.items}</td>
                <td>{plan.status === 'PUBLISHED' ? <Link href={`/tasks?planId=${plan.id}`}>{plan._count.tasks}</Link> : '—'}</td>
                <td className="small">{formatShanghaiDateTime(plan.createdAt)}</td>
              </tr>
            ))}
            {plans.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  还没有导入计划
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}
