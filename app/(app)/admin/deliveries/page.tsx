import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { CHANNEL_KIND_LABELS } from '@/lib/core/schemas/notify';
import { requireUser } from '@/lib/server/auth/session';
import { listOutboxMessages, OUTBOX_STATUS_LABELS } from '@/lib/server/notifications/list-outbox-messages';
import { orNotFound } from '@/lib/server/page-guard';
import { ListPager } from '../list-controls';
import { ResendForm } from './resend-form';

export const metadata: Metadata = { title: '发送记录' };

const STATUSES = ['PENDING', 'SENDING', 'SENT', 'FAILED', 'UNCERTAIN'] as const;
const paramsSchema = z.object({
  status: z.enum(STATUSES).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1),
});
const STATUS_BADGE: Record<(typeof STATUSES)[number], string> = { PENDING: 'yellow', SENDING: 'yellow', SENT: 'green', FAILED: 'red', UNCERTAIN: 'red' };

export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = paramsSchema.parse(await searchParams);
  const { rows, total, failing, page, pageSize } = await orNotFound(listOutboxMessages({ user, status: params.status, page: params.page }));
  const href = (changes: { status?: string; page?: number }) => {
    const query = new URLSearchParams();
    const status = 'status' in changes ? changes.status : params.status;
    if (status) query.set('status', status);
    if ((changes.page ?? 1) > 1) query.set('page', String(changes.page));
    return query.size ? `/admin/deliveries?${query}` : '/admin/deliveries';
  };
  return (
    <>
      <div className="page-head">
        <h1>发送记录</h1>
        <Link className="button secondary" href="/admin/channels">
          外发渠道
        </Link>
      </div>
      {failing > 0 && (
        <p className="panel">
          <span className="badge red">{failing} 条失败或状态不明</span> 失败：重试 5 次仍未成功；状态不明：发送过程中断，可能已送达，核实后可重发。
        </p>
      )}
      <nav className="filters" aria-label="按状态">
        <Link href={href({ status: undefined })} aria-current={params.status ? undefined : 'page'}>
          全部
        </Link>
        {STATUSES.map((status) => (
          <Link key={status} href={href({ status })} aria-current={params.status === status ? 'page' : undefined}>
            {OUTBOX_STATUS_LABELS[status]}
          </Link>
        ))}
      </nav>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th>时间</th>
              <th>渠道</th>
              <th>接收</th>
              <th>内容</th>
              <th>状态</th>
              <th>说明</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-testid="delivery-row">
                <td className="small">{formatShanghaiDateTime(row.createdAt)}</td>
                <td>
                  {row.channel.name}
                  <div className="muted small">{CHANNEL_KIND_LABELS[row.channel.kind]}</div>
                </td>
                <td>{row.address ?? row.unitName ?? <span className="muted">—</span>}</td>
                <td>{row.subject}</td>
                <td>
                  <span className={`badge ${STATUS_BADGE[row.status]}`}>{OUTBOX_STATUS_LABELS[row.status]}</span>
                  <div className="muted small">
                    {row.status === 'SENT' && row.sentAt ? formatShanghaiDateTime(row.sentAt) : row.status === 'PENDING' ? `${formatShanghaiDateTime(row.dueAt)} 发送` : null}
                  </div>
                </td>
                <td className="small">
                  {row.attempts > 0 && `尝试 ${row.attempts} 次`}
                  {row.lastError && <div className="muted">{row.lastError}</div>}
                  {row.resentFromId && <div className="muted">（重发）</div>}
                </td>
                <td>{(row.status === 'FAILED' || row.status === 'UNCERTAIN') && <ResendForm messageId={row.id} />}</td>
              </tr>
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={7} className="muted">
                  暂无记录
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <ListPager page={page} pageSize={pageSize} total={total} href={(next) => href({ page: next })} />
    </>
  );
}
