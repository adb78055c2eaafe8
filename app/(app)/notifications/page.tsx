import type { Metadata } from 'next';
import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { listNotifications, NOTIFICATION_PAGE_SIZE } from '@/lib/server/notifications/list-notifications';
import { notificationListParamsSchema } from '@/lib/core/schemas/notification';
import { formatShanghaiDateTime } from '@/lib/core/format/date-time';
import { markAllNotificationsReadAction, markNotificationReadAction, openNotificationAction } from './actions';
import '../dashboard.css';

export const metadata: Metadata = { title: '通知' };

export default async function NotificationsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const params = notificationListParamsSchema.parse(await searchParams);
  const { rows, total } = await listNotifications({ user, page: params.page, unreadOnly: params.unread });
  const pages = Math.max(1, Math.ceil(total / NOTIFICATION_PAGE_SIZE));
  const href = (page: number) => `/notifications?${new URLSearchParams({ ...(params.unread ? { unread: '1' } : {}), page: String(page) })}`;

  return (
    <>
      <div className="page-head">
        <h1>通知</h1>
        <div className="actions">
          <Link href="/notifications" aria-current={params.unread ? undefined : 'page'} className={params.unread ? 'button secondary' : 'button'}>
            全部
          </Link>
          <Link href="/notifications?unread=1" aria-current={params.unread ? 'page' : undefined} className={params.unread ? 'button' : 'button secondary'}>
            未读
          </Link>
          <form action={markAllNotificationsReadAction}>
            <button type="submit" className="secondary">
              全部标为已读
            </button>
          </form>
          <Link href="/account/notifications" className="button secondary">
            外发设置
          </Link>
        </div>
      </div>
      {rows.length === 0 ? (
        <p className="panel muted">{params.unread ? '没有未读通知。' : '暂无通知。'}</p>
      ) : (
        <ul className="notice-list panel" aria-label="通知列表">
          {rows.map((row) => (
            <li key={row.id} className={row.read ? 'read' : 'unread'} data-testid="notification">
              <form action={openNotificationAction} className="notice-open">
                <input type="hidden" name="notificationId" value={row.id} />
                <button type="submit" className="link-button">
                  {!row.read && <span className="dot red" aria-label="未读" />} {row.title}
                </button>
              </form>
              {row.body && <div className="notice-body">{row.body}</div>}
              <div className="notice-meta muted small">
                {formatShanghaiDateTime(row.createdAt)}
                {!row.read && (
                  <form action={markNotificationReadAction}>
                    <input type="hidden" name="notificationId" value={row.id} />
                    <button type="submit" className="link-button small">
                      标为已读
                    </button>
                  </form>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="分页">
          {params.page > 1 && <Link href={href(params.page - 1)}>上一页</Link>}
          <span>
            第 {params.page} / {pages} 页，共 {total} 条
          </span>
          {params.page < pages && <Link href={href(params.page + 1)}>下一页</Link>}
        </nav>
      )}
    </>
  );
}
