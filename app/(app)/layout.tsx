import Link from 'next/link';
import { requireUser } from '@/lib/server/auth/session';
import { ROLE_LABELS } from '@/lib/server/auth/permissions';
import { countUnreadNotifications } from '@/lib/server/notifications/count-unread-notifications';
import { unreadBadgeText } from '@/lib/core/notify/unread-badge';
import { navItemsFor } from './nav-items';
import { NavLinks } from './nav-links';
import { SignOutButton } from './sign-out-button';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const unread = await countUnreadNotifications({ user });
  return (
    <div className="shell">
      <header className="topbar">
        <Link href="/" className="brand">
          落实<small className="hide-sm">督查督办</small>
        </Link>
        <NavLinks items={navItemsFor(user)} />
        <div className="userbox">
          {/* The name is the text itself (通知 3 条未读), so what is seen is what is said. */}
          <Link href="/notifications" className="bell" data-testid="bell">
            <span className="sr-only">通知</span>
            <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
              <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
            </svg>
            {unread > 0 && (
              <span className="count" data-testid="unread-count">
                {unreadBadgeText(unread)}
              </span>
            )}
            {unread > 0 && <span className="sr-only"> 条未读</span>}
          </Link>
          <Link href="/account" data-testid="current-user" title="我的账号">
            {user.name}
            <span className="hide-sm"> · {ROLE_LABELS[user.role]}</span>
          </Link>
          <span className="hide-sm">
            <SignOutButton />
          </span>
        </div>
      </header>
      <main className="content">{children}</main>
    </div>
  );
}
